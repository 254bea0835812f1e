import type { Detector, Finding, ObjectScanResult } from '../types.ts';

/** One scanned object in a report. */
export interface ReportObject {
  /** Object key or path relative to the scanned source. */
  key: string;
  bucket?: string;
  result: ObjectScanResult;
}

/** Everything a report renders: the source, each object's outcome, and the catalogue used. */
export interface ScanReport {
  /** The scanned source (`s3://bucket/prefix`, a folder or a file). */
  source: string;
  objects: readonly ReportObject[];
  detectors: readonly Detector[];
}

/** A finding with the object it belongs to. */
export interface ReportFinding extends Finding {
  object: { key: string; bucket?: string };
}

/** Every finding of the report, each carrying its object. */
export function reportFindings(report: ScanReport): ReportFinding[] {
  return report.objects.flatMap((o) =>
    o.result.findings.map((f) => ({
      object: o.bucket === undefined ? { key: o.key } : { bucket: o.bucket, key: o.key },
      ...f,
    })),
  );
}

/** Counts for a summary line. */
export function reportSummary(report: ScanReport) {
  const byStatus = { COMPLETE: 0, PARTIAL: 0, SKIPPED: 0, FAILED: 0 };
  let findings = 0;
  let bytes = 0;
  for (const o of report.objects) {
    byStatus[o.result.status]++;
    findings += o.result.findings.length;
    bytes += o.result.bytes_read;
  }
  return { objects: report.objects.length, findings, bytes_read: bytes, ...byStatus };
}
