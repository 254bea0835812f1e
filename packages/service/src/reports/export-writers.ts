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
import { type ScanScope, scanScope, scopeText } from './scan-scope.ts';

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

/** A SARIF head with the run's `automationDetails` stating the scope, just before `"results"`. */
function withScope(head: string, jobId: string, scope: ScanScope | undefined): string {
  const at = /\n( *)"results": $/.exec(head);
  if (!scope || !at) return head;
  const details = JSON.stringify({
    id: `data-scanner/${jobId}`,
    description: { text: scopeText(scope) },
    properties: { scope },
  });
  return `${head.slice(0, at.index)}\n${at[1]}"automationDetails": ${details},${head.slice(at.index)}`;
}

/**
 * SARIF 2.1.0 through detect's writer: the rules of the job's detectors, a result per finding; a
 * sampled or incremental job's scope in the run's `automationDetails`.
 */
function sarifWriter(detectors: readonly Detector[], job: JobView): ExportWriter {
  const writer = new SarifWriter(detectors, undefined, job.progress.aggregate_threshold ?? undefined);
  return {
    start: () => withScope(writer.start(), job.job_id, scanScope(job)),
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
 * `"kind": "aggregate"`), JSON inside `{job, findings, aggregates}`. A sampled or incremental job
 * states its scope in each: the job of JSON, a first `"kind": "scope"` line of JSON Lines, a first
 * `#` line of CSV, the run's `automationDetails` of SARIF.
 */
export function exportWriter(format: ExportFormat, job: JobView): ExportWriter {
  const scope = scanScope(job);
  switch (format) {
    case 'sarif':
      return sarifWriter(
        job.detectors ? catalogue.filter((d) => job.detectors?.includes(d.id)) : catalogue,
        job,
      );
    case 'csv':
      return {
        // A sampled or incremental job's scope comes first, as a `#` comment line.
        start: () => (scope ? `# ${scopeText(scope)}\n${CSV_HEADER}` : CSV_HEADER),
        finding: (f) => csvRow(asReportFinding(f)),
        aggregate: (a) => csvAggregateRow(asReportAggregate(a)),
        end: () => '',
      };
    case 'json':
      return jsonWriter(job);
    case 'jsonl':
      return {
        start: () => (scope ? `${JSON.stringify({ kind: 'scope', ...scope })}\n` : ''),
        finding: (f) => `${JSON.stringify(f)}\n`,
        aggregate: (a) => `${JSON.stringify({ kind: 'aggregate', ...a })}\n`,
        end: () => '',
      };
  }
}
