import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Job } from '../ports/job-store.ts';
import type { ArrivedObject, RollingAdd, Watch } from '../ports/watch-store.ts';
import { toJob } from '../store/job-rows.ts';
import { finishIfDone } from '../store/jobs-repository.ts';
import { inTransaction } from '../store/transaction.ts';

/** Hours past the current one a new version of a key may move to (a job holds a key once). */
const MAX_HOURS_AHEAD = 24;

/**
 * The id of a watch's rolling job for the hour starting at `hour`: a name-based UUID (SHA-256 of
 * the watch id and the hour, version 8), so every intake of that hour finds the same job.
 */
export function rollingJobId(watchId: string, hour: Date): string {
  const hex = createHash('sha256')
    .update(`data-scanner/rolling-job/${watchId}/${hour.toISOString()}`)
    .digest('hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The name of a watch's rolling job: what it watches and the hour, e.g. `watch s3://b/p 2026-12-07T16:00Z`. */
export function rollingJobName(watch: Watch, hour: Date): string {
  return `watch ${watch.name ?? watch.source} ${hour.toISOString().slice(0, 13)}:00Z`;
}

/** Which version of an object arrived or was stored: its identity, else its size, etag and version id. */
function versionOf(o: {
  size: number;
  etag?: string | null;
  versionId?: string | null;
  identity?: string | null;
}): string {
  return o.identity ?? `size=${o.size};etag=${o.etag ?? ''};version=${o.versionId ?? ''}`;
}

/** Creates (first event of the hour) or finds the watch's rolling job `hoursAhead` after the current hour, locked. */
async function lockRollingJob(client: pg.PoolClient, watch: Watch, hoursAhead: number): Promise<Job> {
  const { rows: hours } = await client.query<{ hour: Date }>(
    `SELECT date_trunc('hour', now(), 'UTC') + make_interval(hours => $1) AS hour`,
    [hoursAhead],
  );
  const hour = (hours[0] as { hour: Date }).hour;
  const id = rollingJobId(watch.id, hour);
  await client.query(
    // The tenant's custom detectors the watch runs are copied onto the job, as for POST /scan.
    `INSERT INTO jobs (id, tenant_id, source, name, detectors, exclude, custom_detectors, status, started_at,
       shards_total, objects_total, bytes_total, watch_id, watch_hour)
     VALUES ($1, $2, $3, $4, $5, $6, (
       SELECT jsonb_agg(spec ORDER BY id) FROM custom_detectors
        WHERE tenant_id = $2 AND ($5::text[] IS NULL OR id = ANY ($5::text[]))),
       'listing', now(), 0, 0, 0, $7, $8)
     ON CONFLICT (id) DO NOTHING`,
    [
      id,
      watch.tenantId,
      watch.source,
      rollingJobName(watch, hour),
      watch.detectors,
      watch.exclude,
      watch.id,
      hour,
    ],
  );
  const { rows } = await client.query('SELECT * FROM jobs WHERE id = $1 FOR UPDATE', [id]);
  return toJob(rows[0]);
}

interface StoredObject {
  key: string;
  status: string;
  shard: number;
  size: string;
  etag: string | null;
  version_id: string | null;
  identity: string | null;
}

/**
 * Adds arrived objects to the watch's rolling job of the current hour, in one transaction (see
 * `WatchStore.addToRollingJob`). New objects of one call share one new shard. A key the job already
 * holds at the same version adds nothing; at another version it replaces a PENDING entry, and moves
 * to the next hour's job when the earlier version was already scanned.
 */
export async function addToRollingJob(
  pool: pg.Pool,
  watch: Watch,
  objects: readonly ArrivedObject[],
  options: { resend?: boolean } = {},
): Promise<RollingAdd> {
  const latest = new Map(objects.map((o) => [o.key, o]));
  let pending = [...latest.values()];
  const result: RollingAdd = { jobs: [], shards: [], added: 0 };
  if (pending.length === 0) return result;
  return inTransaction(pool, async (client) => {
    for (let ahead = 0; pending.length > 0; ahead++) {
      if (ahead > MAX_HOURS_AHEAD)
        throw new Error(`watch ${watch.id}: no open rolling job within ${MAX_HOURS_AHEAD} hours`);
      const job = await lockRollingJob(client, watch, ahead);
      // Closed by the scheduler while this intake waited: the objects go to the next hour's job.
      if (job.status !== 'listing') continue;
      result.jobs.push(job);
      const shard = job.shardsTotal ?? 0;
      const { rows: inserted } = await client.query<{ key: string; size: string }>(
        `INSERT INTO job_objects (job_id, key, bucket, shard, size, etag, version_id, locator, identity)
         SELECT $1, key, bucket, $3, size, etag, version_id, locator, identity
           FROM jsonb_to_recordset($2::jsonb)
             AS o(key text, bucket text, size bigint, etag text, version_id text, locator text, identity text)
         ON CONFLICT (job_id, key) DO NOTHING
         RETURNING key, size`,
        [
          job.id,
          JSON.stringify(
            pending.map((o) => ({
              key: o.key,
              bucket: o.bucket ?? null,
              size: o.size,
              etag: o.etag ?? null,
              version_id: o.versionId ?? null,
              locator: o.identity?.locator ?? null,
              identity: o.identity?.version ?? null,
            })),
          ),
          shard,
        ],
      );
      if (inserted.length > 0) {
        const bytes = inserted.reduce((sum, row) => sum + Number(row.size), 0);
        await client.query(
          `UPDATE jobs SET shards_total = $2 + 1, objects_total = objects_total + $3, bytes_total = bytes_total + $4,
             updated_at = now() WHERE id = $1`,
          [job.id, shard, inserted.length, bytes],
        );
        result.shards.push({ jobId: job.id, shard });
        result.added += inserted.length;
      }
      const added = new Set(inserted.map((row) => row.key));
      const known = pending.filter((o) => !added.has(o.key));
      pending = [];
      if (known.length === 0) continue;
      const { rows: stored } = await client.query<StoredObject>(
        'SELECT key, status, shard, size, etag, version_id, identity FROM job_objects WHERE job_id = $1 AND key = ANY ($2)',
        [job.id, known.map((o) => o.key)],
      );
      const byKey = new Map(stored.map((row) => [row.key, row]));
      const resendShards = new Set<number>();
      for (const object of known) {
        const row = byKey.get(object.key);
        if (!row) continue;
        const arrivedVersion = versionOf({ ...object, identity: object.identity?.version });
        const same =
          arrivedVersion === versionOf({ ...row, size: Number(row.size), versionId: row.version_id });
        if (row.status !== 'PENDING') {
          if (!same) pending.push(object);
          continue;
        }
        if (!same) {
          await client.query(
            `UPDATE job_objects SET size = $3, etag = $4, version_id = $5, locator = coalesce($6, locator), identity = $7
              WHERE job_id = $1 AND key = $2 AND status = 'PENDING'`,
            [
              job.id,
              object.key,
              object.size,
              object.etag ?? null,
              object.versionId ?? null,
              object.identity?.locator ?? null,
              object.identity?.version ?? null,
            ],
          );
        }
        if (options.resend) resendShards.add(row.shard);
      }
      for (const s of resendShards) result.shards.push({ jobId: job.id, shard: s });
    }
    return result;
  });
}

/**
 * Closes every rolling job whose hour is over: listing → scanning, with the totals its intakes
 * counted; a job whose objects are all done finishes at once (outbox event included), the others
 * when their last object is recorded. Returns the ids of the jobs closed.
 */
export async function closeEndedRollingJobs(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM jobs WHERE watch_hour IS NOT NULL AND status = 'listing'
       AND watch_hour + interval '1 hour' <= now() ORDER BY watch_hour LIMIT 1000`,
  );
  const closed: string[] = [];
  for (const { id } of rows) {
    const done = await inTransaction(pool, async (client) => {
      const { rowCount } = await client.query(
        `UPDATE jobs SET status = 'scanning', updated_at = now()
          WHERE id = $1 AND status = 'listing' AND watch_hour + interval '1 hour' <= now()`,
        [id],
      );
      if (rowCount !== 1) return false;
      await finishIfDone(client, id);
      return true;
    });
    if (done) closed.push(id);
  }
  return closed;
}
