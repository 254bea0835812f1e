import type pg from 'pg';
import type { JobSummary } from '../views/schemas.ts';

/**
 * A job's matches counted by severity, category and detector, in one query: findings stored one
 * by one plus the exact counts of aggregates. In each count the
 * keys come most frequent first, ties by name, so the first keys of `by_detector` are the job's
 * top detectors. Takes a pool or a client, so a caller's transaction can include it.
 */
export async function countFindings(
  db: pg.Pool | pg.PoolClient,
  jobId: string,
  tenantId: string,
): Promise<JobSummary> {
  const { rows } = await db.query<{
    severity: string | null;
    category: string | null;
    detector: string | null;
    n: string;
  }>(
    `WITH matches AS (
       SELECT severity, category, detector, 1::bigint AS n FROM findings WHERE job_id = $1 AND tenant_id = $2
       UNION ALL
       SELECT severity, category, detector, match_count FROM finding_aggregates WHERE job_id = $1 AND tenant_id = $2)
     SELECT severity, category, detector, sum(n) AS n FROM matches
     GROUP BY GROUPING SETS ((severity), (category), (detector)) ORDER BY n DESC, severity, category, detector`,
    [jobId, tenantId],
  );
  const summary: JobSummary = { by_severity: {}, by_category: {}, by_detector: {} };
  for (const r of rows) {
    if (r.severity !== null) summary.by_severity[r.severity] = Number(r.n);
    else if (r.category !== null) summary.by_category[r.category] = Number(r.n);
    else if (r.detector !== null) summary.by_detector[r.detector] = Number(r.n);
  }
  return summary;
}
