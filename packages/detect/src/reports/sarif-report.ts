import type { Detector, Location, Severity } from '../types.ts';
import { DOCUMENT_FIELDS, documentPlace } from './place.ts';
import {
  aggregateText,
  type BaselineSuppression,
  type ReportAggregate,
  type ReportFinding,
  reportAggregates,
  reportFindings,
  type ScanReport,
} from './report.ts';

/** The SARIF 2.1.0 schema this report follows. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function level(severity: Severity): 'error' | 'warning' | 'note' {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

function artifactUri(key: string, bucket: string | undefined): string {
  const path = key.split('/').map(encodeURIComponent).join('/');
  return bucket === undefined ? path : `s3://${encodeURIComponent(bucket)}/${path}`;
}

function physicalLocation(object: ReportFinding['object'], location: Location) {
  return {
    physicalLocation: {
      artifactLocation: {
        uri: artifactUri(
          location.archive_path ? `${object.key}!${location.archive_path}` : object.key,
          object.bucket,
        ),
      },
      region: {
        startLine: location.line,
        startColumn: location.column,
        byteOffset: location.byte_start,
        byteLength: Math.max(0, location.byte_end - location.byte_start),
      },
    },
  };
}

/** An aggregate as one result: located at its samples, with its exact count in the properties. */
function sarifAggregate(a: ReportAggregate, ruleIndex: ReadonlyMap<string, number>) {
  const index = ruleIndex.get(a.detector);
  return {
    ruleId: a.detector,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: level(a.severity),
    message: { text: aggregateText(a) },
    locations: a.samples.map((l) => physicalLocation(a.object, l)),
    properties: {
      aggregate: true,
      count: a.count,
      threshold: a.threshold,
      category: a.category,
      severity: a.severity,
      ...(a.field === undefined ? {} : { field: a.field }),
    },
  };
}

function sarifResult(f: ReportFinding, ruleIndex: ReadonlyMap<string, number>) {
  const index = ruleIndex.get(f.detector);
  const place = documentPlace(f.location);
  const documentFields = Object.fromEntries(
    DOCUMENT_FIELDS.filter((k) => f.location[k] !== undefined).map((k) => [k, f.location[k]]),
  );
  return {
    ruleId: f.detector,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: level(f.severity),
    message: { text: `${f.detector} found: ${f.redacted}` },
    locations: [
      {
        ...physicalLocation(f.object, f.location),
        ...(place ? { logicalLocations: [{ fullyQualifiedName: place, kind: 'element' }] } : {}),
      },
    ],
    partialFingerprints: { 'dataScannerValue/v1': f.fingerprint },
    properties: {
      category: f.category,
      severity: f.severity,
      confidence: f.confidence,
      redacted: f.redacted,
      ...(f.location.json_path ? { json_path: f.location.json_path } : {}),
      ...(f.location.column_name ? { column_name: f.location.column_name } : {}),
      ...(f.location.row !== undefined ? { row: f.location.row } : {}),
      ...(f.location.record_index !== undefined ? { record_index: f.location.record_index } : {}),
      ...documentFields,
    },
  };
}

/** Stands in for the results array while the rest of the log is rendered once. */
const RESULTS_PLACEHOLDER = '@@sarif-results@@';
const RESULTS_MARK = JSON.stringify(RESULTS_PLACEHOLDER);

/**
 * Writes a SARIF 2.1.0 log piece by piece, for result sets too large to hold: `start()` once,
 * `result(f)` per finding, `end()` once. Concatenated, the pieces are exactly `sarifReport`'s text:
 * one run, a rule per detector of the catalogue, a result per finding with a physical location
 * (artifact, line, column, byte range) and the fingerprint as a partial fingerprint; `aggregate(a)`
 * per aggregate, a result with `properties.aggregate`, its exact `count` and its sample locations.
 * Messages carry only the masked preview. With `aggregateThreshold`, the run's properties state it;
 * with `baseline`, they state its file and how many findings it suppressed.
 */
export class SarifWriter {
  private readonly ruleIndex: ReadonlyMap<string, number>;
  private readonly head: string;
  private readonly tail: string;
  /** Indentation of the members of `runs[0].results`. */
  private readonly indent: string;
  private results = 0;

  constructor(
    detectors: readonly Detector[],
    version = '0.1.0',
    aggregateThreshold?: number,
    baseline?: BaselineSuppression,
  ) {
    this.ruleIndex = new Map(detectors.map((d, i) => [d.id, i]));
    const log = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'data-scanner',
              version,
              informationUri: 'https://github.com/data-scanner/data-scanner',
              rules: detectors.map((d) => ({
                id: d.id,
                name: d.name.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) =>
                  c ? c.toUpperCase() : '',
                ),
                shortDescription: { text: d.name },
                fullDescription: { text: d.description ?? d.name },
                defaultConfiguration: { level: level(d.severity) },
                properties: { category: d.category, severity: d.severity, tags: [d.category] },
              })),
            },
          },
          ...(aggregateThreshold === undefined && baseline === undefined
            ? {}
            : {
                properties: {
                  ...(aggregateThreshold === undefined ? {} : { aggregateThreshold }),
                  ...(baseline === undefined
                    ? {}
                    : { baseline: { file: baseline.file, suppressed: baseline.suppressed } }),
                },
              }),
          results: RESULTS_PLACEHOLDER,
        },
      ],
    };
    const text = JSON.stringify(log, null, 2);
    const at = text.indexOf(RESULTS_MARK);
    this.head = text.slice(0, at);
    this.tail = `${text.slice(at + RESULTS_MARK.length)}\n`;
    const keyIndent = /\n( *)"results": $/.exec(this.head)?.[1] ?? '';
    this.indent = `${keyIndent}  `;
  }

  /** Everything before the first result. */
  start(): string {
    return this.head;
  }

  /** One result, with the separator it needs. */
  result(f: ReportFinding): string {
    return this.piece(sarifResult(f, this.ruleIndex));
  }

  /** One aggregate's result, with the separator it needs. */
  aggregate(a: ReportAggregate): string {
    return this.piece(sarifAggregate(a, this.ruleIndex));
  }

  private piece(result: object): string {
    const body = JSON.stringify(result, null, 2).replaceAll('\n', `\n${this.indent}`);
    return `${this.results++ === 0 ? '[\n' : ',\n'}${this.indent}${body}`;
  }

  /** Closes the results and the log. */
  end(): string {
    const close = this.results === 0 ? '[]' : `\n${this.indent.slice(2)}]`;
    return close + this.tail;
  }
}

/** A SARIF 2.1.0 log of the whole report (see `SarifWriter`). */
export function sarifReport(report: ScanReport, version = '0.1.0'): string {
  const writer = new SarifWriter(
    report.detectors,
    version,
    report.limits?.aggregateThreshold,
    report.baseline,
  );
  return (
    writer.start() +
    reportFindings(report)
      .map((f) => writer.result(f))
      .join('') +
    reportAggregates(report)
      .map((a) => writer.aggregate(a))
      .join('') +
    writer.end()
  );
}
