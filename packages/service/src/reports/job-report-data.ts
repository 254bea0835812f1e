import type pg from 'pg';
import type { Job } from '../ports/job-store.ts';
import { SEVERITIES } from '../severity.ts';
import { countFindings } from '../store/finding-counts.ts';
import { JOB_EXPOSURE_COLUMNS, type JobExposureRow } from '../store/job-rows.ts';
import type { JobSummary } from '../views/schemas.ts';

/** Issues (distinct values and aggregate groups) listed in a PDF report; the export has every finding. */
export const REPORT_MAX_ISSUES = 1000;

/** Objects named under each issue; the rest are counted. */
export const REPORT_ISSUE_OBJECTS = 3;

/** Objects not fully scanned listed one by one in the scope; all are counted by reason. */
export const REPORT_MAX_NOT_SCANNED = 50;

/** Objects listed under "objects with the most findings". */
export const REPORT_TOP_OBJECTS = 10;

const SEVERITY_RANK = `CASE severity ${SEVERITIES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE ${SEVERITIES.length} END`;

/** One of the objects with the most findings. */
export interface TopObject {
  bucket: string | null;
  key: string;
  findings: number;
  /** The most severe finding of the object. */
  worst: string;
}

/**
 * One issue of a job: a distinct value (detector and keyed fingerprint, wherever it occurs), or for
 * personal data counted in aggregates, one object, detector and field.
 */
export interface ReportIssue {
  kind: 'value' | 'aggregate';
  detector: string;
  category: string;
  /** The highest severity of its occurrences. */
  severity: string;
  /** Masked preview of the value; null for an aggregate. */
  redacted: string | null;
  /** The keyed fingerprint; null for an aggregate. */
  fingerprint: string | null;
  /** The field (CSV column or JSON path) of an aggregate; null for a value or the whole object. */
  field: string | null;
  /** Every occurrence: findings of the value, or matches counted in the aggregate. */
  occurrences: number;
  /** Distinct objects it occurs in. */
  objects: number;
  /** The first objects it occurs in (`s3://bucket/key` or the key), at most `REPORT_ISSUE_OBJECTS`. */
  sampleObjects: string[];
}

/** Issues counted by their highest severity. */
export interface IssueCounts {
  /** Every issue of the job. */
  total: number;
  /** Distinct values (detector and fingerprint). */
  values: number;
  /** Aggregate groups (object, detector and field). */
  aggregates: number;
  bySeverity: Record<string, { issues: number; occurrences: number }>;
}

/** Objects of one status and reason that were not scanned to the end. */
export interface NotScannedGroup {
  status: string;
  reason: string | null;
  objects: number;
}

/** One object not scanned to the end. */
export interface NotScannedObject {
  bucket: string | null;
  key: string;
  status: string;
  reason: string | null;
  detail: string | null;
}

/** How the job compares with the previous complete scan of its source, counted in issues. */
export interface ReportChanges {
  new: number;
  open: number;
  resolved: number;
  reopened: number;
  suppressed: number;
}

/** Everything a PDF report shows; never a raw value (issues carry only masked previews). */
export interface JobReportData {
  job: Job;
  /** Findings counted by severity, category and detector. */
  summary: JobSummary;
  /** Every match of the job, exactly: findings listed one by one plus those counted in aggregates. */
  total: number;
  /** The part of `total` counted in aggregates. */
  aggregated: number;
  issueCounts: IssueCounts;
  /** Most severe first, then most occurrences; at most `REPORT_MAX_ISSUES`. */
  issues: ReportIssue[];
  topObjects: TopObject[];
  /** Objects not scanned to the end, counted by status and reason. */
  notScanned: NotScannedGroup[];
  /** The first of them by status and key, at most `REPORT_MAX_NOT_SCANNED`. */
  notScannedObjects: NotScannedObject[];
  /**
   * Against the previous complete scan of the same source; null or absent: not compared (there is
   * none, or the caller did not compute it).
   */
  changes?: ReportChanges | null;
  generatedAt: Date;
}

