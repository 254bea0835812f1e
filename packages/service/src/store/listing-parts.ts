import type pg from 'pg';
import type {
  JobStatus,
  ListingPart,
  ListingPartState,
  PartFinished,
  PlanCounts,
} from '../ports/job-store.ts';
import { inTransaction } from './transaction.ts';

/** Registers listing parts; parts already registered are kept as they are. */
export async function addListingParts(
  db: pg.Pool,
  jobId: string,
  parts: readonly ListingPart[],
): Promise<void> {
  if (parts.length === 0) return;
  await db.query(
    `INSERT INTO job_listing_parts (job_id, part, kind, ref, format)
     SELECT $1, part, kind, ref, format FROM jsonb_to_recordset($2::jsonb)
       AS p(part integer, kind text, ref text, format text)
     ON CONFLICT (job_id, part) DO NOTHING`,
    [jobId, JSON.stringify(parts.map((p) => ({ ...p, format: p.format ?? null })))],
  );
}

/** One registered part and whether it is done. */
export async function listingPart(
  db: pg.Pool,
  jobId: string,
  part: number,
): Promise<ListingPartState | undefined> {
  const { rows } = await db.query(
    'SELECT part, kind, ref, format, shards, done FROM job_listing_parts WHERE job_id = $1 AND part = $2',
    [jobId, part],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    part: row.part,
    kind: row.kind,
    ref: row.ref,
    ...(row.format ? { format: row.format } : {}),
    shards: row.shards,
    done: row.done,
  };
}

/**
 * Reserves `count` shard numbers for `part` and records them on it; `shards_total` counts the
 * shards reserved so far while parts list.
 */
export async function allocateShards(
  db: pg.Pool,
  jobId: string,
  part: number,
  count: number,
): Promise<number> {
  const { rows } = await db.query<{ first: number }>(
    `WITH job AS (
       UPDATE jobs SET shards_total = coalesce(shards_total, 0) + $3, updated_at = now()
        WHERE id = $1 RETURNING shards_total - $3 AS first),
     recorded AS (
       UPDATE job_listing_parts p SET shards = p.shards || ARRAY(SELECT generate_series(job.first, job.first + $3 - 1))
         FROM job WHERE p.job_id = $1 AND p.part = $2)
     SELECT first FROM job`,
    [jobId, part, count],
  );
  if (!rows[0]) throw new Error(`job ${jobId} does not exist`);
  return rows[0].first;
}

/** A part's plan counts; the job's become the sums over its parts. */
export async function setPartCounts(
  db: pg.Pool,
  jobId: string,
  part: number,
  counts: PlanCounts,
): Promise<void> {
  await db.query(
    `WITH part AS (
       UPDATE job_listing_parts SET objects_unchanged = $3, objects_sampled_out = $4
        WHERE job_id = $1 AND part = $2)
     UPDATE jobs SET updated_at = now(),
       objects_unchanged = (SELECT coalesce(sum(CASE WHEN part = $2 THEN $3 ELSE objects_unchanged END), 0)
                              FROM job_listing_parts WHERE job_id = $1),
       objects_sampled_out = (SELECT coalesce(sum(CASE WHEN part = $2 THEN $4 ELSE objects_sampled_out END), 0)
                                FROM job_listing_parts WHERE job_id = $1)
     WHERE id = $1`,
    [jobId, part, counts.unchanged, counts.sampledOut],
  );
}

/**
 * Marks a part done; the write that finishes the last part moves the job to scanning with the
 * objects and bytes stored for it, then `finishIfDone` ends a job with nothing left to scan.
 */
export async function finishListingPart(
  db: pg.Pool,
  jobId: string,
  part: number,
  finishIfDone: (client: pg.PoolClient, jobId: string) => Promise<JobStatus | undefined>,
): Promise<PartFinished> {
  return inTransaction(db, async (client) => {
    // The job row is locked first, so two parts finishing at once see each other's writes.
    const job = await client.query('SELECT status FROM jobs WHERE id = $1 FOR UPDATE', [jobId]);
    const marked = await client.query(
      'UPDATE job_listing_parts SET done = true WHERE job_id = $1 AND part = $2 AND NOT done',
      [jobId, part],
    );
    if (marked.rowCount !== 1) return { last: false, status: job.rows[0]?.status };
    const open = await client.query(
      'SELECT 1 FROM job_listing_parts WHERE job_id = $1 AND NOT done LIMIT 1',
      [jobId],
    );
    if (open.rows.length > 0) return { last: false, status: job.rows[0]?.status };
    const { rows } = await client.query(
      `UPDATE jobs SET status = 'scanning', updated_at = now(),
         objects_total = (SELECT count(*) FROM job_objects WHERE job_id = $1),
         bytes_total = (SELECT coalesce(sum(size), 0) FROM job_objects WHERE job_id = $1)
       WHERE id = $1 AND status = 'listing' RETURNING status`,
      [jobId],
    );
    if (!rows[0]) return { last: true, status: job.rows[0]?.status };
    return { last: true, status: (await finishIfDone(client, jobId)) ?? 'scanning' };
  });
}
