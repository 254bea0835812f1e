export { Allowlist, AllowlistError, parseAllowlist, readAllowlistFile } from './allowlist.ts';
export { detectorById, detectors } from './detectors/index.ts';
export type { EngineStats } from './engine/engine.ts';
export { IGNORE_MARKER } from './engine/engine.ts';
export { fingerprint } from './fingerprint.ts';
export type { RandomAccess } from './formats/random-access.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export { mask } from './masking.ts';
export {
  CSV_HEADER,
  csvReport,
  csvRow,
  jsonlReport,
  jsonReport,
  REPORT_FORMATS,
  type ReportFinding,
  type ReportFormat,
  type ReportObject,
  renderReport,
  reportFindings,
  reportSummary,
  SarifWriter,
  type ScanReport,
  sarifReport,
  tableReport,
} from './reports/index.ts';
export { ripgrepPatterns } from './ripgrep-patterns.ts';
export { type ObjectMeta, Scanner, type ScannerOptions } from './scanner.ts';
export type * from './types.ts';
