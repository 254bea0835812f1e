export { Allowlist, AllowlistError, parseAllowlist, readAllowlistFile } from './allowlist.ts';
export {
  assertBaselineKey,
  type Baseline,
  type BaselineEntry,
  BaselineError,
  BaselineIndex,
  createBaseline,
  fingerprintKeyId,
  parseBaseline,
} from './baseline.ts';
export {
  CUSTOM_ID_PREFIX,
  CustomDetectorError,
  type CustomDetectorSpec,
  compileCustomDetector,
} from './custom/custom-detector.ts';
export { CUSTOM_VALIDATOR_NAMES } from './custom/custom-validators.ts';
export { type DetectorConfig, loadDetectorConfig, readDetectorConfigFile } from './custom/detector-config.ts';
export { detectorTable } from './detectors/detector-table.ts';
export { detectorById, detectors } from './detectors/index.ts';
export type { EngineStats } from './engine/engine.ts';
export { IGNORE_MARKER } from './engine/engine.ts';
export { aggregateField, matchCount } from './finding-collector.ts';
export { fingerprint } from './fingerprint.ts';
export type { RandomAccess } from './formats/random-access.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export { mask } from './masking.ts';
export { remediationFor } from './remediation.ts';
export {
  aggregateText,
  type BaselineSuppression,
  CSV_HEADER,
  csvAggregateRow,
  csvReport,
  csvRow,
  DOCUMENT_FIELDS,
  documentPlace,
  jsonlReport,
  jsonReport,
  REPORT_FORMATS,
  type ReportAggregate,
  type ReportFinding,
  type ReportFormat,
  type ReportObject,
  renderReport,
  reportAggregates,
  reportFindings,
  reportSummary,
  SarifWriter,
  type ScanReport,
  sarifReport,
  summaryLine,
  tableReport,
} from './reports/index.ts';
export { ripgrepPatterns } from './ripgrep-patterns.ts';
export { type ObjectMeta, Scanner, type ScannerOptions } from './scanner.ts';
export type * from './types.ts';
