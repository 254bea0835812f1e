import type pg from 'pg';
import { FINDING_COLUMNS, type FindingRow, findingView } from '../api/row-views.ts';
import type { FindingView, JobSummary } from '../api/schemas.ts';
import type { Job } from '../ports/job-store.ts';
import { SEVERITIES } from '../severity.ts';
import { countFindings } from '../store/finding-counts.ts';

/** Findings table rows of a PDF report; the rest is in the export. */
export const REPORT_MAX_ROWS = 2000;

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

/** Everything a PDF report shows; never a raw value (findings carry only `redacted`). */
export interface JobReportData {
  job: Job;
  /** Findings counted by severity, category and detector. */
  summary: JobSummary;
  /** Every finding of the job. */
  total: number;
  topObjects: TopObject[];
  /** The findings table: most severe first, then by object, at most `REPORT_MAX_ROWS`. */
  rows: FindingView[];
  generatedAt: Date;
}

/** Reads what the report of a job shows, in three queries whatever the number of findings. */
export async function loadJobReportData(pool: pg.Pool, job: Job): Promise<JobReportData> {
  const params = [job.id, job.tenantId];
  const [summary, top, rows] = await Promise.all([
    countFindings(pool, job.id, job.tenantId),
    pool.query<{ bucket: string | null; object_key: string; n: string; worst: number }>(
      `SELECT bucket, object_key, count(*) AS n, min(${SEVERITY_RANK}) AS worst
       FROM findings WHERE job_id = $1 AND tenant_id = $2
       GROUP BY bucket, object_key ORDER BY n DESC, object_key LIMIT ${REPORT_TOP_OBJECTS}`,
      params,
    ),
    pool.query<FindingRow>(
      `SELECT ${FINDING_COLUMNS} FROM findings WHERE job_id = $1 AND tenant_id = $2
       ORDER BY ${SEVERITY_RANK}, object_key, seq LIMIT $3`,
      [...params, REPORT_MAX_ROWS],
    ),
  ]);
  const total = Object.values(summary.by_severity).reduce((a, b) => a + b, 0);
  return {
    job,
    summary,
    total,
    topObjects: top.rows.map((r) => ({
      bucket: r.bucket,
      key: r.object_key,
      findings: Number(r.n),
      worst: SEVERITIES[r.worst] ?? 'unknown',
    })),
    rows: rows.rows.map(findingView),
    generatedAt: new Date(),
  };
}
