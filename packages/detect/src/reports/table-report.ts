import { documentPlace } from './place.ts';
import { reportFindings, reportSummary, type ScanReport } from './report.ts';

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** A human-readable table of findings, then objects not fully scanned, then a summary line. */
export function tableReport(report: ScanReport): string {
  const rows = reportFindings(report).map((f) => {
    const where = [
      f.object.key + (f.location.archive_path ? `!${f.location.archive_path}` : ''),
      `${f.location.line}:${f.location.column}`,
    ].join(':');
    const field = documentPlace(f.location) || (f.location.json_path ?? f.location.column_name ?? '');
    return [f.severity.toUpperCase(), f.detector, where, field, f.redacted, f.confidence.toFixed(2)];
  });
  const header = ['SEVERITY', 'DETECTOR', 'LOCATION', 'FIELD', 'PREVIEW', 'CONF'];
  const out: string[] = [];
  if (rows.length > 0) {
    const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
    const line = (r: string[]) =>
      r
        .map((c, i) => pad(c, widths[i]!))
        .join('  ')
        .trimEnd();
    out.push(line(header), ...rows.map(line));
  } else {
    out.push('No findings.');
  }
  const notComplete = report.objects.filter((o) => o.result.status !== 'COMPLETE');
  if (notComplete.length > 0) {
    out.push('', 'Not fully scanned:');
    for (const o of notComplete) {
      out.push(
        `  ${o.result.status} ${o.key}: ${o.result.reason ?? ''} ${o.result.reason_detail ?? ''}`.trimEnd(),
      );
    }
  }
  const s = reportSummary(report);
  out.push(
    '',
    `${s.findings} finding(s) in ${s.objects} object(s) (${s.COMPLETE} complete, ${s.PARTIAL} partial, ${s.SKIPPED} skipped, ${s.FAILED} failed), ${s.bytes_read} bytes read.`,
  );
  return `${out.join('\n')}\n`;
}
