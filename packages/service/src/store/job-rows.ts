import type { Job, JobObject, JobObjectStatus, JobStatus } from '../ports/job-store.ts';
import { JOB_OPTION_COLUMNS, type JobOptionRow } from '../views/scan-options.ts';

// bigint columns arrive as strings from pg; counters and sizes fit a JS number.
function num(value: unknown): number {
  return Number(value);
}

function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Maps a `jobs` row to a Job. */
export function toJob(row: Record<string, unknown>): Job {
  return {
    id: row.id as string,
    tenantId: row.tenant_id as string,
    name: (row.name as string | null) ?? null,
    source: row.source as string,
    detectors: (row.detectors as string[] | null) ?? null,
    customDetectors: (row.custom_detectors as unknown[] | null | undefined) ?? null,
    exclude: (row.exclude as string[]) ?? [],
    status: row.status as Job['status'],
    statusReason: (row.status_reason as string | null) ?? null,
    shardsTotal: numOrNull(row.shards_total),
    objectsTotal: numOrNull(row.objects_total),
    objectsDone: num(row.objects_done),
    objectsComplete: num(row.objects_complete),
    objectsPartial: num(row.objects_partial),
    objectsSkipped: num(row.objects_skipped),
    objectsFailed: num(row.objects_failed),
    bytesTotal: numOrNull(row.bytes_total),
    bytesScanned: num(row.bytes_scanned),
    findingsCount: num(row.findings_count),
    findingsAggregated: num(row.findings_aggregated ?? 0),
    aggregateThreshold: numOrNull(row.aggregate_threshold),
    incremental: row.incremental === true,
    scanCoverageId: (row.scan_coverage_id as string | null | undefined) ?? null,
    objectsUnchanged: num(row.objects_unchanged ?? 0),
    budget: (row.budget as Job['budget'] | undefined) ?? null,
    budgetExceeded: row.budget_exceeded === true,
    sample: (row.sample as Job['sample'] | undefined) ?? null,
    objectsSampledOut: num(row.objects_sampled_out ?? 0),
    createdAt: row.created_at as Date,
    startedAt: (row.started_at as Date | null) ?? null,
    finishedAt: (row.finished_at as Date | null) ?? null,
  };
}

/** Maps a `job_objects` row to a JobObject. */
export function toJobObject(row: Record<string, unknown>): JobObject {
  return {
    key: row.key as string,
    bucket: (row.bucket as string | null) ?? null,
    shard: num(row.shard),
    size: num(row.size),
    etag: (row.etag as string | null) ?? null,
    versionId: (row.version_id as string | null) ?? null,
    status: row.status as JobObject['status'],
    reason: (row.reason as string | null) ?? null,
    reasonDetail: (row.reason_detail as string | null) ?? null,
    bytesScanned: numOrNull(row.bytes_scanned),
    findingsCount: num(row.findings_count),
    findingsAggregated: num(row.findings_aggregated ?? 0),
  };
}

/** The exposure comparison columns of a job (migration 048), null until it ends. */
export const JOB_EXPOSURE_COLUMNS = `exposures_new, exposures_open, exposures_resolved, exposures_reopened,
  exposures_suppressed, exposures_previous_job_id`;

/** The columns of a `JobRow`, for `SELECT ${JOB_COLUMNS} FROM jobs`. */
export const JOB_COLUMNS = `id, status, source, name, detectors, exclude, status_reason, objects_total, objects_done,
  bytes_total, bytes_scanned, findings_count, findings_aggregated, aggregate_threshold, created_at, updated_at, finished_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key, ${JOB_OPTION_COLUMNS},
  ${JOB_EXPOSURE_COLUMNS}`;

/** The row fields of `JOB_EXPOSURE_COLUMNS`. */
export interface JobExposureRow {
  exposures_new: string | null;
  exposures_open: string | null;
  exposures_resolved: string | null;
  exposures_reopened: string | null;
  exposures_suppressed: string | null;
  exposures_previous_job_id: string | null;
}

/** A `jobs` row as `JOB_COLUMNS` selects it. */
export interface JobRow extends JobOptionRow, JobExposureRow {
  id: string;
  status: JobStatus;
  source: string;
  name: string | null;
  detectors: string[] | null;
  exclude: string[];
  status_reason: string | null;
  objects_total: string | null;
  objects_done: string;
  bytes_total: string | null;
  bytes_scanned: string;
  findings_count: string;
  findings_aggregated: string;
  aggregate_threshold: number | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  /** `created_at` with microseconds, for keyset cursors (a JS Date keeps only milliseconds). */
  created_key: string;
}

/** The columns of an `ObjectRow`. */
export const OBJECT_COLUMNS =
  'key, bucket, status, reason, reason_detail, size, etag, version_id, findings_count, findings_aggregated';

/** A `job_objects` row as `OBJECT_COLUMNS` selects it. */
export interface ObjectRow {
  key: string;
  bucket: string | null;
  status: JobObjectStatus;
  reason: string | null;
  reason_detail: string | null;
  size: string | null;
  etag: string | null;
  version_id: string | null;
  findings_count: number;
  findings_aggregated: number;
}
