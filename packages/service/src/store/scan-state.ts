import type pg from 'pg';
import type { ObjectIdentity } from '../incremental/object-identity.ts';
import { coverageId, type ScanCoverage } from '../incremental/scan-coverage.ts';
import type { PlanCounts } from '../ports/job-store.ts';

/** Coverages kept per object at one identity: enough for the detector sets a tenant alternates between. */
const COVERAGES_KEPT = 8;

/** Stores the engine and detector hashes a job scans with (migration 046). */
export async function setCoverage(db: pg.Pool, jobId: string, coverage: ScanCoverage): Promise<void> {
  const id = coverageId(coverage);
  await db.query(
    `WITH c AS (INSERT INTO scan_coverages (id, engine_version, detectors) VALUES ($2, $3, $4)
                ON CONFLICT (id) DO NOTHING)
     UPDATE jobs SET scan_coverage_id = $2 WHERE id = $1`,
    [jobId, id, coverage.engine, coverage.detectors],
  );
}

/**
 * Locators of `candidates` whose stored state has the same identity and engine, and whose
 * coverages hold every detector of the job's coverage with the same definition hash: the job's
 * own coverage among them, or each detector found in one of them. Objects this job scanned itself
 * (its plan message redelivered after shards already ran) are never reported unchanged.
 */
export async function unchangedObjects(
  db: pg.Pool,
  jobId: string,
  candidates: readonly ObjectIdentity[],
): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const { rows } = await db.query<{ locator: string }>(
    `SELECT c.locator
       FROM jobs j
       JOIN scan_coverages jc ON jc.id = j.scan_coverage_id
       CROSS JOIN jsonb_to_recordset($2::jsonb) AS c(locator text, version text)
       JOIN object_scan_state s ON s.tenant_id = j.tenant_id AND s.locator = c.locator
      WHERE j.id = $1
        -- What this job itself scanned before its plan was redelivered is planned again, not skipped.
        AND s.job_id IS DISTINCT FROM j.id
        AND s.identity = c.version
        AND s.engine_version = jc.engine_version
        AND (jc.id = ANY (s.coverages) OR NOT EXISTS (
              SELECT 1 FROM jsonb_each_text(jc.detectors) AS d(id, hash)
               WHERE NOT EXISTS (
                 SELECT 1 FROM scan_coverages sc
                  WHERE sc.id = ANY (s.coverages) AND sc.detectors->>d.id = d.hash)))`,
    [jobId, JSON.stringify(candidates.map((c) => ({ locator: c.locator, version: c.version })))],
  );
  return new Set(rows.map((r) => r.locator));
}

/** Sets the job's unchanged and sampled-out counts (absolute: a re-planned job counts each object once). */
export async function setPlanCounts(db: pg.Pool, jobId: string, counts: PlanCounts): Promise<void> {
  await db.query(
    'UPDATE jobs SET objects_unchanged = $2, objects_sampled_out = $3, updated_at = now() WHERE id = $1',
    [jobId, counts.unchanged, counts.sampledOut],
  );
}

/**
 * Remembers an object the job scanned COMPLETE: its listed identity, the job's engine, and the
 * job's coverage, added to those already stored for the same identity and engine.
 */
export async function recordScanState(client: pg.PoolClient, jobId: string, key: string): Promise<void> {
  await client.query(
    `INSERT INTO object_scan_state AS s (tenant_id, locator, identity, engine_version, coverages, job_id)
     SELECT j.tenant_id, o.locator, o.identity, c.engine_version, ARRAY[c.id], j.id
       FROM jobs j
       JOIN scan_coverages c ON c.id = j.scan_coverage_id
       JOIN job_objects o ON o.job_id = j.id AND o.key = $2
      WHERE j.id = $1 AND o.locator IS NOT NULL AND o.identity IS NOT NULL
     ON CONFLICT (tenant_id, locator) DO UPDATE SET
       coverages = CASE
         WHEN s.identity <> EXCLUDED.identity OR s.engine_version <> EXCLUDED.engine_version THEN EXCLUDED.coverages
         WHEN EXCLUDED.coverages[1] = ANY (s.coverages) THEN s.coverages
         ELSE (EXCLUDED.coverages || s.coverages)[1:${COVERAGES_KEPT}] END,
       identity = EXCLUDED.identity, engine_version = EXCLUDED.engine_version,
       job_id = EXCLUDED.job_id, scanned_at = now()`,
    [jobId, key],
  );
}
