/** Severity levels, most severe first (mirrors `@data-scanner/detect`). */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a finding sits inside an object (DESIGN.md, "Finding (JSON)"). */
export interface Location {
  byte_start: number;
  byte_end: number;
  line: number;
  column: number;
  json_path?: string;
  record_index?: number;
  row?: number;
  column_index?: number;
  column_name?: string;
  page?: number;
  archive_path?: string;
  /** Spreadsheets: worksheet and A1 cell (a Word table cell is `table 1 R2C3`). */
  sheet?: string;
  cell?: string;
  /** Presentations: 1-based slide; `part` names the shape or `notes`. */
  slide?: number;
  /** Document part (`document`, `header1`, `comments`), shape, e-mail header or MIME part. */
  part?: string;
  paragraph?: number;
  /** Parquet row group. */
  row_group?: number;
  /** 0-based message of a mailbox. */
  message_index?: number;
}

/** Job states the service reports (issue 3). */
export type JobStatus =
  | 'queued'
  | 'listing'
  | 'scanning'
  | 'succeeded'
  | 'partial'
  | 'failed'
  | 'cancelled'
  | (string & {});

/** The dashboard's view of a job, normalised from the API's JSON by `normalizeJob`. */
export interface Job {
  id: string;
  name?: string;
  source: string;
  status: JobStatus;
  createdAt?: string;
  finishedAt?: string;
  objectsTotal?: number;
  objectsDone: number;
  bytesTotal?: number;
  bytesDone: number;
  findings: number;
  /** Findings counted by detector, category and severity, when the API includes them. */
  byDetector?: Record<string, number>;
  byCategory?: Record<string, number>;
  bySeverity?: Record<string, number>;
  error?: string;
}

/** The object a finding was found in. */
export interface FindingObject {
  bucket?: string;
  key: string;
  version_id?: string;
  etag?: string;
}

/** A finding as `GET /results` returns it (DESIGN.md, "Finding (JSON)"). */
export interface Finding {
  id: string;
  job_id: string;
  object: FindingObject;
  detector: string;
  category: string;
  severity: Severity;
  confidence: number;
  location: Location;
  /** Masked preview; the raw value never leaves the scanner. */
  redacted: string;
  fingerprint: string;
}

/** One object of a job (`GET /jobs/{id}/objects`). */
export interface JobObject {
  key: string;
  bucket?: string;
  status: string;
  reason?: string;
  reasonDetail?: string;
  bytes?: number;
  findings?: number;
}

/** A keyset-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A recurring scan (issue 8). */
export interface Schedule {
  id: string;
  name?: string;
  source: string;
  cron: string;
  timezone?: string;
  detectors?: string[];
  exclude?: string[];
  nextRunAt?: string;
  lastRunAt?: string;
}

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set([
  'succeeded',
  'partial',
  'failed',
  'cancelled',
]);

/** True while a job can still change. */
export function isActive(status: JobStatus): boolean {
  return !TERMINAL_STATUSES.has(status);
}
