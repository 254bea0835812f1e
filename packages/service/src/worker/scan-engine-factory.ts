import { pathToFileURL } from 'node:url';
import type { Config } from '../config.ts';
import type { Job } from '../ports/job-store.ts';
import type { ScanEngine } from '../ports/scan-engine.ts';

type EngineFactory = (job: Job) => ScanEngine;

/**
 * Builds the per-job engine factory: the `Scanner` of `@data-scanner/detect`, configured with
 * the job's detector selection and the fingerprint key. `DATA_SCANNER_ENGINE_MODULE` may name a
 * module exporting `createEngine(job)` instead (another engine build, or tests).
 */
export async function loadScanEngineFactory(
  config: Pick<Config, 'fingerprintKey'>,
  env: Record<string, string | undefined> = process.env,
): Promise<EngineFactory> {
  const custom = env.DATA_SCANNER_ENGINE_MODULE;
  if (custom) {
    const mod = (await import(pathToFileURL(custom).href)) as { createEngine?: EngineFactory };
    if (typeof mod.createEngine !== 'function') {
      throw new Error(`DATA_SCANNER_ENGINE_MODULE ${custom} does not export createEngine(job)`);
    }
    return mod.createEngine;
  }
  const detect = (await import('@data-scanner/detect')) as Record<string, unknown>;
  const Scanner = detect.Scanner as
    | (new (options: {
        detectors?: string[];
        fingerprintKey?: string;
      }) => ScanEngine)
    | undefined;
  if (typeof Scanner !== 'function') {
    throw new Error('@data-scanner/detect does not export a Scanner yet; the worker cannot scan');
  }
  const shared = new Scanner({ fingerprintKey: config.fingerprintKey });
  return (job) =>
    job.detectors && job.detectors.length > 0
      ? new Scanner({ detectors: job.detectors, fingerprintKey: config.fingerprintKey })
      : shared;
}
