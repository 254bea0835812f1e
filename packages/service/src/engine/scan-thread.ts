import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { type AllowlistConfig, type ObjectScanResult, type ScanLimits, Scanner } from '@data-scanner/detect';
import { jobCatalogue } from './job-catalogue.ts';
import { rangeAccess } from './port-ranges.ts';
import { receiveStream } from './port-stream.ts';

/**
 * The entry point of a scan thread (bundled as its own file, `scan-thread.js`, beside the
 * service's bundle). Each task scans one object whose bytes arrive over `port`.
 */

/** What every thread of a pool is started with. */
export interface ScanThreadData {
  fingerprintKey: string;
  allowlist?: AllowlistConfig;
  limits?: Partial<ScanLimits>;
}

/** One object to scan. */
export interface ScanTask {
  port: MessagePort;
  name: string;
  size: number;
  /** Detector ids of the job; undefined for the whole catalogue. */
  detectors?: string[];
  /** Specs of the job's custom detectors, compiled here; undefined for none. */
  custom?: unknown[];
  /** Where to ask for byte ranges of the object, when its source serves them (`serveRanges`). */
  ranges?: MessagePort;
}

const data = workerData as ScanThreadData;
const scanners = new Map<string, Scanner>();
const MAX_SCANNERS = 16;

function scannerFor(detectors: string[] | undefined, custom: unknown[] | undefined): Scanner {
  const key = `${detectors ? [...detectors].sort().join(',') : ''}\n${custom ? JSON.stringify(custom) : ''}`;
  let scanner = scanners.get(key);
  if (!scanner) {
    if (scanners.size >= MAX_SCANNERS) scanners.delete(scanners.keys().next().value as string);
    const catalogue = jobCatalogue(detectors, custom);
    scanner = new Scanner({
      fingerprintKey: data.fingerprintKey,
      ...(data.allowlist ? { allowlist: data.allowlist } : {}),
      ...(data.limits ? { limits: data.limits } : {}),
      ...(catalogue ? { detectors: catalogue } : {}),
    });
    scanners.set(key, scanner);
  }
  return scanner;
}

/** Scans one object in this thread; the result is the engine's, whole. */
export default async function scanInThread(task: ScanTask): Promise<ObjectScanResult> {
  const ranges = task.ranges;
  try {
    return await scannerFor(task.detectors, task.custom).scanObject(receiveStream(task.port), {
      name: task.name,
      size: task.size,
      ...(ranges ? { random: rangeAccess(ranges, task.size) } : {}),
    });
  } finally {
    ranges?.close();
  }
}
