import type pg from 'pg';
import { touchApiKeys } from '../auth/key-store.ts';
import { isFinalStatus } from '../ports/job-store.ts';
import { countFindings } from '../store/finding-counts.ts';
import type { AggregateView } from './aggregate-schemas.ts';
import type { ApiStore, JobCommands, JobKey, Page, PageRequest, ScanSpec, SubmitResult } from './ports.ts';
import { IdempotencyConflict } from './ports.ts';
import {
  AGGREGATE_COLUMNS,
  type AggregateRow,
  aggregateView,
  FINDING_COLUMNS,
  type FindingRow,
  findingView,
  type JobRow,
  jobView,
  type ObjectRow,
  objectView,
} from './row-views.ts';
import { JOB_OPTION_COLUMNS } from './scan-options.ts';
import type { FindingView, JobObjectView, JobStatus, JobSummary, JobView, ObjectStatus } from './schemas.ts';

const SUMMARY_CACHE_SIZE = 1000;

/** A reservation older than this belongs to a request that died; a retry may take it over. */
const RESERVATION_SECONDS = 60;

const JOB_COLUMNS = `id, status, source, name, detectors, exclude, status_reason, objects_total, objects_done,
  bytes_total, bytes_scanned, findings_count, findings_aggregated, aggregate_threshold, created_at, updated_at, finished_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key, ${JOB_OPTION_COLUMNS}`;

