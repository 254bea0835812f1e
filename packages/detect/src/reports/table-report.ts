import { documentPlace } from './place.ts';
import { aggregateText, reportAggregates, reportFindings, reportSummary, type ScanReport } from './report.ts';

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
  for (const a of reportAggregates(report)) {
    const first = a.samples[0];
    const where = [
      a.object.key + (a.archive_path ? `!${a.archive_path}` : ''),
      first ? `${first.line}:${first.column}` : '',
    ].join(':');
    rows.push([
      a.severity.toUpperCase(),
      a.detector,
      where,
      a.field ?? '',
      `+${a.count} more (aggregated)`,
      '',
    ]);
  }
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
  const aggregates = reportAggregates(report);
  if (aggregates.length > 0) {
    out.push('', 'Aggregated (personal data past the per-field threshold, counted exactly):');
    for (const a of aggregates) out.push(`  ${a.object.key}: ${aggregateText(a)}`);
  }
  out.push('', summaryLine(report));
  return `${out.join('\n')}\n`;
}

/** The one-line summary of a report: exact match count, what was aggregated and the threshold. */
export function summaryLine(report: ScanReport): string {
  const s = reportSummary(report);
  const folded =
    s.aggregated > 0
      ? `, ${s.matches} match(es) in all: ${s.aggregated} counted in ${s.aggregates} aggregate(s)`
      : '';
  const threshold =
    s.aggregate_threshold === undefined
      ? ''
      : ` Aggregate threshold: ${s.aggregate_threshold} per detector and field.`;
  const baseline = report.baseline
    ? ` ${report.baseline.suppressed} finding(s) suppressed by baseline ${report.baseline.file}.`
    : '';
  return `${s.findings} finding(s)${folded} in ${s.objects} object(s) (${s.COMPLETE} complete, ${s.PARTIAL} partial, ${s.SKIPPED} skipped, ${s.FAILED} failed), ${s.bytes_read} bytes read.${threshold}${baseline}`;
}
