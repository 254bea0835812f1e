import { reportAggregates, reportFindings, type ScanReport } from './report.ts';

/**
 * One finding per line (JSON Lines), each with its object; then one line per aggregate, marked
 * `"kind": "aggregate"`, with its exact `count`, `threshold` and sample locations; with a baseline,
 * a last line `{"kind": "baseline", "file", "suppressed"}`.
 */
export function jsonlReport(report: ScanReport): string {
  return (
    reportFindings(report)
      .map((f) => `${JSON.stringify(f)}\n`)
      .join('') +
    reportAggregates(report)
      .map((a) => `${JSON.stringify({ kind: 'aggregate', ...a })}\n`)
      .join('') +
    (report.baseline ? `${JSON.stringify({ kind: 'baseline', ...report.baseline })}\n` : '')
  );
}
