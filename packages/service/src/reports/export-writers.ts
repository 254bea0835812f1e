import {
  CSV_HEADER,
  detectors as catalogue,
  csvAggregateRow,
  csvRow,
  type Detector,
  type ReportAggregate,
  type ReportFinding,
  SarifWriter,
} from '@data-scanner/detect';
import type { AggregateView } from '../views/aggregate-schemas.ts';
import type { FindingView, JobView } from '../views/schemas.ts';

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

/**
 * Writes one export document incrementally: `start()`, `finding()` per finding, then
 * `aggregate()` per aggregate (exact counts of folded personal data), `end()`.
 */
export interface ExportWriter {
  start(): string;
  finding(f: FindingView): string;
  aggregate(a: AggregateView): string;
  end(): string;
}

// Stored findings come from the detection engine, so their category and severity are its own.
const asReportFinding = (f: FindingView) => f as ReportFinding;
const asReportAggregate = (a: AggregateView) => a as ReportAggregate;

/** SARIF 2.1.0 through detect's writer: the rules of the job's detectors, a result per finding. */
function sarifWriter(detectors: readonly Detector[], threshold: number | null): ExportWriter {
  const writer = new SarifWriter(detectors, undefined, threshold ?? undefined);
  return {
    start: () => writer.start(),
    finding: (f) => writer.result(asReportFinding(f)),
    aggregate: (a) => writer.aggregate(asReportAggregate(a)),
    end: () => writer.end(),
  };
}

/** `{"job": <Job>, "findings": [<Finding>, ...], "aggregates": [<FindingAggregate>, ...]}`, one per line. */
function jsonWriter(job: JobView): ExportWriter {
  let findings = 0;
  let aggregates = 0;
  const closeFindings = () => `${findings === 0 ? '' : '\n'}],"aggregates":[`;
  return {
    start: () => `{"job":${JSON.stringify(job)},"findings":[`,
    finding: (f) => `${findings++ === 0 ? '\n' : ',\n'}${JSON.stringify(f)}`,
    aggregate: (a) => `${aggregates++ === 0 ? `${closeFindings()}\n` : ',\n'}${JSON.stringify(a)}`,
    end: () => (aggregates === 0 ? `${closeFindings()}]}\n` : '\n]}\n'),
  };
}

/**
 * The writer of a format. CSV and SARIF are detect's documents (the same columns, rules and levels
 * as `data-scanner scan`); JSON and JSON Lines carry each finding as the API's Finding (the items of
 * `GET /results`) and each aggregate as in `GET /results/aggregates` (JSON Lines marks it
 * `"kind": "aggregate"`), JSON inside `{job, findings, aggregates}`.
 */
export function exportWriter(format: ExportFormat, job: JobView): ExportWriter {
  switch (format) {
    case 'sarif':
      return sarifWriter(
        job.detectors ? catalogue.filter((d) => job.detectors?.includes(d.id)) : catalogue,
        job.progress.aggregate_threshold,
      );
    case 'csv':
      return {
        start: () => CSV_HEADER,
        finding: (f) => csvRow(asReportFinding(f)),
        aggregate: (a) => csvAggregateRow(asReportAggregate(a)),
        end: () => '',
      };
    case 'json':
      return jsonWriter(job);
    case 'jsonl':
      return {
        start: () => '',
        finding: (f) => `${JSON.stringify(f)}\n`,
        aggregate: (a) => `${JSON.stringify({ kind: 'aggregate', ...a })}\n`,
        end: () => '',
      };
  }
}
