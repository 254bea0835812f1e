import { createHash } from 'node:crypto';
import type pg from 'pg';
import { SEVERITIES, severityRankSql } from '../severity.ts';
import { BULK_KEY_SQL, OBJECT_LOCATOR_SQL, ON_SEEN } from './exposure-links.ts';

/** What `settleExposures` needs of a job row. */
export interface EndedJob {
  id: string;
  tenant_id: string;
  source: string;
  detectors: string[] | null;
  exclude: string[];
}

/** The comparison stored on the job (`jobs.exposures_*`). */
export interface ExposureCounts {
  new: number;
  open: number;
  resolved: number;
  reopened: number;
  suppressed: number;
  newBySeverity: Record<string, number>;
  previousJobId: string | null;
}

/**
 * A job's scan scope: its source, detector selection and exclude list. Two jobs compare only within
 * one scope, so a scan with fewer detectors or more exclusions never resolves what it could not see.
 */
export function scopeKey(job: Pick<EndedJob, 'source' | 'detectors' | 'exclude'>): string {
  const detectors = job.detectors ? [...new Set(job.detectors)].sort() : null;
  const exclude = [...new Set(job.exclude)].sort();
  return createHash('sha256')
    .update(JSON.stringify([job.source, detectors, exclude]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Links the job's occurrences written without an exposure (rows from before migration 048, or from
 * another writer): findings to value exposures, aggregates to bulk ones, and counts them in the
 * job's sightings. Normally there are none, and the partial indexes find that at once.
 */
async function linkUnlinked(client: pg.PoolClient, jobId: string): Promise<void> {
  await client.query(
    `WITH job AS (SELECT id, tenant_id, source FROM jobs WHERE id = $1),
     f AS (
       SELECT detector, fingerprint, (array_agg(category))[1] AS category,
         (array_agg(severity ORDER BY ${severityRankSql('severity')} DESC))[1] AS severity,
         (array_agg(redacted))[1] AS redacted, (array_agg(bucket))[1] AS bucket, (array_agg(object_key))[1] AS object_key,
         count(*) AS n, count(DISTINCT object_key) AS objects
       FROM findings WHERE job_id = $1 AND exposure_id IS NULL GROUP BY detector, fingerprint)
     INSERT INTO exposures (tenant_id, kind, detector, category, severity, severity_rank, fingerprint, redacted,
       bucket, object_key, first_job_id, last_job_id, occurrence_count, object_count, sources)
     SELECT job.tenant_id, 'value', f.detector, f.category, f.severity, ${severityRankSql('f.severity')},
       f.fingerprint, f.redacted, f.bucket, f.object_key, job.id, job.id, f.n, f.objects, ARRAY[job.source]
     FROM f, job ORDER BY f.detector, f.fingerprint
     ON CONFLICT (tenant_id, detector, fingerprint) WHERE kind = 'value' DO UPDATE SET ${ON_SEEN}`,
    [jobId],
  );
  await client.query(
    `WITH job AS (SELECT id, tenant_id, source FROM jobs WHERE id = $1),
     a AS (
       SELECT a.*, ${BULK_KEY_SQL(OBJECT_LOCATOR_SQL('a.bucket', 'a.object_key', 'job.source'), 'a.detector', 'a.archive_path', 'a.field')} AS bulk_key
       FROM finding_aggregates a, job WHERE a.job_id = $1 AND a.exposure_id IS NULL)
     INSERT INTO exposures (tenant_id, kind, detector, category, severity, severity_rank, bulk_key, bucket,
       object_key, field, archive_path, first_job_id, last_job_id, occurrence_count, object_count, sources)
     SELECT DISTINCT ON (a.bulk_key) job.tenant_id, 'bulk', a.detector, a.category, a.severity,
       ${severityRankSql('a.severity')}, a.bulk_key, a.bucket, a.object_key, a.field, a.archive_path, job.id, job.id,
       a.match_count, 1, ARRAY[job.source]
     FROM a, job ORDER BY a.bulk_key
     ON CONFLICT (tenant_id, bulk_key) WHERE kind = 'bulk' DO UPDATE SET ${ON_SEEN}`,
    [jobId],
  );
  await client.query(
    `WITH job AS (SELECT id, tenant_id, source FROM jobs WHERE id = $1),
     linked_findings AS (
       UPDATE findings f SET exposure_id = e.id FROM exposures e
       WHERE f.job_id = $1 AND f.exposure_id IS NULL AND e.tenant_id = f.tenant_id AND e.kind = 'value'
         AND e.detector = f.detector AND e.fingerprint = f.fingerprint
       RETURNING e.id AS exposure_id, f.object_key, 1::bigint AS n),
     linked_aggregates AS (
       UPDATE finding_aggregates a SET exposure_id = e.id FROM exposures e, job
       WHERE a.job_id = $1 AND a.exposure_id IS NULL AND e.tenant_id = a.tenant_id AND e.kind = 'bulk'
         AND e.bulk_key = ${BULK_KEY_SQL(OBJECT_LOCATOR_SQL('a.bucket', 'a.object_key', 'job.source'), 'a.detector', 'a.archive_path', 'a.field')}
       RETURNING e.id AS exposure_id, a.object_key, a.match_count AS n),
     linked AS (SELECT * FROM linked_findings UNION ALL SELECT * FROM linked_aggregates)
     INSERT INTO exposure_sightings (job_id, exposure_id, occurrence_count, object_count)
     SELECT $1, exposure_id, sum(n), count(DISTINCT object_key) FROM linked GROUP BY exposure_id ORDER BY exposure_id
     ON CONFLICT (job_id, exposure_id) DO UPDATE SET
       occurrence_count = exposure_sightings.occurrence_count + excluded.occurrence_count,
       object_count = exposure_sightings.object_count + excluded.object_count`,
    [jobId],
  );
}

/**
 * The end of a job for its exposures, in the transaction that ends it (set-based statements over
 * the job's sightings, never its findings one by one):
 * - what the job found is last seen now, and its counts become the exposures' counts (where it is
 *   the last job that found them);
 * - resolved exposures found again are reopened (history by `scanner`);
 * - the job's scope records what it found; when the job is `complete` (succeeded, whole source, not
 *   incremental or sampled), what the scope had and this job did not find leaves the scope, and an
 *   open exposure present in no scope any more is resolved (history by `scanner`);
 * - new, open, resolved, reopened and suppressed counts are stored on the job.
 */
export async function settleExposures(
  client: pg.PoolClient,
  job: EndedJob,
  complete: boolean,
): Promise<ExposureCounts> {
  const scope = scopeKey(job);
  await linkUnlinked(client, job.id);
  await client.query(
    `UPDATE exposures e SET last_seen_at = greatest(e.last_seen_at, now()),
       occurrence_count = CASE WHEN e.last_job_id = $1 THEN s.occurrence_count ELSE e.occurrence_count END,
       object_count = CASE WHEN e.last_job_id = $1 THEN s.object_count ELSE e.object_count END
     FROM exposure_sightings s WHERE s.job_id = $1 AND e.id = s.exposure_id`,
    [job.id],
  );
  const { rows: reopened } = await client.query<{ n: string }>(
    `WITH found AS (
       SELECT e.id FROM exposures e JOIN exposure_sightings s ON s.exposure_id = e.id
       WHERE s.job_id = $1 AND e.state = 'resolved' ORDER BY e.id FOR UPDATE OF e),
     reopened AS (
       UPDATE exposures e SET state = 'open', state_changed_at = now() FROM found WHERE e.id = found.id
       RETURNING e.id),
     logged AS (
       INSERT INTO exposure_history (exposure_id, tenant_id, actor, from_state, to_state, note, job_id)
       SELECT id, $2, 'scanner', 'resolved', 'open', 'found again', $1 FROM reopened RETURNING 1)
     SELECT count(*) AS n FROM logged`,
    [job.id, job.tenant_id],
  );
  await client.query(
    `INSERT INTO exposure_scopes (tenant_id, scope_key, exposure_id, job_id)
     SELECT $2, $3, exposure_id, $1 FROM exposure_sightings WHERE job_id = $1 ORDER BY exposure_id
     ON CONFLICT (tenant_id, scope_key, exposure_id) DO UPDATE SET job_id = excluded.job_id`,
    [job.id, job.tenant_id, scope],
  );
  let resolved = 0;
  if (complete) {
    const { rows } = await client.query<{ n: string }>(
      `WITH gone AS (
         DELETE FROM exposure_scopes es WHERE es.tenant_id = $2 AND es.scope_key = $3
           AND NOT EXISTS (SELECT 1 FROM exposure_sightings s WHERE s.job_id = $1 AND s.exposure_id = es.exposure_id)
         RETURNING es.exposure_id),
       found AS (
         SELECT e.id FROM exposures e JOIN gone ON gone.exposure_id = e.id
         WHERE e.state = 'open'
           AND NOT EXISTS (
             SELECT 1 FROM exposure_scopes o WHERE o.exposure_id = e.id AND NOT (o.tenant_id = $2 AND o.scope_key = $3))
         ORDER BY e.id FOR UPDATE OF e),
       resolved AS (
         UPDATE exposures e SET state = 'resolved', state_changed_at = now() FROM found WHERE e.id = found.id
         RETURNING e.id),
       logged AS (
         INSERT INTO exposure_history (exposure_id, tenant_id, actor, from_state, to_state, note, job_id)
         SELECT id, $2, 'scanner', 'open', 'resolved', 'not found by a complete scan of its source', $1
         FROM resolved RETURNING 1)
       SELECT count(*) AS n FROM logged`,
      [job.id, job.tenant_id, scope],
    );
    resolved = Number(rows[0]?.n ?? 0);
  }
  const { rows: counted } = await client.query<{
    new: string;
    open: string;
    suppressed: string;
    new_by_severity: Record<string, number> | null;
  }>(
    `SELECT count(*) FILTER (WHERE e.first_job_id = $1) AS new,
       count(*) FILTER (WHERE e.state = 'open') AS open,
       count(*) FILTER (WHERE e.state IN ('false_positive', 'accepted_risk', 'revoked')) AS suppressed,
       (SELECT jsonb_object_agg(severity, n) FROM (
          SELECT e2.severity, count(*) AS n FROM exposures e2 JOIN exposure_sightings s2 ON s2.exposure_id = e2.id
          WHERE s2.job_id = $1 AND e2.first_job_id = $1 GROUP BY e2.severity) by_severity) AS new_by_severity
     FROM exposure_sightings s JOIN exposures e ON e.id = s.exposure_id WHERE s.job_id = $1`,
    [job.id],
  );
  const { rows: previous } = await client.query<{ id: string }>(
    `SELECT id FROM jobs WHERE tenant_id = $1 AND scope_key = $2 AND id <> $3 AND status = 'succeeded'
       AND NOT incremental AND sample IS NULL
     ORDER BY finished_at DESC LIMIT 1`,
    [job.tenant_id, scope, job.id],
  );
  const c = counted[0];
  const counts: ExposureCounts = {
    new: Number(c?.new ?? 0),
    open: Number(c?.open ?? 0),
    resolved,
    reopened: Number(reopened[0]?.n ?? 0),
    suppressed: Number(c?.suppressed ?? 0),
    newBySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, Number(c?.new_by_severity?.[s] ?? 0)])),
    previousJobId: previous[0]?.id ?? null,
  };
  await client.query(
    `UPDATE jobs SET scope_key = $2, exposures_new = $3, exposures_open = $4, exposures_resolved = $5,
       exposures_reopened = $6, exposures_suppressed = $7, exposures_new_by_severity = $8, exposures_previous_job_id = $9
     WHERE id = $1`,
    [
      job.id,
      scope,
      counts.new,
      counts.open,
      counts.resolved,
      counts.reopened,
      counts.suppressed,
      counts.newBySeverity,
      counts.previousJobId,
    ],
  );
  return counts;
}
