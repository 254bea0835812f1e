import { pathToFileURL } from 'node:url';
import { type AllowlistConfig, type Detector, type ScanLimits, Scanner } from '@data-scanner/detect';
import { jobCatalogue } from '../engine/job-catalogue.ts';
import { ScanThreadPool } from '../engine/scan-thread-pool.ts';
import type { Job } from '../ports/job-store.ts';
import type { ScanEngine } from '../ports/scan-engine.ts';
import type { SourcesConfig } from '../sources/create-source.ts';
import { PoisonMessageError } from './messages.ts';

/** Returns the engine for one job (its detector selection). */
export type EngineFactory = (job: Job) => ScanEngine;

/** The worker's engines, how they run, and how to release what they hold. */
export interface ScanEngines {
  engineFor: EngineFactory;
  /** `threads` (and how many), `in-process`, or `module` (DATA_SCANNER_ENGINE_MODULE). */
  mode: string;
  close(): Promise<void>;
}

/** The job's detectors (see `jobCatalogue`); a job naming an unknown id or holding a bad spec is poison. */
function detectorsOf(job: Job): readonly Detector[] | undefined {
  try {
    return jobCatalogue(job.detectors, job.customDetectors);
  } catch (err) {
    throw new PoisonMessageError((err as Error).message, job.id);
  }
}

/**
 * The `Scanner` of `@data-scanner/detect` on the calling thread: one shared instance for jobs
 * using the whole catalogue, one per job that names its detectors or carries custom ones, all
 * with the same allowlist. A job naming an unknown detector is poison.
 */
export function scannerFactory(
  fingerprintKey: string,
  allowlist?: AllowlistConfig,
  limits?: Partial<ScanLimits>,
): EngineFactory {
  const shared = new Scanner({ fingerprintKey, allowlist, limits });
  return (job) => {
    const detectors = detectorsOf(job);
    if (!detectors) return shared;
    return new Scanner({ fingerprintKey, detectors, allowlist, limits });
  };
}

/**
 * The engine in `threads` worker threads (ScanThreadPool); same job rules as `scannerFactory`.
 * With `sources`, the threads read the objects themselves.
 */
export function threadPoolEngines(
  fingerprintKey: string,
  threads: number,
  allowlist?: AllowlistConfig,
  limits?: Partial<ScanLimits>,
  sources?: SourcesConfig,
): ScanEngines {
  const pool = new ScanThreadPool({
    threads,
    fingerprintKey,
    ...(allowlist ? { allowlist } : {}),
    ...(limits ? { limits } : {}),
    ...(sources ? { sources } : {}),
  });
  return {
    engineFor: (job) => {
      detectorsOf(job);
      return pool.engine(job.detectors ?? undefined, job.customDetectors ?? undefined);
    },
    mode: `threads (${threads}${sources ? ', reading their own objects' : ''})`,
    close: () => pool.close(),
  };
}

/**
 * The engines of the worker role: `threads` scan threads (0: the calling thread).
 * `engineModule` (`DATA_SCANNER_ENGINE_MODULE`) may name a module exporting
 * `createEngine(job, fingerprintKey)` instead (another engine build, fault injection in tests); such
 * a module runs on the calling thread and applies no allowlist of its own.
 */
export async function loadScanEngines(
  fingerprintKey: string,
  options: {
    threads: number;
    allowlist?: AllowlistConfig | undefined;
    limits?: Partial<ScanLimits>;
    engineModule?: string | undefined;
    /** How scan threads reach sources, so they read objects themselves. @default - the calling thread reads */
    sources?: SourcesConfig;
  },
): Promise<ScanEngines> {
  const custom = options.engineModule;
  if (!custom) {
    if (options.threads > 0)
      return threadPoolEngines(
        fingerprintKey,
        options.threads,
        options.allowlist,
        options.limits,
        options.sources,
      );
    return {
      engineFor: scannerFactory(fingerprintKey, options.allowlist, options.limits),
      mode: 'in-process',
      close: async () => {},
    };
  }
  const mod = (await import(pathToFileURL(custom).href)) as {
    createEngine?: (job: Job, fingerprintKey: string) => ScanEngine;
  };
  const create = mod.createEngine;
  if (typeof create !== 'function') {
    throw new Error(`DATA_SCANNER_ENGINE_MODULE ${custom} does not export createEngine(job, fingerprintKey)`);
  }
  return { engineFor: (job) => create(job, fingerprintKey), mode: 'module', close: async () => {} };
}
