import type pg from 'pg';
import {
  AGGREGATE_COLUMNS,
  type AggregateRow,
  FINDING_COLUMNS,
  type FindingRow,
} from '../store/finding-rows.ts';

/** Rows per query of an export. */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * A job's findings in `seq` order, one query of at most `batchSize` rows per batch (keyset on the
 * `findings_job_seq` index), fetched only when the caller asks for the next batch: a consumer that
 * writes each batch before pulling the next holds one batch at a time. Each batch is its own
 * statement, so no connection or snapshot is held between them; rows a running job commits behind
 * the cursor are not seen.
 *
 * The caller has checked that the job is the tenant's (`ApiStore.getJob`). The query names only the
 * job: with a tenant condition too, stale statistics right after a large job (before autovacuum's
 * ANALYZE) can pick a bitmap plan that reads every remaining row for each batch.
 */
export function findingBatches(
  pool: pg.Pool,
  jobId: string,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<FindingRow[], void, undefined> {
  return seqBatches<FindingRow>(pool, `SELECT ${FINDING_COLUMNS} FROM findings`, jobId, batchSize);
}

/** A job's aggregates in `seq` order, in batches, as `findingBatches` reads findings. */
export function aggregateBatches(
  pool: pg.Pool,
  jobId: string,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<AggregateRow[], void, undefined> {
  return seqBatches<AggregateRow>(
    pool,
    `SELECT ${AGGREGATE_COLUMNS} FROM finding_aggregates`,
    jobId,
    batchSize,
  );
}

/** Rows of one job from `select` (a `SELECT … FROM table`), `seq` after `seq`, a batch at a time. */
async function* seqBatches<T extends { seq: string | number }>(
  pool: pg.Pool,
  select: string,
  jobId: string,
  batchSize: number,
): AsyncGenerator<T[], void, undefined> {
  let after = '0';
  for (;;) {
    const { rows } = await pool.query<T & pg.QueryResultRow>(
      `${select} WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [jobId, after, batchSize],
    );
    const last = rows.at(-1);
    if (!last) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = String(last.seq);
  }
}
