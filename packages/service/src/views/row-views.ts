import type { AggregateRow, FindingRow } from '../store/finding-rows.ts';
import type { JobRow, ObjectRow } from '../store/job-rows.ts';
import type { AggregateView } from './aggregate-schemas.ts';
import { jobOptionsView } from './scan-options.ts';
import type { FindingView, JobObjectView, JobView } from './schemas.ts';

const num = (v: string | number | null): number => (v === null ? 0 : Number(v));
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Drops null members so optional fields are absent rather than null, as the contract says. */
function present<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const key in o) if (o[key] !== null) out[key] = o[key];
  return out as never;
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
    exposures:
      r.exposures_new === null
        ? null
        : {
            new: num(r.exposures_new),
            open: num(r.exposures_open),
            resolved: num(r.exposures_resolved),
            reopened: num(r.exposures_reopened),
            suppressed: num(r.exposures_suppressed),
            previous_job_id: r.exposures_previous_job_id,
          },
  };
}

/** The public JSON of a finding (the `Finding` schema); never a raw value. */
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
