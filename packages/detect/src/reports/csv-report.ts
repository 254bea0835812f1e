import { reportFindings, type ScanReport } from './report.ts';

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
] as const;

/** Quotes a CSV cell; a leading `= + - @` is prefixed with `'` so spreadsheets do not run it. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Findings as RFC 4180 CSV with a header row. */
export function csvReport(report: ScanReport): string {
  const lines = [COLUMNS.join(',')];
  for (const f of reportFindings(report)) {
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
    };
    lines.push(COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
