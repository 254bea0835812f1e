import { createHash } from 'node:crypto';
import type { AllowlistConfig, Detector, ScanLimits } from '@data-scanner/detect';

/**
 * Version of the reading and matching the worker applies beyond the detectors themselves
 * (format readers, the engine's rules). Bump it when a change would find something new in an
 * unchanged object: every incremental scan then reads every object again once.
 */
export const ENGINE_VERSION = 'detect-0.1.0/1';

/** What a scan applied to an object: compared to skip an unchanged object in an incremental scan. */
export interface ScanCoverage {
  /** ENGINE_VERSION plus a hash of the worker's allowlist and limits. */
  engine: string;
  /** Detector id → hash of its definition (pattern, keywords, validator source, context rules). */
  detectors: Record<string, string>;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
    if (typeof v === 'function') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

const cache = new WeakMap<Detector, string>();

/** Hash of one detector's definition: any change to what it matches or reports changes it. */
export function detectorHash(detector: Detector): string {
  let hash = cache.get(detector);
  if (hash === undefined) {
    hash = sha256(stableJson(detector));
    cache.set(detector, hash);
  }
  return hash;
}

/** The engine identity of a worker: ENGINE_VERSION and the settings that change what it reports. */
export function engineIdentity(
  settings: { allowlist?: AllowlistConfig | undefined; limits?: Partial<ScanLimits> | undefined } = {},
  version: string = ENGINE_VERSION,
): string {
  return `${version}+${sha256(stableJson({ allowlist: settings.allowlist ?? null, limits: settings.limits ?? null })).slice(0, 12)}`;
}

/** The coverage of a scan running `detectors` on `engine`. */
export function scanCoverage(detectors: readonly Detector[], engine: string): ScanCoverage {
  return { engine, detectors: Object.fromEntries(detectors.map((d) => [d.id, detectorHash(d)])) };
}

/** Content hash of a coverage: jobs scanning with the same engine and detectors share it. */
export function coverageId(coverage: ScanCoverage): string {
  return sha256(stableJson(coverage));
}
