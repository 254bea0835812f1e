import type { Location } from '@data-scanner/detect';
import type { FindingRow } from '../store/finding-rows.ts';
import type {
  ExposureHistoryEntryView,
  ExposureState,
  ExposureView,
  OccurrenceView,
} from './exposure-schemas.ts';
import { findingView } from './row-views.ts';

/** The columns of an `ExposureRow`, for `SELECT ${EXPOSURE_COLUMNS} FROM exposures e`. */
export const EXPOSURE_COLUMNS = `e.id, e.kind, e.detector, e.category, e.severity, e.severity_rank, e.state,
  e.state_changed_at, e.redacted, e.fingerprint, e.bucket, e.object_key, e.field, e.archive_path,
  e.occurrence_count, e.object_count, e.sources, e.first_seen_at, e.last_seen_at, e.first_job_id, e.last_job_id,
  to_char(e.first_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS first_seen_key,
  to_char(e.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS last_seen_key`;

/** An `exposures` row as `EXPOSURE_COLUMNS` selects it. */
export interface ExposureRow {
  id: string;
  kind: 'value' | 'bulk';
  detector: string;
  category: string;
  severity: ExposureView['severity'];
  severity_rank: number;
  state: ExposureState;
  state_changed_at: Date | null;
  redacted: string | null;
  fingerprint: string | null;
  bucket: string | null;
  object_key: string | null;
  field: string | null;
  archive_path: string | null;
  occurrence_count: string;
  object_count: string;
  sources: string[];
  first_seen_at: Date;
  last_seen_at: Date;
  first_job_id: string | null;
  last_job_id: string | null;
  /** `first_seen_at` and `last_seen_at` with microseconds, for keyset cursors. */
  first_seen_key: string;
  last_seen_key: string;
}

/** The public JSON of an exposure; never a raw value. */
export function exposureView(r: ExposureRow): ExposureView {
  return {
    id: r.id,
    kind: r.kind,
    detector: r.detector,
    category: r.category,
    severity: r.severity,
    state: r.state,
    state_changed_at: r.state_changed_at ? r.state_changed_at.toISOString() : null,
    redacted: r.redacted,
    fingerprint: r.fingerprint,
    object:
      r.object_key === null
        ? null
        : { ...(r.bucket === null ? {} : { bucket: r.bucket }), key: r.object_key },
    field: r.field,
    archive_path: r.archive_path,
    occurrences: Number(r.occurrence_count),
    objects: Number(r.object_count),
    sources: r.sources,
    first_seen_at: r.first_seen_at.toISOString(),
    last_seen_at: r.last_seen_at.toISOString(),
    first_job_id: r.first_job_id,
    last_job_id: r.last_job_id,
  };
}

/** An `exposure_history` row. */
export interface HistoryRow {
  at: Date;
  actor: string;
  from_state: ExposureState | null;
  to_state: ExposureState;
  note: string | null;
  job_id: string | null;
}

/** The public JSON of one state change. */
export function historyView(r: HistoryRow): ExposureHistoryEntryView {
  return {
    at: r.at.toISOString(),
    actor: r.actor,
    from_state: r.from_state,
    to_state: r.to_state,
    note: r.note,
    job_id: r.job_id,
  };
}

/** An occurrence as the detail query selects it: a finding row, or an aggregate's columns. */
export type OccurrenceRow =
  | (FindingRow & { occurrence: 'finding'; created_at: Date })
  | (Pick<FindingRow, 'id' | 'seq' | 'job_id' | 'bucket' | 'object_key' | 'version_id' | 'etag'> & {
      occurrence: 'aggregate';
      field: string | null;
      match_count: string;
      samples: Location[];
      created_at: Date;
    });

/** The public JSON of an occurrence. */
export function occurrenceView(r: OccurrenceRow): OccurrenceView {
  if (r.occurrence === 'finding') {
    const f = findingView(r);
    return {
      kind: 'finding',
      id: f.id,
      job_id: f.job_id,
      object: f.object,
      location: f.location,
      redacted: f.redacted,
      field: null,
      count: 1,
      samples: [],
      seen_at: r.created_at.toISOString(),
    };
  }
  return {
    kind: 'aggregate',
    id: r.id,
    job_id: r.job_id,
    object: {
      ...(r.bucket === null ? {} : { bucket: r.bucket }),
      key: r.object_key,
      ...(r.version_id === null ? {} : { version_id: r.version_id }),
      ...(r.etag === null ? {} : { etag: r.etag }),
    },
    location: null,
    redacted: null,
    field: r.field,
    count: Number(r.match_count),
    samples: r.samples,
    seen_at: r.created_at.toISOString(),
  };
}
