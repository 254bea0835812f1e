import type pg from 'pg';
import type { Job } from '../ports/job-store.ts';
import { SEVERITIES } from '../severity.ts';
import { countFindings } from '../store/finding-counts.ts';
import {
  AGGREGATE_COLUMNS,
  type AggregateRow,
  FINDING_COLUMNS,
  type FindingRow,
} from '../store/finding-rows.ts';
import type { AggregateView } from '../views/aggregate-schemas.ts';
import { aggregateView, findingView } from '../views/row-views.ts';
import type { FindingView, JobSummary } from '../views/schemas.ts';

/** Findings table rows of a PDF report; the rest is in the export. */
export const REPORT_MAX_ROWS = 2000;

/** Aggregate rows of a PDF report (largest counts first); the rest are in `GET /results/aggregates`. */
export const REPORT_MAX_AGGREGATES = 200;

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
  /** Every match of the job, exactly: findings listed one by one plus those counted in aggregates. */
  total: number;
  /** The part of `total` counted in aggregates. */
  aggregated: number;
  /** Aggregates, largest count first, at most `REPORT_MAX_AGGREGATES`. */
  aggregates: AggregateView[];
  /** How many aggregates the job has. */
  aggregatesTotal: number;
  topObjects: TopObject[];
  /** The findings table: most severe first, then by object, at most `REPORT_MAX_ROWS`. */
  rows: FindingView[];
  generatedAt: Date;
}

/** Reads what the report of a job shows, in three queries whatever the number of findings. */
export async function loadJobReportData(pool: pg.Pool, job: Job): Promise<JobReportData> {
  const params = [job.id, job.tenantId];
  const [summary, top, rows, aggregates] = await Promise.all([
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
    pool.query<FindingRow>(
      `SELECT ${FINDING_COLUMNS} FROM findings WHERE job_id = $1 AND tenant_id = $2
       ORDER BY ${SEVERITY_RANK}, object_key, seq LIMIT $3`,
      [...params, REPORT_MAX_ROWS],
    ),
    pool.query<AggregateRow & { total: string }>(
      `SELECT ${AGGREGATE_COLUMNS}, count(*) OVER () AS total FROM finding_aggregates WHERE job_id = $1 AND tenant_id = $2
       ORDER BY match_count DESC, seq LIMIT $3`,
      [...params, REPORT_MAX_AGGREGATES],
    ),
  ]);
  const total = Object.values(summary.by_severity).reduce((a, b) => a + b, 0);
  return {
    job,
    summary,
    total,
    aggregated: job.findingsAggregated,
    aggregates: aggregates.rows.map(aggregateView),
    aggregatesTotal: Number(aggregates.rows[0]?.total ?? 0),
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
