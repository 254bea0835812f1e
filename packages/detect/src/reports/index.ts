import { CSV_HEADER, csvAggregateRow, csvReport, csvRow } from './csv-report.ts';
import { jsonReport } from './json-report.ts';
import { jsonlReport } from './jsonl-report.ts';
import type { ScanReport } from './report.ts';
import { SarifWriter, sarifReport } from './sarif-report.ts';
import { summaryLine, tableReport } from './table-report.ts';

export { DOCUMENT_FIELDS, documentPlace } from './place.ts';
export type {
  BaselineSuppression,
  ReportAggregate,
  ReportFinding,
  ReportObject,
  ScanReport,
} from './report.ts';
export { aggregateText, reportAggregates, reportFindings, reportSummary } from './report.ts';
export {
  CSV_HEADER,
  csvAggregateRow,
  csvReport,
  csvRow,
  jsonlReport,
  jsonReport,
  SarifWriter,
  sarifReport,
  summaryLine,
  tableReport,
};

/** The report formats the CLI and API offer. */
export const REPORT_FORMATS = ['table', 'json', 'jsonl', 'sarif', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders a report in one of the formats. */
export function renderReport(format: ReportFormat, report: ScanReport): string {
  switch (format) {
    case 'json':
      return jsonReport(report);
    case 'jsonl':
      return jsonlReport(report);
    case 'sarif':
      return sarifReport(report);
    case 'csv':
      return csvReport(report);
    default:
      return tableReport(report);
  }
}
