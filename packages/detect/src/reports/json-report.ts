import { reportSummary, type ScanReport } from './report.ts';

/** The whole report as one JSON document: summary, limits, objects (status, reason), findings and aggregates. */
export function jsonReport(report: ScanReport): string {
  return `${JSON.stringify(
    {
      source: report.source,
      summary: reportSummary(report),
      ...(report.limits
        ? {
            limits: {
              aggregate_threshold: report.limits.aggregateThreshold,
              aggregate_samples: report.limits.aggregateSamples,
            },
          }
        : {}),
      ...(report.baseline ? { baseline: report.baseline } : {}),
      objects: report.objects.map((o) => ({
        object: o.bucket === undefined ? { key: o.key } : { bucket: o.bucket, key: o.key },
        status: o.result.status,
        ...(o.result.reason ? { reason: o.result.reason, reason_detail: o.result.reason_detail } : {}),
        bytes_read: o.result.bytes_read,
        bytes_scanned: o.result.bytes_scanned,
        findings: o.result.findings,
        aggregates: o.result.aggregates ?? [],
      })),
    },
    null,
    2,
  )}\n`;
}
