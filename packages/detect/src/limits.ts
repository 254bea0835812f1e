import type { ReasonCode, ScanLimits } from './types.ts';

/** The default limits per object. */
export const DEFAULT_LIMITS: Readonly<ScanLimits> = Object.freeze({
  maxArchiveDepth: 5,
  maxDecompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxArchiveMembers: 10_000,
  aggregateThreshold: 100,
  aggregateSamples: 10,
});

/** Decompressed bytes a layer may produce before its ratio is checked. */
export const RATIO_GRACE_BYTES = 16 * 1024 * 1024;

/** Thrown inside a scan when a limit or a fault ends the object early. */
export class ScanStop extends Error {
  readonly reason: ReasonCode;
  /**
   * True when the stop itself means the object was read in part (a limit hit mid-walk). False
   * for faults: the object is then PARTIAL only if some content was scanned before, else SKIPPED.
   */
  readonly partial: boolean;

  constructor(reason: ReasonCode, detail: string, partial = true) {
    super(detail);
    this.name = 'ScanStop';
    this.reason = reason;
    this.partial = partial;
  }
}

/** Merges user limits over the defaults, refusing values that are not positive numbers. */
export function resolveLimits(limits: Partial<ScanLimits> = {}): ScanLimits {
  const resolved = { ...DEFAULT_LIMITS, ...limits };
  const bad = Object.entries(resolved).filter(([, v]) => typeof v !== 'number' || !(v > 0));
  if (bad.length > 0) {
    throw new Error(`scan limits must be positive numbers: ${bad.map(([k]) => k).join(', ')}`);
  }
  return resolved;
}
