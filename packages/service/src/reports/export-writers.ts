import {
  CSV_HEADER,
  detectors as catalogue,
  csvRow,
  type Detector,
  type ReportFinding,
  SarifWriter,
} from '@data-scanner/detect';
import type { FindingView, JobView } from '../api/schemas.ts';

/** The formats of `GET /jobs/{id}/export`. */
export const EXPORT_FORMATS = ['sarif', 'csv', 'json', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Media type and file extension of each export format. */
export const EXPORT_MEDIA: Record<ExportFormat, { contentType: string; extension: string }> = {
  sarif: { contentType: 'application/sarif+json', extension: 'sarif' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  json: { contentType: 'application/json', extension: 'json' },
  jsonl: { contentType: 'application/x-ndjson', extension: 'jsonl' },
};

/** Writes one export document incrementally: `start()`, `finding()` per finding, `end()`. */
export interface ExportWriter {
  start(): string;
  finding(f: FindingView): string;
  end(): string;
}

// Stored findings come from the detection engine, so their category and severity are its own.
const asReportFinding = (f: FindingView) => f as ReportFinding;

/** SARIF 2.1.0 through detect's writer: the rules of the job's detectors, a result per finding. */
function sarifWriter(detectors: readonly Detector[]): ExportWriter {
  const writer = new SarifWriter(detectors);
  return {
    start: () => writer.start(),
    finding: (f) => writer.result(asReportFinding(f)),
    end: () => writer.end(),
  };
}

/** `{"job": <Job>, "findings": [<Finding>, ...]}`, a finding per line. */
function jsonWriter(job: JobView): ExportWriter {
  let count = 0;
  return {
    start: () => `{"job":${JSON.stringify(job)},"findings":[`,
    finding: (f) => `${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(f)}`,
    end: () => `${count === 0 ? '' : '\n'}]}\n`,
  };
}

/**
 * The writer of a format. CSV and SARIF are detect's documents (the same columns, rules and levels
 * as `data-scanner scan`); JSON and JSON Lines carry each finding as the API's Finding (the items of
 * `GET /results`), JSON inside `{job, findings}`.
 */
export function exportWriter(format: ExportFormat, job: JobView): ExportWriter {
  switch (format) {
    case 'sarif':
      return sarifWriter(job.detectors ? catalogue.filter((d) => job.detectors?.includes(d.id)) : catalogue);
    case 'csv':
      return { start: () => CSV_HEADER, finding: (f) => csvRow(asReportFinding(f)), end: () => '' };
    case 'json':
      return jsonWriter(job);
    case 'jsonl':
      return { start: () => '', finding: (f) => `${JSON.stringify(f)}\n`, end: () => '' };
  }
}
