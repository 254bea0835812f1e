import type { Location } from '@data-scanner/detect';
import type { AggregateView } from './aggregate-schemas.ts';
import { type JobOptionRow, jobOptionsView } from './scan-options.ts';
import type { FindingView, JobObjectView, JobStatus, JobView, ObjectStatus } from './schemas.ts';

/** A `jobs` row as `PgApiStore` selects it. */
export interface JobRow extends JobOptionRow {
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

/** The columns of a `FindingRow`, for `SELECT ${FINDING_COLUMNS} FROM findings`. */
export const FINDING_COLUMNS = `id, seq, job_id, bucket, object_key, version_id, etag, detector, category, severity,
  confidence, byte_start, byte_end, line, col, json_path, record_index, row_number, column_index, column_name, page,
  archive_path, location_detail, redacted, fingerprint`;

/** A `findings` row. */
export interface FindingRow {
  id: string;
  seq: string;
  job_id: string;
  bucket: string | null;
  object_key: string;
  version_id: string | null;
  etag: string | null;
  detector: string;
  category: string;
  severity: string;
  confidence: number;
  byte_start: string;
  byte_end: string;
  line: number;
  col: number;
  json_path: string | null;
  record_index: string | null;
  row_number: string | null;
  column_index: number | null;
  column_name: string | null;
  page: number | null;
  archive_path: string | null;
  /** Sheet and cell, slide and part, paragraph, row group, message (document formats). */
  location_detail: Record<string, string | number> | null;
  redacted: string;
  fingerprint: string;
}

/** A `job_objects` row. */
export interface ObjectRow {
  key: string;
  bucket: string | null;
  status: ObjectStatus;
  reason: string | null;
  reason_detail: string | null;
  size: string | null;
  etag: string | null;
  version_id: string | null;
  findings_count: number;
  findings_aggregated: number;
}

const num = (v: string | number | null): number => (v === null ? 0 : Number(v));
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Drops null members so optional fields are absent rather than null, as the contract says. */
function present<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as never;
}

/** The public JSON of a job. */
export function jobView(r: JobRow): JobView {
  const options = jobOptionsView(r);
  return {
    job_id: r.id,
    status: r.status,
    source: r.source,
    name: r.name,
    detectors: r.detectors,
    exclude: r.exclude,
    reason: r.status_reason,
    ...options.options,
    progress: {
      ...options.progress,
      objects_total: num(r.objects_total),
      objects_done: num(r.objects_done),
      bytes_total: r.bytes_total === null ? null : Number(r.bytes_total),
      bytes_scanned: num(r.bytes_scanned),
      findings: num(r.findings_count),
      findings_aggregated: num(r.findings_aggregated),
      aggregate_threshold: r.aggregate_threshold,
    },
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
    finished_at: iso(r.finished_at),
  };
}

/** The public JSON of a finding (DESIGN.md "Finding"); never a raw value. */
export function findingView(r: FindingRow): FindingView {
  return {
    id: r.id,
    job_id: r.job_id,
    object: present({ bucket: r.bucket, key: r.object_key, version_id: r.version_id, etag: r.etag }),
    detector: r.detector,
    category: r.category,
    severity: r.severity,
    confidence: Math.round(r.confidence * 1000) / 1000,
    location: present({
      byte_start: Number(r.byte_start),
      byte_end: Number(r.byte_end),
      line: r.line,
      column: r.col,
      json_path: r.json_path,
      record_index: r.record_index === null ? null : Number(r.record_index),
      row: r.row_number === null ? null : Number(r.row_number),
      column_index: r.column_index,
      column_name: r.column_name,
      page: r.page,
      archive_path: r.archive_path,
      ...r.location_detail,
    }),
    redacted: r.redacted,
    fingerprint: r.fingerprint,
  };
}

/** The public JSON of one object of a job. */
export function objectView(r: ObjectRow): JobObjectView {
  return {
    key: r.key,
    ...(r.bucket ? { bucket: r.bucket } : {}),
    status: r.status,
    reason: r.reason,
    reason_detail: r.reason_detail,
    bytes: r.size === null ? null : Number(r.size),
    etag: r.etag,
    version_id: r.version_id,
    findings: r.findings_count,
    findings_aggregated: r.findings_aggregated,
  };
}

/** A `finding_aggregates` row. */
export interface AggregateRow {
  id: string;
  seq: string;
  job_id: string;
  bucket: string | null;
  object_key: string;
  version_id: string | null;
  etag: string | null;
  detector: string;
  category: string;
  severity: string;
  field: string | null;
  archive_path: string | null;
  match_count: string;
  threshold: number;
  samples: Location[];
}

/** The columns of an `AggregateRow`. */
export const AGGREGATE_COLUMNS = `id, seq, job_id, bucket, object_key, version_id, etag, detector, category, severity,
  field, archive_path, match_count, threshold, samples`;

/** The public JSON of an aggregate: an exact count and sample locations, never a value. */
export function aggregateView(r: AggregateRow): AggregateView {
  return {
    id: r.id,
    job_id: r.job_id,
    object: present({ bucket: r.bucket, key: r.object_key, version_id: r.version_id, etag: r.etag }),
    detector: r.detector,
    category: r.category,
    severity: r.severity,
    ...present({ field: r.field, archive_path: r.archive_path }),
    count: Number(r.match_count),
    threshold: r.threshold,
    samples: r.samples,
  };
}
