import { pathToFileURL } from 'node:url';
import {
  type AllowlistConfig,
  type Detector,
  detectorById,
  type ScanLimits,
  Scanner,
} from '@data-scanner/detect';
import type { Job } from '../ports/job-store.ts';
import type { ScanEngine } from '../ports/scan-engine.ts';
import { PoisonMessageError } from './messages.ts';

/** Returns the engine for one job (its detector selection). */
export type EngineFactory = (job: Job) => ScanEngine;

/**
 * The `Scanner` of `@data-scanner/detect`: one shared instance for jobs using the whole
 * catalogue, one per job that names its detectors, all with the same allowlist. A job naming an
 * unknown detector is poison.
 */
export function scannerFactory(
  fingerprintKey: string,
  allowlist?: AllowlistConfig,
  limits?: Partial<ScanLimits>,
): EngineFactory {
  const shared = new Scanner({ fingerprintKey, allowlist, limits });
  return (job) => {
    if (!job.detectors || job.detectors.length === 0) return shared;
    const unknown = job.detectors.filter((id) => !detectorById(id));
    if (unknown.length > 0) throw new PoisonMessageError(`unknown detectors: ${unknown.join(', ')}`, job.id);
    return new Scanner({
      fingerprintKey,
      detectors: job.detectors.map((id) => detectorById(id) as Detector),
      allowlist,
      limits,
    });
  };
}

/**
 * The engine factory for the worker role. `DATA_SCANNER_ENGINE_MODULE` may name a module
 * exporting `createEngine(job, fingerprintKey)` instead (another engine build, fault injection in
 * tests); such a module applies no allowlist of its own.
 */
export async function loadScanEngineFactory(
  fingerprintKey: string,
  env: Record<string, string | undefined> = process.env,
  allowlist?: AllowlistConfig,
  limits?: Partial<ScanLimits>,
): Promise<EngineFactory> {
  const custom = env.DATA_SCANNER_ENGINE_MODULE;
  if (!custom) return scannerFactory(fingerprintKey, allowlist, limits);
  const mod = (await import(pathToFileURL(custom).href)) as {
    createEngine?: (job: Job, fingerprintKey: string) => ScanEngine;
  };
  const create = mod.createEngine;
  if (typeof create !== 'function') {
    throw new Error(`DATA_SCANNER_ENGINE_MODULE ${custom} does not export createEngine(job, fingerprintKey)`);
  }
  return (job) => create(job, fingerprintKey);
}
