import type { Severity } from '../types.ts';
import { reportFindings, type ScanReport } from './report.ts';

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

/**
 * A SARIF 2.1.0 log: one run, a rule per detector of the catalogue, a result per finding with a
 * physical location (artifact, line, column, byte range) and the fingerprint as a partial
 * fingerprint. Messages carry only the masked preview.
 */
export function sarifReport(report: ScanReport, version = '0.1.0'): string {
  const ruleIndex = new Map(report.detectors.map((d, i) => [d.id, i]));
  const results = reportFindings(report).map((f) => {
    const region: Record<string, number> = {
      startLine: f.location.line,
      startColumn: f.location.column,
      byteOffset: f.location.byte_start,
      byteLength: Math.max(0, f.location.byte_end - f.location.byte_start),
    };
    const index = ruleIndex.get(f.detector);
    return {
      ruleId: f.detector,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: level(f.severity),
      message: { text: `${f.detector} found: ${f.redacted}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: {
              uri: artifactUri(
                f.location.archive_path ? `${f.object.key}!${f.location.archive_path}` : f.object.key,
                f.object.bucket,
              ),
            },
            region,
          },
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
      },
    };
  });
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
            rules: report.detectors.map((d) => ({
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
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