/** `ApiStore` over the service's PostgreSQL schema (migrations 001 and 020). */
export class PgApiStore implements ApiStore {
  /** Summaries of ended jobs never change; the most recent ones are kept in memory. */
  private readonly summaries = new Map<string, JobSummary>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly commands: JobCommands,
  ) {}

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async apiKeysByPrefix(prefix: string): Promise<{ id: string; tenantId: string; hash: string }[]> {
    const { rows } = await this.pool.query<{ id: string; tenant_id: string; key_hash: string }>(
      'SELECT id, tenant_id, key_hash FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL LIMIT 20',
      [prefix],
    );
    return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, hash: r.key_hash }));
  }

  async touchApiKeys(ids: readonly string[]): Promise<void> {
    await touchApiKeys(this.pool, ids);
  }

  async tenantByName(name: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM tenants WHERE name = $1', [name]);
    return rows[0]?.id ?? null;
  }

  async submitScan(
    tenantId: string,
    spec: ScanSpec,
    idempotency?: { key: string; requestHash: string },
  ): Promise<SubmitResult> {
    if (!idempotency) {
      return {
        job: await this.mustGetJob(tenantId, await this.commands.submit(tenantId, spec)),
        replayed: false,
      };
    }
    const { key, requestHash } = idempotency;
    // Reserve the key (or take over a reservation whose request died), then create the job outside any transaction.
    const reserved = await this.pool.query(
      `INSERT INTO api_idempotency_keys (tenant_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE api_idempotency_keys.job_id IS NULL
           AND api_idempotency_keys.created_at < now() - make_interval(secs => $4)
       RETURNING key`,
      [tenantId, key, requestHash, RESERVATION_SECONDS],
    );
    if (reserved.rowCount === 1) {
      try {
        const jobId = await this.commands.submit(tenantId, spec);
        await this.pool.query(
          'UPDATE api_idempotency_keys SET job_id = $3 WHERE tenant_id = $1 AND key = $2',
          [tenantId, key, jobId],
        );
        return { job: await this.mustGetJob(tenantId, jobId), replayed: false };
      } catch (err) {
        await this.pool
          .query('DELETE FROM api_idempotency_keys WHERE tenant_id = $1 AND key = $2 AND job_id IS NULL', [
            tenantId,
            key,
          ])
          .catch(() => {});
        throw err;
      }
    }
    const { rows } = await this.pool.query<{ request_hash: string; job_id: string | null }>(
      'SELECT request_hash, job_id FROM api_idempotency_keys WHERE tenant_id = $1 AND key = $2',
      [tenantId, key],
    );
    const earlier = rows[0];
    if (!earlier?.job_id) throw new IdempotencyConflict(null);
    if (earlier.request_hash !== requestHash) throw new IdempotencyConflict(earlier.job_id);
    return { job: await this.mustGetJob(tenantId, earlier.job_id), replayed: true };
  }

  private async mustGetJob(tenantId: string, jobId: string): Promise<JobView> {
    const job = await this.getJob(tenantId, jobId);
    if (!job) throw new Error(`job ${jobId} vanished after it was created`);
    return job;
  }

  async getJob(tenantId: string, jobId: string): Promise<JobView | null> {
    const { rows } = await this.pool.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1 AND tenant_id = $2`,
      [jobId, tenantId],
    );
    return rows[0] ? jobView(rows[0]) : null;
  }

  async listJobs(
    tenantId: string,
    filter: { status?: JobStatus },
    page: PageRequest<JobKey>,
  ): Promise<Page<JobView, JobKey>> {
    const { rows } = await this.pool.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM jobs
       WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2)
         AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $5`,
      [
        tenantId,
        filter.status ?? null,
        page.after?.createdAt ?? null,
        page.after?.id ?? null,
        page.limit + 1,
      ],
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map(jobView),
      next: rows.length > page.limit && last ? { createdAt: last.created_key, id: last.id } : null,
    };
  }

  async cancelJob(tenantId: string, jobId: string): Promise<JobView | null> {
    await this.commands.cancel(tenantId, jobId);
    return this.getJob(tenantId, jobId);
  }

  async listFindings(
    tenantId: string,
    filter: { jobId: string; detector?: string; severity?: string; object?: string },
    page: PageRequest<string>,
  ): Promise<Page<FindingView, string> | null> {
    // Only the filters given become conditions, so each shape gets a plan on its own index.
    const params: unknown[] = [filter.jobId, tenantId, page.after ?? '0'];
    const where = ['job_id = $1', 'tenant_id = $2', 'seq > $3'];
    for (const [column, value] of [
      ['detector', filter.detector],
      ['severity', filter.severity],
      ['object_key', filter.object],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    params.push(page.limit + 1);
    const { rows } = await this.pool.query<FindingRow>(
      `SELECT ${FINDING_COLUMNS} FROM findings WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`,
      params,
    );
    // Findings carry their tenant, so only an empty page needs to tell "no such job" from "no findings".
    if (rows.length === 0 && !(await this.ownsJob(tenantId, filter.jobId))) return null;
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map(findingView),
      next: rows.length > page.limit && last ? String(last.seq) : null,
    };
  }

  async listAggregates(
    tenantId: string,
    jobId: string,
    page: PageRequest<string>,
  ): Promise<Page<AggregateView, string> | null> {
    if (!(await this.ownsJob(tenantId, jobId))) return null;
    const { rows } = await this.pool.query<AggregateRow>(
      `SELECT ${AGGREGATE_COLUMNS} FROM finding_aggregates WHERE job_id = $1 AND tenant_id = $2 AND seq > $3
       ORDER BY seq LIMIT $4`,
      [jobId, tenantId, page.after ?? '0', page.limit + 1],
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map(aggregateView),
      next: rows.length > page.limit && last ? String(last.seq) : null,
    };
  }

  async listObjects(
    tenantId: string,
    filter: { jobId: string; status?: ObjectStatus },
    page: PageRequest<string>,
  ): Promise<Page<JobObjectView, string> | null> {
    if (!(await this.ownsJob(tenantId, filter.jobId))) return null;
    const { rows } = await this.pool.query<ObjectRow>(
      `SELECT key, bucket, status, reason, reason_detail, size, etag, version_id, findings_count, findings_aggregated
       FROM job_objects
       WHERE job_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR key > $3)
       ORDER BY key LIMIT $4`,
      [filter.jobId, filter.status ?? null, page.after ?? null, page.limit + 1],
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return { items: items.map(objectView), next: rows.length > page.limit && last ? last.key : null };
  }

  async jobSummary(tenantId: string, job: JobView): Promise<JobSummary> {
    const ended = isFinalStatus(job.status);
    const cached = ended ? this.summaries.get(job.job_id) : undefined;
    if (cached) return cached;
    const summary = await countFindings(this.pool, job.job_id, tenantId);
    if (ended) {
      if (this.summaries.size >= SUMMARY_CACHE_SIZE)
        this.summaries.delete(this.summaries.keys().next().value as string);
      this.summaries.set(job.job_id, summary);
    }
    return summary;
  }

  private async ownsJob(tenantId: string, jobId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM jobs WHERE id = $1 AND tenant_id = $2', [
      jobId,
      tenantId,
    ]);
    return rowCount === 1;
  }
}
