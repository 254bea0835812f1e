import type pg from 'pg';
import type { ObjectIdentity } from '../incremental/object-identity.ts';
import type { ScanCoverage } from '../incremental/scan-coverage.ts';
import {
  BUDGET_EXCEEDED,
  type BudgetRates,
  type Job,
  type JobObject,
  type JobObjectStatus,
  type JobStatus,
  type JobStore,
  type NewJob,
  type ObjectOutcome,
  type PlanCounts,
  type PlannedObject,
  type RecordOutcome,
} from '../ports/job-store.ts';
import { isUuid } from '../uuid.ts';
import { reserveBudget } from './budget.ts';
import { exposureGroups, groupKeyOfAggregate, linkExposures } from './exposure-links.ts';
import { settleExposures } from './exposure-outcome.ts';
import {
  AGGREGATE_RECORDSET,
  aggregatesJson,
  distinctFindings,
  FINDING_RECORDSET,
  findingsJson,
} from './finding-rows.ts';
import { toJob, toJobObject } from './job-rows.ts';
import { recordScanState, setCoverage, setPlanCounts, unchangedObjects } from './scan-state.ts';
import { inTransaction, retryDeadlock } from './transaction.ts';

const UNFINISHED = `status IN ('queued', 'listing', 'scanning')`;
const STATUS_COLUMN: Record<Exclude<JobObjectStatus, 'PENDING'>, string> = {
  COMPLETE: 'objects_complete',
  PARTIAL: 'objects_partial',
  SKIPPED: 'objects_skipped',
  FAILED: 'objects_failed',
};

/** Rolls back an object's write when its job has already ended (cancelled or failed). */
class JobEnded extends Error {}

function finalStatus(row: {
  objects_total: number;
  objects_failed: number;
  objects_partial: number;
  budget_exceeded: boolean;
}): JobStatus {
  if (row.objects_total > 0 && row.objects_failed === row.objects_total) return 'failed';
  if (row.objects_failed > 0 || row.objects_partial > 0 || row.budget_exceeded) return 'partial';
  return 'succeeded';
}

/**
 * Finishes a scanning job whose objects are all recorded. The `status = 'scanning'` guard on
 * the locked row makes this happen exactly once; the outbox event is written in the same transaction.
 */
