import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { type AllowlistConfig, type ObjectScanResult, type ScanLimits, Scanner } from '@data-scanner/detect';
import type { ObjectSource } from '../ports/object-source.ts';
import type { SourceScan, SourceScanRequest } from '../ports/scan-engine.ts';
import { createSource, type SourcesConfig } from '../sources/create-source.ts';
import { SourceError } from '../sources/source-error.ts';
import { jobCatalogue } from './job-catalogue.ts';
import { rangeAccess } from './port-ranges.ts';
import { receiveStream } from './port-stream.ts';
import { scanFromSource } from './scan-from-source.ts';

/**
 * The entry point of a scan thread (bundled as its own file, `scan-thread.js`, beside the
 * service's bundle). A task scans one object whose bytes arrive over a port (`scanInThread`), or
 * one the thread opens and reads itself from its source (`scanSourceInThread`).
 */

/** What every thread of a pool is started with. */
export interface ScanThreadData {
  fingerprintKey: string;
  allowlist?: AllowlistConfig;
  limits?: Partial<ScanLimits>;
  /** How the thread reaches sources, for tasks naming an object by reference. @default - none: such tasks fail */
  sources?: SourcesConfig;
}

/** The detectors a task scans with. */
interface TaskDetectors {
  /** Detector ids of the job; undefined for the whole catalogue. */
  detectors?: string[];
  /** Specs of the job's custom detectors, compiled here; undefined for none. */
  custom?: unknown[];
}

/** One object the thread reads from its source and scans. */
export interface SourceScanTask extends SourceScanRequest, TaskDetectors {}

/** One object to scan, its bytes sent over `port`. */
export interface ScanTask extends TaskDetectors {
  port: MessagePort;
  name: string;
  size: number;
  /** Where to ask for byte ranges of the object, when its source serves them (`serveRanges`). */
  ranges?: MessagePort;
}

const data = workerData as ScanThreadData;
const scanners = new Map<string, Scanner>();
const MAX_SCANNERS = 16;
const sources = new Map<string, Promise<ObjectSource>>();
const MAX_SOURCES = 16;

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

/** The thread's own source for `uri` (a job's source is opened once per thread, not per object). */
function sourceFor(uri: string): Promise<ObjectSource> {
  let source = sources.get(uri);
  if (!source) {
    const config = data.sources;
    if (!config) throw new Error('this scan thread pool was started without sources');
    if (sources.size >= MAX_SOURCES) sources.delete(sources.keys().next().value as string);
    source = createSource(uri, config);
    // A source that failed to open is opened again by the next task.
    source.catch(() => sources.delete(uri));
    sources.set(uri, source);
  }
  return source;
}

/** Opens, reads and scans one object in this thread (see `scanFromSource`). */
export async function scanSourceInThread(task: SourceScanTask): Promise<SourceScan> {
  const scanner = scannerFor(task.detectors, task.custom);
  let source: ObjectSource;
  try {
    source = await sourceFor(task.source);
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    return { kind: 'unopened', code: err.code, message: err.message, retryable: err.retryable };
  }
  return scanFromSource(scanner, source, {
    object: task.object,
    ...(task.maxBytes === undefined ? {} : { maxBytes: task.maxBytes }),
  });
}