// Values are grouped per object first, then per value: counting the objects this way is about
// twice as fast as count(DISTINCT ...) over a job's findings.
const ISSUE_GROUPS = `
  SELECT 'value' AS kind, detector, fingerprint, NULL::text AS field, NULL::text AS bucket, NULL::text AS object_key,
         min(category) AS category, min(worst) AS worst, min(redacted) AS redacted, sum(n) AS n, count(*) AS objects
    FROM (SELECT detector, fingerprint, min(category) AS category, min(${SEVERITY_RANK}) AS worst,
                 min(redacted) AS redacted, count(*) AS n
            FROM findings WHERE job_id = $1 AND tenant_id = $2
           GROUP BY detector, fingerprint, bucket, object_key) per_object
   GROUP BY detector, fingerprint
  UNION ALL
  SELECT 'aggregate', detector, NULL, field, bucket, object_key,
         min(category), min(${SEVERITY_RANK}), NULL, sum(match_count), 1
    FROM finding_aggregates WHERE job_id = $1 AND tenant_id = $2 GROUP BY bucket, object_key, detector, field`;

interface IssueRow {
  kind: 'value' | 'aggregate';
  detector: string;
  fingerprint: string | null;
  field: string | null;
  bucket: string | null;
  object_key: string | null;
  category: string;
  worst: number;
  redacted: string | null;
  n: string;
  objects: string;
  sample: string[] | null;
}

interface IssueCountRow {
  kind: 'value' | 'aggregate';
  worst: number;
  issues: number;
  n: number;
}

const objectName = (bucket: string | null, key: string) => (bucket ? `s3://${bucket}/${key}` : key);

/** The job's comparison with the previous complete scan of its scope (null until the job has ended). */
async function loadReportChanges(pool: pg.Pool, job: Job): Promise<ReportChanges | null> {
  const { rows } = await pool.query<JobExposureRow>(
    `SELECT ${JOB_EXPOSURE_COLUMNS} FROM jobs WHERE id = $1 AND tenant_id = $2`,
    [job.id, job.tenantId],
  );
  const r = rows[0];
  if (!r || r.exposures_new === null || r.exposures_previous_job_id === null) return null;
  return {
    new: Number(r.exposures_new),
    open: Number(r.exposures_open ?? 0),
    resolved: Number(r.exposures_resolved ?? 0),
    reopened: Number(r.exposures_reopened ?? 0),
    suppressed: Number(r.exposures_suppressed ?? 0),
  };
}

/**
 * Reads what the report of a job shows, in a fixed number of queries whatever the number of
 * findings. `changes` defaults to the job's stored comparison with the previous complete scan of
 * its scope ("not compared" when there was none).
 */