async function finishIfDone(client: pg.PoolClient, jobId: string): Promise<JobStatus | undefined> {
  const { rows } = await client.query(
    `SELECT * FROM jobs WHERE id = $1 AND status = 'scanning' AND objects_done >= objects_total FOR UPDATE`,
    [jobId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const status = finalStatus({
    objects_total: Number(row.objects_total),
    objects_failed: Number(row.objects_failed),
    objects_partial: Number(row.objects_partial),
    budget_exceeded: row.budget_exceeded === true,
  });
  const reason =
    status === 'failed' ? 'every object failed' : row.budget_exceeded === true ? BUDGET_EXCEEDED : null;
  const complete = status === 'succeeded' && row.incremental !== true && row.sample === null;
  await settleExposures(client, row, complete);
  const { rows: done } = await client.query(
    `UPDATE jobs SET status = $2, status_reason = $3, finished_at = now(), updated_at = now()
     WHERE id = $1 AND status = 'scanning' RETURNING *`,
    [jobId, status, reason],
  );
  if (!done[0]) return undefined;
  await writeOutbox(client, toJob(done[0]), 'job.finished');
  return status;
}

async function writeOutbox(client: pg.PoolClient, job: Job, kind: string): Promise<void> {
  const payload = {
    job_id: job.id,
    status: job.status,
    status_reason: job.statusReason,
    source: job.source,
    objects_total: job.objectsTotal,
    objects_failed: job.objectsFailed,
    objects_unchanged: job.objectsUnchanged,
    findings_count: job.findingsCount,
    finished_at: job.finishedAt,
  };
  await client.query(
    `INSERT INTO outbox (tenant_id, job_id, kind, payload) VALUES ($1, $2, $3, $4) ON CONFLICT (job_id, kind) DO NOTHING`,
    [job.tenantId, job.id, kind, payload],
  );
}

/** Inserts a queued job; takes a pool or a client, so a caller's transaction can include it. */
export async function insertJob(db: pg.Pool | pg.PoolClient, job: NewJob): Promise<Job> {
  const { rows } = await db.query(
    // The tenant's custom detectors the job runs (those named, or all when none is) are copied onto it.
    `INSERT INTO jobs (tenant_id, source, name, detectors, exclude, custom_detectors, incremental, budget, sample)
     VALUES ($1, $2, $3, $4, $5, (
       SELECT jsonb_agg(spec ORDER BY id) FROM custom_detectors
        WHERE tenant_id = $1 AND ($4::text[] IS NULL OR id = ANY ($4::text[]))), $6, $7, $8)
     RETURNING *`,
    [
      job.tenantId,
      job.source,
      job.name ?? null,
      job.detectors ?? null,
      job.exclude ?? [],
      job.incremental ?? false,
      job.budget ?? null,
      job.sample ?? null,
    ],
  );
  return toJob(rows[0]);
}

/** JobStore on PostgreSQL. */
export class PgJobStore implements JobStore {
  constructor(private readonly pool: pg.Pool) {}

  async createJob(job: NewJob): Promise<Job> {
    return insertJob(this.pool, job);
  }

  /** The job, or undefined when there is none with that id (for `tenantId`, when given). */
  async getJob(id: string, tenantId?: string): Promise<Job | undefined> {
    if (!isUuid(id) || (tenantId !== undefined && !isUuid(tenantId))) return undefined;
    const { rows } = await this.pool.query(
      `SELECT * FROM jobs WHERE id = $1 AND ($2::uuid IS NULL OR tenant_id = $2::uuid)`,
      [id, tenantId ?? null],
    );
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  async jobStatus(jobId: string): Promise<JobStatus | undefined> {
    const { rows } = await this.pool.query('SELECT status FROM jobs WHERE id = $1', [jobId]);
    return rows[0]?.status;
  }

  async startListing(jobId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE jobs SET status = 'listing', started_at = coalesce(started_at, now()), updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'listing')`,
      [jobId],
    );
    return rowCount === 1;
  }

  setCoverage(jobId: string, coverage: ScanCoverage): Promise<void> {
    return setCoverage(this.pool, jobId, coverage);
  }

  unchangedObjects(jobId: string, candidates: readonly ObjectIdentity[]): Promise<Set<string>> {
    return unchangedObjects(this.pool, jobId, candidates);
  }

  setPlanCounts(jobId: string, counts: PlanCounts): Promise<void> {
    return setPlanCounts(this.pool, jobId, counts);
  }

  async addObjects(jobId: string, objects: PlannedObject[]): Promise<void> {
    if (objects.length === 0) return;
    const rows = objects.map((o) => ({
      key: o.key,
      bucket: o.bucket ?? null,
      shard: o.shard,
      size: o.size,
      etag: o.etag ?? null,
      version_id: o.versionId ?? null,
      locator: o.identity?.locator ?? null,
      identity: o.identity?.version ?? null,
    }));
    await this.pool.query(
      `INSERT INTO job_objects (job_id, key, bucket, shard, size, etag, version_id, locator, identity)
       SELECT $1, key, bucket, shard, size, etag, version_id, locator, identity
       FROM jsonb_to_recordset($2::jsonb)
         AS o(key text, bucket text, shard integer, size bigint, etag text, version_id text, locator text, identity text)
       ON CONFLICT (job_id, key) DO NOTHING`,
      [jobId, JSON.stringify(rows)],
    );
  }

  async finishListing(
    jobId: string,
    totals: { shards: number; objects: number; bytes: number },
  ): Promise<JobStatus | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(
        `UPDATE jobs SET status = 'scanning', shards_total = $2, objects_total = $3, bytes_total = $4, updated_at = now()
         WHERE id = $1 AND status = 'listing' RETURNING status`,
        [jobId, totals.shards, totals.objects, totals.bytes],
      );
      if (!rows[0])
        return (await client.query('SELECT status FROM jobs WHERE id = $1', [jobId])).rows[0]?.status;
      return (await finishIfDone(client, jobId)) ?? 'scanning';
    });
  }

  reserveBudget(jobId: string, size: number, rates: BudgetRates): Promise<boolean> {
    return reserveBudget(this.pool, jobId, size, rates);
  }

  async skipPending(jobId: string, shard: number, reason: string, detail: string): Promise<RecordOutcome> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ n: string }>(
        `WITH skipped AS (
           UPDATE job_objects SET status = 'SKIPPED', reason = $3, reason_detail = $4, scanned_at = now()
            WHERE job_id = $1 AND shard = $2 AND status = 'PENDING' RETURNING 1)
         SELECT count(*) AS n FROM skipped`,
        [jobId, shard, reason, detail],
      );
      const n = Number(rows[0]?.n ?? 0);
      if (n === 0) return { recorded: false };
      const counted = await client.query(
        `UPDATE jobs SET objects_done = objects_done + $2, objects_skipped = objects_skipped + $2, updated_at = now()
         WHERE id = $1 AND ${UNFINISHED}`,
        [jobId, n],
      );
      if (counted.rowCount !== 1) throw new JobEnded();
      return { recorded: true, finished: await finishIfDone(client, jobId) };
    }).catch((err: unknown) => {
      if (err instanceof JobEnded) return { recorded: false };
      throw err;
    });
  }

  async pendingObjects(jobId: string, shard: number): Promise<JobObject[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM job_objects WHERE job_id = $1 AND shard = $2 AND status = 'PENDING' ORDER BY key`,
      [jobId, shard],
    );
    return rows.map(toJobObject);
  }

  async recordObject(jobId: string, outcome: ObjectOutcome): Promise<RecordOutcome> {
    // Objects sharing exposures lock them in one order, but a job's end locks its own in another.
    return retryDeadlock(() => this.recordOnce(jobId, outcome));
  }

  private recordOnce(jobId: string, outcome: ObjectOutcome): Promise<RecordOutcome> {
    return inTransaction(this.pool, async (client) => {
      const claimed = await client.query(
        `UPDATE job_objects SET status = $3, reason = $4, reason_detail = $5, etag = coalesce($6, etag),
           version_id = coalesce($7, version_id), bytes_read = $8, bytes_scanned = $9, scanned_at = now()
         WHERE job_id = $1 AND key = $2 AND status = 'PENDING' RETURNING bucket, etag, version_id`,
        [
          jobId,
          outcome.key,
          outcome.status,
          outcome.reason ?? null,
          outcome.reasonDetail ?? null,
          outcome.etag ?? null,
          outcome.versionId ?? null,
          outcome.result?.bytes_read ?? null,
          outcome.result?.bytes_scanned ?? null,
        ],
      );
      const object = claimed.rows[0];
      if (!object) return { recorded: false };
      const findings = distinctFindings(outcome.key, outcome.findings);
      const aggregates = outcome.aggregates ?? [];
      const { groups, findingKeys } = exposureGroups(findings, aggregates);
      const exposureIds = await linkExposures(
        client,
        jobId,
        { bucket: object.bucket, key: outcome.key },
        groups,
      );
      let inserted = 0;
      if (findings.length > 0) {
        const result = await client.query(
          `INSERT INTO findings (job_id, tenant_id, bucket, object_key, version_id, etag, exposure_id, finding_key, detector,
             category, severity, confidence, byte_start, byte_end, line, col, json_path, record_index, row_number,
             column_index, column_name, page, archive_path, location_detail, redacted, fingerprint)
           SELECT $1, (SELECT tenant_id FROM jobs WHERE id = $1), $2, $3, $4, $5, f.exposure_id, f.finding_key, f.detector,
             f.category,
             f.severity, f.confidence, f.byte_start, f.byte_end, f.line, f.col, f.json_path, f.record_index, f.row_number,
             f.column_index, f.column_name, f.page, f.archive_path, f.location_detail, f.redacted, f.fingerprint
           FROM jsonb_to_recordset($6::jsonb) AS f(${FINDING_RECORDSET})
           ON CONFLICT (job_id, finding_key) DO NOTHING`,
          [
            jobId,
            object.bucket,
            outcome.key,
            object.version_id,
            object.etag,
            findingsJson(
              outcome.key,
              findings,
              findingKeys.map((k) => exposureIds.get(k)),
            ),
          ],
        );
        inserted = result.rowCount ?? 0;
      }
      let aggregated = 0;
      if (aggregates.length > 0) {
        const result = await client.query<{ n: string | null }>(
          `WITH added AS (
             INSERT INTO finding_aggregates (job_id, tenant_id, bucket, object_key, version_id, etag, exposure_id,
               aggregate_key, detector, category, severity, field, archive_path, match_count, threshold, samples)
             SELECT $1, (SELECT tenant_id FROM jobs WHERE id = $1), $2, $3, $4, $5, a.exposure_id, a.aggregate_key, a.detector,
               a.category, a.severity, a.field, a.archive_path, a.match_count, a.threshold, a.samples
             FROM jsonb_to_recordset($6::jsonb) AS a(${AGGREGATE_RECORDSET})
             ON CONFLICT (job_id, aggregate_key) DO NOTHING
             RETURNING match_count)
           SELECT sum(match_count) AS n FROM added`,
          [
            jobId,
            object.bucket,
            outcome.key,
            object.version_id,
            object.etag,
            aggregatesJson(
              outcome.key,
              aggregates,
              aggregates.map((a) => exposureIds.get(groupKeyOfAggregate(a))),
            ),
          ],
        );
        aggregated = Number(result.rows[0]?.n ?? 0);
      }
      if (inserted + aggregated > 0) {
        await client.query(
          'UPDATE job_objects SET findings_count = $3, findings_aggregated = $4 WHERE job_id = $1 AND key = $2',
          [jobId, outcome.key, inserted + aggregated, aggregated],
        );
      }
      const column = STATUS_COLUMN[outcome.status];
      // The row lock orders this write against cancelJob/failJob: once a job has ended, nothing more lands.
      const counted = await client.query(
        `UPDATE jobs SET objects_done = objects_done + 1, ${column} = ${column} + 1,
           bytes_scanned = bytes_scanned + $2, findings_count = findings_count + $3,
           findings_aggregated = findings_aggregated + $4,
           aggregate_threshold = coalesce($5, aggregate_threshold), updated_at = now()
         WHERE id = $1 AND ${UNFINISHED}`,
        [
          jobId,
          outcome.result?.bytes_read ?? 0,
          inserted + aggregated,
          aggregated,
          outcome.aggregateThreshold ?? null,
        ],
      );
      if (counted.rowCount !== 1) throw new JobEnded();
      if (outcome.status === 'COMPLETE') await recordScanState(client, jobId, outcome.key);
      const finished = await finishIfDone(client, jobId);
      return { recorded: true, finished };
    }).catch((err: unknown) => {
      if (err instanceof JobEnded) return { recorded: false };
      throw err;
    });
  }

  async failJob(jobId: string, reason: string): Promise<boolean> {
    return this.endJob(jobId, 'failed', reason);
  }

  async cancelJob(jobId: string, tenantId?: string): Promise<boolean> {
    return this.endJob(jobId, 'cancelled', 'cancelled by request', tenantId);
  }

  private async endJob(
    jobId: string,
    status: JobStatus,
    reason: string,
    tenantId?: string,
  ): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(
        `UPDATE jobs SET status = $2, status_reason = $3, finished_at = now(), updated_at = now()
         WHERE id = $1 AND ${UNFINISHED} AND ($4::uuid IS NULL OR tenant_id = $4::uuid) RETURNING *`,
        [jobId, status, reason, tenantId ?? null],
      );
      if (!rows[0]) return false;
      await settleExposures(client, rows[0], false);
      await writeOutbox(client, toJob(rows[0]), status === 'cancelled' ? 'job.cancelled' : 'job.finished');
      return true;
    });
  }

  async listObjects(
    jobId: string,
    options: { status?: JobObjectStatus; limit?: number } = {},
  ): Promise<JobObject[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM job_objects WHERE job_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY key LIMIT $3`,
      [jobId, options.status ?? null, options.limit ?? 1000],
    );
    return rows.map(toJobObject);
  }
}
