import { DOCUMENT_FIELDS } from './place.ts';
import {
  type BaselineSuppression,
  type ReportAggregate,
  type ReportFinding,
  reportAggregates,
  reportFindings,
  type ScanReport,
} from './report.ts';

const COLUMNS = [
  'bucket',
  'key',
  'archive_path',
  'detector',
  'category',
  'severity',
  'confidence',
  'line',
  'column',
  'byte_start',
  'byte_end',
  'json_path',
  'record_index',
  'row',
  'column_index',
  'column_name',
  'redacted',
  'fingerprint',
  'kind',
  'count',
  ...DOCUMENT_FIELDS,
] as const;

/** Quotes a CSV cell; a leading `= + - @` is prefixed with `'` so spreadsheets do not run it. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The header row of the findings CSV, with its line end. */
export const CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

/** One finding as a CSV row with its line end; `CSV_HEADER` then rows make the whole document. */
export function csvRow(f: ReportFinding): string {
  const row: Record<(typeof COLUMNS)[number], unknown> = {
    bucket: f.object.bucket,
    key: f.object.key,
    archive_path: f.location.archive_path,
    detector: f.detector,
    category: f.category,
    severity: f.severity,
    confidence: f.confidence,
    line: f.location.line,
    column: f.location.column,
    byte_start: f.location.byte_start,
    byte_end: f.location.byte_end,
    json_path: f.location.json_path,
    record_index: f.location.record_index,
    row: f.location.row,
    column_index: f.location.column_index,
    column_name: f.location.column_name,
    redacted: f.redacted,
    fingerprint: f.fingerprint,
    kind: 'finding',
    count: 1,
    sheet: f.location.sheet,
    cell: f.location.cell,
    page: f.location.page,
    slide: f.location.slide,
    part: f.location.part,
    paragraph: f.location.paragraph,
    row_group: f.location.row_group,
    message_index: f.location.message_index,
  };
  return `${COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`;
}

/**
 * One aggregate as a CSV row: kind `aggregate`, its exact `count`, the location of its first
 * sample, and its field as the JSON path or column name; no preview or fingerprint.
 */
export function csvAggregateRow(a: ReportAggregate): string {
  const first = a.samples[0];
  const json = first?.json_path !== undefined;
  const row: Record<(typeof COLUMNS)[number], unknown> = {
    bucket: a.object.bucket,
    key: a.object.key,
    archive_path: a.archive_path,
    detector: a.detector,
    category: a.category,
    severity: a.severity,
    confidence: undefined,
    line: first?.line,
    column: first?.column,
    byte_start: first?.byte_start,
    byte_end: first?.byte_end,
    json_path: json ? a.field : undefined,
    record_index: first?.record_index,
    row: first?.row,
    column_index: first?.column_index,
    column_name: json ? undefined : a.field,
    redacted: undefined,
    fingerprint: undefined,
    kind: 'aggregate',
    count: a.count,
    sheet: first?.sheet,
    cell: first?.cell,
    page: first?.page,
    slide: first?.slide,
    part: first?.part,
    paragraph: first?.paragraph,
    row_group: first?.row_group,
    message_index: first?.message_index,
  };
  return `${COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`;
}

/** The row stating how many findings a baseline suppressed: kind `baseline`, the file as key, the count. */
export function csvBaselineRow(baseline: BaselineSuppression): string {
  const row: Partial<Record<(typeof COLUMNS)[number], unknown>> = {
    key: baseline.file,
    kind: 'baseline',
    count: baseline.suppressed,
  };
  return `${COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`;
}

/** Findings, then aggregates, then (with a baseline) the suppressed count, as RFC 4180 CSV with a header row. */
export function csvReport(report: ScanReport): string {
  return (
    CSV_HEADER +
    reportFindings(report).map(csvRow).join('') +
    reportAggregates(report).map(csvAggregateRow).join('') +
    (report.baseline ? csvBaselineRow(report.baseline) : '')
  );
}