export async function loadJobReportData(
  pool: pg.Pool,
  job: Job,
  changes?: ReportChanges | null,
): Promise<JobReportData> {
  const params = [job.id, job.tenantId];
  const [summary, top, issues, notScanned, notScannedObjects, stored] = await Promise.all([
    countFindings(pool, job.id, job.tenantId),
    pool.query<{ bucket: string | null; object_key: string; n: string; worst: number }>(
      `WITH m AS (
         SELECT bucket, object_key, 1::bigint AS n, ${SEVERITY_RANK} AS rank FROM findings WHERE job_id = $1 AND tenant_id = $2
         UNION ALL
         SELECT bucket, object_key, match_count, ${SEVERITY_RANK} FROM finding_aggregates WHERE job_id = $1 AND tenant_id = $2)
       SELECT bucket, object_key, sum(n) AS n, min(rank) AS worst FROM m
       GROUP BY bucket, object_key ORDER BY n DESC, object_key LIMIT ${REPORT_TOP_OBJECTS}`,
      params,
    ),
    // The groups are made once: the counts by severity ride on every row; the sample objects are
    // read for the listed issues only, in one pass joined to them. With no issue there is no row.
    pool.query<IssueRow & { counts: IssueCountRow[] }>(
      `WITH g AS (${ISSUE_GROUPS}),
       top AS (SELECT * FROM g ORDER BY worst, n DESC, detector, fingerprint, object_key, field LIMIT $3),
       names AS (
         SELECT DISTINCT f.detector, f.fingerprint,
                CASE WHEN f.bucket IS NULL THEN f.object_key ELSE 's3://' || f.bucket || '/' || f.object_key END AS name
           FROM findings f JOIN top t ON t.kind = 'value' AND f.detector = t.detector AND f.fingerprint = t.fingerprint
          WHERE f.job_id = $1 AND f.tenant_id = $2),
       ranked AS (
         SELECT *, row_number() OVER (PARTITION BY detector, fingerprint ORDER BY name) AS rn FROM names),
       samples AS (
         SELECT detector, fingerprint, array_agg(name ORDER BY name) AS sample FROM ranked
          WHERE rn <= ${REPORT_ISSUE_OBJECTS} GROUP BY detector, fingerprint),
       counts AS (
         SELECT json_agg(c) AS counts FROM (
           SELECT kind, worst, count(*) AS issues, sum(n) AS n FROM g GROUP BY kind, worst) c)
       SELECT top.*, samples.sample, counts.counts FROM top CROSS JOIN counts
         LEFT JOIN samples ON top.kind = 'value' AND samples.detector = top.detector AND samples.fingerprint = top.fingerprint
        ORDER BY worst, n DESC, detector, fingerprint, object_key, field`,
      [...params, REPORT_MAX_ISSUES],
    ),
    pool.query<{ status: string; reason: string | null; n: string }>(
      `SELECT status, reason, count(*) AS n FROM job_objects
        WHERE job_id = $1 AND status IN ('PARTIAL', 'SKIPPED', 'FAILED')
        GROUP BY status, reason ORDER BY status, n DESC, reason`,
      [job.id],
    ),
    pool.query<{
      bucket: string | null;
      key: string;
      status: string;
      reason: string | null;
      reason_detail: string | null;
    }>(
      `SELECT bucket, key, status, reason, reason_detail FROM job_objects
        WHERE job_id = $1 AND status IN ('PARTIAL', 'SKIPPED', 'FAILED')
        ORDER BY status, key LIMIT ${REPORT_MAX_NOT_SCANNED}`,
      [job.id],
    ),
    changes === undefined ? loadReportChanges(pool, job) : Promise.resolve(changes),
  ]);
  const total = Object.values(summary.by_severity).reduce((a, b) => a + b, 0);
  const issueCounts: IssueCounts = { total: 0, values: 0, aggregates: 0, bySeverity: {} };
  for (const r of issues.rows[0]?.counts ?? []) {
    const severity = SEVERITIES[r.worst] ?? 'unknown';
    const count = Number(r.issues);
    const slot = issueCounts.bySeverity[severity] ?? { issues: 0, occurrences: 0 };
    slot.issues += count;
    slot.occurrences += Number(r.n);
    issueCounts.bySeverity[severity] = slot;
    issueCounts.total += count;
    if (r.kind === 'value') issueCounts.values += count;
    else issueCounts.aggregates += count;
  }
  return {
    job,
    summary,
    total,
    aggregated: job.findingsAggregated,
    issueCounts,
    issues: issues.rows.map((r) => ({
      kind: r.kind,
      detector: r.detector,
      category: r.category,
      severity: SEVERITIES[r.worst] ?? 'unknown',
      redacted: r.redacted,
      fingerprint: r.fingerprint,
      field: r.field,
      occurrences: Number(r.n),
      objects: Number(r.objects),
      sampleObjects:
        r.kind === 'aggregate' && r.object_key !== null
          ? [objectName(r.bucket, r.object_key)]
          : (r.sample ?? []),
    })),
    topObjects: top.rows.map((r) => ({
      bucket: r.bucket,
      key: r.object_key,
      findings: Number(r.n),
      worst: SEVERITIES[r.worst] ?? 'unknown',
    })),
    notScanned: notScanned.rows.map((r) => ({ status: r.status, reason: r.reason, objects: Number(r.n) })),
    notScannedObjects: notScannedObjects.rows.map((r) => ({
      bucket: r.bucket,
      key: r.key,
      status: r.status,
      reason: r.reason,
      detail: r.reason_detail,
    })),
    changes: stored,
    generatedAt: new Date(),
  };
}
