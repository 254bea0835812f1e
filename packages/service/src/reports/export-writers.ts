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
import { isFinalStatus } from '../ports/job-store.ts';
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

/** What an export of a running job says about itself: only the findings so far. */
export function partialText(job: Pick<JobView, 'status'>): string {
  return `partial: the job is ${job.status}; these are the findings recorded so far`;
}

/** True when `job` has not ended, so an export of it is partial. */
export function isPartialExport(job: Pick<JobView, 'status'>): boolean {
  return !isFinalStatus(job.status);
}

/**
 * A SARIF head with the run's `automationDetails` stating the scope, and that the export is partial
 * when the job is still running, just before `"results"`.
 */
function withScope(head: string, job: JobView, scope: ScanScope | undefined): string {
  const at = /\n( *)"results": $/.exec(head);
  const partial = isPartialExport(job);
  if ((!scope && !partial) || !at) return head;
  const text = [partial ? partialText(job) : undefined, scope ? scopeText(scope) : undefined]
    .filter(Boolean)
    .join('; ');
  const details = JSON.stringify({
    id: `data-scanner/${job.job_id}`,
    description: { text },
    properties: { ...(scope ? { scope } : {}), ...(partial ? { partial: true, status: job.status } : {}) },
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
    start: () => withScope(writer.start(), job, scanScope(job)),
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
    start: () => `{"job":${JSON.stringify(job)},"partial":${isPartialExport(job)},"findings":[`,
    finding: (f) => `${findings++ === 0 ? '\n' : ',\n'}${JSON.stringify(f)}`,
    aggregate: (a) => `${aggregates++ === 0 ? `${closeFindings()}\n` : ',\n'}${JSON.stringify(a)}`,
    end: () => (aggregates === 0 ? `${closeFindings()}]}\n` : '\n]}\n'),
  };
}

/**
 * The writer of a format. CSV and SARIF are detect's documents (the same columns, rules and levels
 * as `data-scanner scan`); JSON and JSON Lines carry each finding as the API's Finding (the items of
 * `GET /results`) and each aggregate as in `GET /results/aggregates` (JSON Lines marks it
 * `"kind": "aggregate"`), JSON inside `{job, partial, findings, aggregates}`. A running job's export
 * says it is partial (`partial: true` of JSON, a first `"kind": "partial"` line of JSON Lines, a
 * first `#` line of CSV, the run's `automationDetails` of SARIF; `reportFilename` adds `-partial`).
 * A sampled or incremental job states its scope in each: the job of JSON, a `"kind": "scope"` line
 * of JSON Lines, a `#` line of CSV, the run's `automationDetails` of SARIF.
 */
export function exportWriter(format: ExportFormat, job: JobView): ExportWriter {
  const scope = scanScope(job);
  const partial = isPartialExport(job);
  const comments = [partial ? partialText(job) : undefined, scope ? scopeText(scope) : undefined]
    .filter(Boolean)
    .map((line) => `# ${line}\n`)
    .join('');
  switch (format) {
    case 'sarif':
      return sarifWriter(
        job.detectors ? catalogue.filter((d) => job.detectors?.includes(d.id)) : catalogue,
        job,
      );
    case 'csv':
      return {
        // A running job's partial state and a sampled or incremental job's scope come first, as `#` comment lines.
        start: () => `${comments}${CSV_HEADER}`,
        finding: (f) => csvRow(asReportFinding(f)),
        aggregate: (a) => csvAggregateRow(asReportAggregate(a)),
        end: () => '',
      };
    case 'json':
      return jsonWriter(job);
    case 'jsonl':
      return {
        start: () =>
          (partial ? `${JSON.stringify({ kind: 'partial', status: job.status })}\n` : '') +
          (scope ? `${JSON.stringify({ kind: 'scope', ...scope })}\n` : ''),
        finding: (f) => `${JSON.stringify(f)}\n`,
        aggregate: (a) => `${JSON.stringify({ kind: 'aggregate', ...a })}\n`,
        end: () => '',
      };
  }
}
