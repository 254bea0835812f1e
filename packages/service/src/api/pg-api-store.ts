import type pg from 'pg';
import type { JobCommands } from '../jobs/job-commands.ts';
import type { ScanSpec } from '../jobs/submit-job.ts';
import { apiKeysByPrefix, type StoredKey, touchApiKeys } from '../keys/key-store.ts';
import { isFinalStatus, type JobObjectStatus, type JobStatus } from '../ports/job-store.ts';
import { SEVERITIES, type Severity } from '../severity.ts';
import { prefixCondition } from '../store/exposure-store.ts';
import {
  AGGREGATE_COLUMNS,
  type AggregateRow,
  FINDING_COLUMNS,
  type FindingRow,
} from '../store/finding-rows.ts';
import { PgIdempotencyKeys } from '../store/idempotency-keys.ts';
import {
  JOB_COLUMNS,
  JOB_EXPOSURE_COLUMNS,
  type JobRow,
  OBJECT_COLUMNS,
  type ObjectRow,
} from '../store/job-rows.ts';
import type { AggregateView } from '../views/aggregate-schemas.ts';
import { aggregateView, findingView, jobView, objectView } from '../views/row-views.ts';
import { JOB_OPTION_COLUMNS } from '../views/scan-options.ts';
import type { JobObjectView, JobSummary, JobView } from '../views/schemas.ts';
import type { JobDetail } from './job-view-cache.ts';
import type {
  ApiStore,
  FindingPage,
  JobKey,
  Page,
  PageRequest,
  ResultsFilter,
  ResultsKey,
  ResultsSort,
  SubmitResult,
} from './ports.ts';
import { IdempotencyConflict } from './ports.ts';

/** `GET /jobs/{id}`: the job's columns and its counters (no keyset column). */
const DETAIL_COLUMNS = `id, status, source, name, detectors, exclude, status_reason, objects_total, objects_done,
  bytes_total, bytes_scanned, findings_count, findings_aggregated, aggregate_threshold, created_at, updated_at,
  finished_at, finding_counts, ${JOB_OPTION_COLUMNS}, ${JOB_EXPOSURE_COLUMNS}`;

