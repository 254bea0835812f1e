import type { Job, JobObject, Page, Schedule } from './types.ts';

type Raw = Record<string, unknown>;

function pick(raw: Raw, paths: string[]): unknown {
  for (const path of paths) {
    let v: unknown = raw;
    for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Raw)[part] : undefined;
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

function num(raw: Raw, paths: string[]): number | undefined {
  const v = pick(raw, paths);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function str(raw: Raw, paths: string[]): string | undefined {
  const v = pick(raw, paths);
  return typeof v === 'string' ? v : undefined;
}

function counts(raw: Raw, paths: string[]): Record<string, number> | undefined {
  const v = pick(raw, paths);
  if (!v || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    const out: Record<string, number> = {};
    for (const item of v as Raw[]) {
      const key = str(item, ['key', 'name', 'detector', 'category', 'severity']);
      const n = num(item, ['count', 'n', 'findings']);
      if (key !== undefined && n !== undefined) out[key] = n;
    }
    return out;
  }
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v as Raw)) if (typeof n === 'number') out[k] = n;
  return out;
}

/**
 * Turns a job as the API returns it into the dashboard's `Job`. The service names its counters
 * in one of a few shapes (flat, under `progress`, under `counts`); all are accepted.
 */
export function normalizeJob(raw: Raw): Job {
  return {
    id: String(pick(raw, ['job_id', 'id']) ?? ''),
    name: str(raw, ['name']),
    source: str(raw, ['source', 'source_uri']) ?? '',
    status: str(raw, ['status']) ?? 'queued',
    createdAt: str(raw, ['created_at', 'submitted_at']),
    finishedAt: str(raw, ['finished_at', 'completed_at']),
    objectsTotal: num(raw, [
      'progress.objects_total',
      'objects_total',
      'counts.objects_total',
      'counts.objects',
    ]),
    objectsDone:
      num(raw, [
        'progress.objects_done',
        'progress.objects_scanned',
        'objects_done',
        'objects_scanned',
        'counts.objects_done',
        'counts.objects_scanned',
      ]) ?? 0,
    bytesTotal: num(raw, ['progress.bytes_total', 'bytes_total', 'counts.bytes_total']),
    bytesDone:
      num(raw, [
        'progress.bytes_done',
        'progress.bytes_scanned',
        'bytes_done',
        'bytes_scanned',
        'counts.bytes_done',
        'counts.bytes_scanned',
      ]) ?? 0,
    findings:
      num(raw, [
        'findings_count',
        'counts.findings',
        'progress.findings',
        'findings',
        'summary.findings',
        'summary.total',
      ]) ?? 0,
    byDetector: counts(raw, [
      'summary.by_detector',
      'counts.by_detector',
      'findings_by_detector',
      'by_detector',
    ]),
    byCategory: counts(raw, [
      'summary.by_category',
      'counts.by_category',
      'findings_by_category',
      'by_category',
    ]),
    bySeverity: counts(raw, [
      'summary.by_severity',
      'counts.by_severity',
      'findings_by_severity',
      'by_severity',
    ]),
    error: str(raw, ['error', 'reason', 'failure_reason', 'error.message']),
  };
}

/** Normalises one row of `GET /jobs/{id}/objects`. */
export function normalizeObject(raw: Raw): JobObject {
  return {
    key: str(raw, ['key', 'object.key', 'object_key']) ?? '',
    bucket: str(raw, ['bucket', 'object.bucket']),
    status: str(raw, ['status']) ?? '',
    reason: str(raw, ['reason', 'reason_code']),
    reasonDetail: str(raw, ['reason_detail']),
    bytes: num(raw, ['bytes', 'size', 'bytes_read']),
    findings: num(raw, ['findings', 'findings_count']),
  };
}

/** Normalises one schedule of `GET /schedules`. */
export function normalizeSchedule(raw: Raw): Schedule {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);
  return {
    id: String(pick(raw, ['id', 'schedule_id']) ?? ''),
    name: str(raw, ['name']),
    source: str(raw, ['source']) ?? '',
    cron: str(raw, ['cron']) ?? '',
    timezone: str(raw, ['timezone', 'tz']),
    detectors: list(raw.detectors),
    exclude: list(raw.exclude),
    nextRunAt: str(raw, ['next_run_at', 'next_fire_at']),
    lastRunAt: str(raw, ['last_run_at', 'last_fired_at']),
  };
}

/** Reads `{items, next_cursor}` (or a bare array) and maps each item. */
export function normalizePage<T>(body: unknown, map: (raw: Raw) => T): Page<T> {
  const b = (body ?? {}) as Raw;
  const items = Array.isArray(body)
    ? body
    : Array.isArray(b.items)
      ? b.items
      : Array.isArray(b.data)
        ? b.data
        : [];
  const cursor = b.next_cursor ?? b.nextCursor;
  return {
    items: (items as Raw[]).map(map),
    nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : null,
  };
}
