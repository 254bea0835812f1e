import { createHash } from 'node:crypto';
import type { Finding, FindingAggregate, Location } from '@data-scanner/detect';
// The light entry: the package root would bring the detector catalogue into the jobs and results Lambdas.
import { DOCUMENT_FIELDS } from '@data-scanner/detect/place';

// The `findings` and `finding_aggregates` tables: what the worker writes (`findingsJson`, `aggregatesJson`)
// and what readers select (`FINDING_COLUMNS`, `AGGREGATE_COLUMNS`).

/** The document location fields of a finding (sheet, cell, page is a column of its own...), or null. */
export function locationDetail(l: Location): Record<string, string | number> | null {
  const detail: Record<string, string | number> = {};
  for (const k of DOCUMENT_FIELDS) {
    const v = l[k];
    if (v !== undefined && k !== 'page') detail[k] = v;
  }
  return Object.keys(detail).length > 0 ? detail : null;
}

/**
 * The idempotency key of a finding: the object and every part of the location, the detector
 * and the fingerprint. The same object scanned twice yields the same keys.
 */
export function findingKey(objectKey: string, finding: Finding): string {
  const l = finding.location;
  const parts = [
    objectKey,
    finding.detector,
    l.byte_start,
    l.byte_end,
    l.line,
    l.column,
    l.json_path ?? null,
    l.record_index ?? null,
    l.row ?? null,
    l.column_index ?? null,
    l.page ?? null,
    l.archive_path ?? null,
    finding.fingerprint,
  ];
  // Appended only when present, so the keys of plain-text findings stay what they were.
  const detail = locationDetail(l);
  if (detail) parts.push(JSON.stringify(detail));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The findings of one object without repeats (equal `findingKey`), which would be stored once. */
export function distinctFindings(objectKey: string, findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = findingKey(objectKey, f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Findings as a JSON array for `jsonb_to_recordset` (one round trip for any number of rows);
 * `exposureIds[i]` is the exposure of `findings[i]`.
 */
export function findingsJson(
  objectKey: string,
  findings: readonly Finding[],
  exposureIds: readonly (string | undefined)[] = [],
): string {
  return JSON.stringify(
    findings.map((f, i) => ({
      exposure_id: exposureIds[i] ?? null,
      finding_key: findingKey(objectKey, f),
      detector: f.detector,
      category: f.category,
      severity: f.severity,
      confidence: f.confidence,
      byte_start: f.location.byte_start,
      byte_end: f.location.byte_end,
      line: f.location.line,
      col: f.location.column,
      json_path: f.location.json_path ?? null,
      record_index: f.location.record_index ?? null,
      row_number: f.location.row ?? null,
      column_index: f.location.column_index ?? null,
      column_name: f.location.column_name ?? null,
      page: f.location.page ?? null,
      archive_path: f.location.archive_path ?? null,
      location_detail: locationDetail(f.location),
      redacted: f.redacted,
      fingerprint: f.fingerprint,
    })),
  );
}

/** Column list of `jsonb_to_recordset` matching `findingsJson`. */
export const FINDING_RECORDSET = `exposure_id uuid, finding_key text, detector text, category text, severity text, confidence real,
  byte_start bigint, byte_end bigint, line integer, col integer, json_path text, record_index bigint,
  row_number bigint, column_index integer, column_name text, page integer, archive_path text,
  location_detail jsonb, redacted text, fingerprint text`;

/** The idempotency key of an aggregate: the object, detector, archive member and field. */
export function aggregateKey(objectKey: string, aggregate: FindingAggregate): string {
  const parts = [objectKey, aggregate.detector, aggregate.archive_path ?? null, aggregate.field ?? null];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Aggregates as a JSON array for `jsonb_to_recordset` (`AGGREGATE_RECORDSET`); `exposureIds[i]` is `aggregates[i]`'s. */
export function aggregatesJson(
  objectKey: string,
  aggregates: readonly FindingAggregate[],
  exposureIds: readonly (string | undefined)[] = [],
): string {
  return JSON.stringify(
    aggregates.map((a, i) => ({
      exposure_id: exposureIds[i] ?? null,
      aggregate_key: aggregateKey(objectKey, a),
      detector: a.detector,
      category: a.category,
      severity: a.severity,
      field: a.field ?? null,
      archive_path: a.archive_path ?? null,
      match_count: a.count,
      threshold: a.threshold,
      samples: a.samples,
    })),
  );
}

/** Column list of `jsonb_to_recordset` matching `aggregatesJson`. */
export const AGGREGATE_RECORDSET = `exposure_id uuid, aggregate_key text, detector text, category text, severity text, field text,
  archive_path text, match_count bigint, threshold integer, samples jsonb`;

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