/** One dimension of `jobs.finding_counts` most frequent first, ties by name (jsonb keeps its own key order). */
function ranked(counts: Record<string, number>): Record<string, number> {
  const entries = Object.entries(counts);
  if (entries.length < 2) return counts;
  entries.sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** The summary of `GET /jobs/{id}` from the counters migration 045 keeps on the job row. */
function summaryView(counts: JobSummary): JobSummary {
  return {
    by_severity: ranked(counts.by_severity ?? {}),
    by_category: ranked(counts.by_category ?? {}),
    by_detector: ranked(counts.by_detector ?? {}),
  };
}

/** `ApiStore` over the service's PostgreSQL schema (migrations 001 and 020). */
export class PgApiStore implements ApiStore {
  private readonly idempotencyKeys: PgIdempotencyKeys;

  constructor(
    private readonly pool: pg.Pool,
    private readonly commands: JobCommands,
  ) {
    this.idempotencyKeys = new PgIdempotencyKeys(pool);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async apiKeysByPrefix(prefix: string): Promise<StoredKey[]> {
    return apiKeysByPrefix(this.pool, prefix);
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
    if (await this.idempotencyKeys.reserve(tenantId, key, requestHash)) {
      try {
        const jobId = await this.commands.submit(tenantId, spec);
        await this.idempotencyKeys.complete(tenantId, key, jobId);
        return { job: await this.mustGetJob(tenantId, jobId), replayed: false };
      } catch (err) {
        await this.idempotencyKeys.release(tenantId, key).catch(() => {});
        throw err;
      }
    }
    const earlier = await this.idempotencyKeys.find(tenantId, key);
    if (!earlier?.jobId) throw new IdempotencyConflict(null);
    if (earlier.requestHash !== requestHash) throw new IdempotencyConflict(earlier.jobId);
    return { job: await this.mustGetJob(tenantId, earlier.jobId), replayed: true };
  }

  private async mustGetJob(tenantId: string, jobId: string): Promise<JobView> {
    const job = await this.getJob(tenantId, jobId);
    if (!job) throw new Error(`job ${jobId} vanished after it was created`);
    return job;
  }

  async getJobDetail(tenantId: string, jobId: string): Promise<JobDetail | null> {
    const { rows } = await this.pool.query<JobRow & { finding_counts: JobSummary }>({
      name: 'job-detail',
      text: `SELECT ${DETAIL_COLUMNS} FROM jobs WHERE id = $1 AND tenant_id = $2`,
      values: [jobId, tenantId],
    });
    const row = rows[0];
    return row ? { ...jobView(row), summary: summaryView(row.finding_counts) } : null;
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
    filter: ResultsFilter,
    page: PageRequest<ResultsKey>,
    sort: ResultsSort = 'seq',
  ): Promise<FindingPage | null> {
    const { rows, jobEnded } = await this.findingRows(tenantId, filter, page, sort);
    // Findings carry their tenant, so only an empty page needs to tell "no such job" from "no findings".
    if (rows.length === 0 && !(await this.ownsJob(tenantId, filter.jobId))) return null;
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    let next: ResultsKey | null = null;
    if (rows.length > page.limit && last) {
      next =
        sort === 'severity'
          ? [SEVERITIES.indexOf(last.severity as Severity), String(last.seq)]
          : sort === 'object'
            ? [last.object_key, String(last.seq)]
            : String(last.seq);
    }
    return { items: items.map(findingView), next, jobEnded };
  }

  /**
   * One page of a job's findings. Only the filters given become conditions, so each shape gets a
   * plan on its own index; `severity` order reads one severity after another on (job, severity, seq).
   * `jobEnded`: the first statement saw the job in a final status, so no later statement of the
   * read could find more (false when it found no row, which carries the status).
   */
  private async findingRows(
    tenantId: string,
    filter: ResultsFilter,
    page: PageRequest<ResultsKey>,
    sort: ResultsSort,
  ): Promise<{ rows: FindingRow[]; jobEnded: boolean }> {
    let first: boolean | undefined;
    const query = async (extra: { severity?: string; after: string[]; keyset: string; order: string }) => {
      const params: unknown[] = [filter.jobId, tenantId];
      const where = ['job_id = $1', 'tenant_id = $2'];
      let shape = `results-${sort}`;
      const severity = extra.severity ?? filter.severity;
      for (const [column, value] of [
        ['detector', filter.detector],
        ['severity', severity],
        ['category', filter.category],
      ] as const) {
        if (value === undefined) continue;
        params.push(value);
        where.push(`${column} = $${params.length}`);
        shape += `-${column}`;
      }
      if (filter.object !== undefined) {
        params.push(filter.object);
        where.push(prefixCondition('object_key', params.length));
        shape += '-object';
      }
      if (extra.after.length > 0) {
        const first = params.length + 1;
        params.push(...extra.after);
        where.push(extra.keyset.replace(/\$(\d)/g, (_, i) => `$${first + Number(i) - 1}`));
        shape += '-after';
      }
      params.push(page.limit + 1);
      const { rows } = await this.pool.query<FindingRow & { job_status: JobStatus }>({
        name: shape,
        text: `SELECT ${FINDING_COLUMNS}, (SELECT status FROM jobs WHERE id = $1) AS job_status
          FROM findings WHERE ${where.join(' AND ')} ORDER BY ${extra.order} LIMIT $${params.length}`,
        values: params,
      });
      first ??= rows.length > 0 && isFinalStatus((rows[0] as { job_status: JobStatus }).job_status);
      return rows;
    };
    const ended = (rows: FindingRow[]) => ({ rows, jobEnded: first === true });
    const after = page.after;
    if (sort === 'object') {
      const key = Array.isArray(after) ? after : undefined;
      return ended(
        await query({
          after: key ? [String(key[0]), String(key[1])] : [],
          keyset: '(object_key COLLATE "C", seq) > ($1::text COLLATE "C", $2::bigint)',
          order: 'object_key COLLATE "C", seq',
        }),
      );
    }
    if (sort === 'severity') {
      const key = Array.isArray(after) ? after : undefined;
      const from = key ? Number(key[0]) : 0;
      const rows: FindingRow[] = [];
      for (let i = from; i < SEVERITIES.length && rows.length <= page.limit; i++) {
        const severity = SEVERITIES[i] as Severity;
        if (filter.severity !== undefined && filter.severity !== severity) continue;
        const seqAfter = key && i === from ? [String(key[1])] : [];
        const found = await query({ severity, after: seqAfter, keyset: 'seq > $1::bigint', order: 'seq' });
        rows.push(...found.slice(0, page.limit + 1 - rows.length));
      }
      return ended(rows);
    }
    return ended(
      await query({
        after: typeof after === 'string' ? [after] : [],
        keyset: 'seq > $1::bigint',
        order: 'seq',
      }),
    );
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
    filter: { jobId: string; status?: JobObjectStatus },
    page: PageRequest<string>,
  ): Promise<Page<JobObjectView, string> | null> {
    if (!(await this.ownsJob(tenantId, filter.jobId))) return null;
    const { rows } = await this.pool.query<ObjectRow>(
      `SELECT ${OBJECT_COLUMNS} FROM job_objects
       WHERE job_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR key > $3)
       ORDER BY key LIMIT $4`,
      [filter.jobId, filter.status ?? null, page.after ?? null, page.limit + 1],
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return { items: items.map(objectView), next: rows.length > page.limit && last ? last.key : null };
  }

  private async ownsJob(tenantId: string, jobId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query({
      name: 'owns-job',
      text: 'SELECT 1 FROM jobs WHERE id = $1 AND tenant_id = $2',
      values: [jobId, tenantId],
    });
    return rowCount === 1;
  }
}
