import type { Detector, Finding, FindingAggregate, ObjectScanResult, ScanLimits } from '../types.ts';

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
  /** The limits the scan ran with, shown in every format so a reader sees the folding rule. */
  limits?: Pick<ScanLimits, 'aggregateThreshold' | 'aggregateSamples'>;
  /** Set when a baseline was applied: its file and how many findings it suppressed (not listed). */
  baseline?: BaselineSuppression;
}

/** What a baseline took out of a report: every format states the count, so nothing is lost silently. */
export interface BaselineSuppression {
  /** The baseline file, as given. */
  file: string;
  /** Findings left out because their detector and fingerprint are in the baseline. */
  suppressed: number;
}

/** A finding with the object it belongs to. */
export interface ReportFinding extends Finding {
  object: { key: string; bucket?: string };
}

/** An aggregate with the object it belongs to. */
export interface ReportAggregate extends FindingAggregate {
  object: { key: string; bucket?: string };
}

/** Every aggregate of the report, each carrying its object. */
export function reportAggregates(report: ScanReport): ReportAggregate[] {
  return report.objects.flatMap((o) =>
    (o.result.aggregates ?? []).map((a) => ({
      object: o.bucket === undefined ? { key: o.key } : { bucket: o.bucket, key: o.key },
      ...a,
    })),
  );
}

/** One sentence on what an aggregate holds, for human-readable formats. */
export function aggregateText(a: FindingAggregate): string {
  const where = a.field === undefined ? 'the object' : `field ${a.field}`;
  return `${a.count} more ${a.detector} match(es) in ${where}, counted together past the first ${a.threshold}`;
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
  let aggregated = 0;
  let aggregates = 0;
  let bytes = 0;
  for (const o of report.objects) {
    byStatus[o.result.status]++;
    findings += o.result.findings.length;
    for (const a of o.result.aggregates ?? []) {
      aggregated += a.count;
      aggregates++;
    }
    bytes += o.result.bytes_read;
  }
  return {
    objects: report.objects.length,
    /** Individual findings listed. */
    findings,
    /** Every match: listed findings plus those counted in aggregates. */
    matches: findings + aggregated,
    /** Matches counted in aggregates rather than listed. */
    aggregated,
    aggregates,
    ...(report.limits ? { aggregate_threshold: report.limits.aggregateThreshold } : {}),
    bytes_read: bytes,
    ...byStatus,
    ...(report.baseline ? { suppressed_by_baseline: report.baseline.suppressed } : {}),
  };
}
