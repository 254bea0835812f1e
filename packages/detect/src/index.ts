export { Allowlist } from './allowlist.ts';
export { detectorById, detectors } from './detectors/index.ts';
export type { EngineStats } from './engine/engine.ts';
export { IGNORE_MARKER } from './engine/engine.ts';
export { fingerprint } from './fingerprint.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export { mask } from './masking.ts';
export { type ObjectMeta, Scanner, type ScannerOptions } from './scanner.ts';
export type * from './types.ts';
