import { reportFindings, type ScanReport } from './report.ts';

/** One finding per line (JSON Lines), each with its object. */
export function jsonlReport(report: ScanReport): string {
  return reportFindings(report)
    .map((f) => `${JSON.stringify(f)}\n`)
    .join('');
}
