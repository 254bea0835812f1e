import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import {
  type AllowlistConfig,
  DEFAULT_LIMITS,
  type ObjectScanResult,
  type RandomAccess,
  type ScanLimits,
} from '@data-scanner/detect';
import { Piscina } from 'piscina';
import type { ScanEngine, SourceScan, SourceScanRequest } from '../ports/scan-engine.ts';
import type { SourcesConfig } from '../sources/create-source.ts';
import { serveRanges } from './port-ranges.ts';
import { sendStream } from './port-stream.ts';
import type { ScanTask, ScanThreadData, SourceScanTask } from './scan-thread.ts';

/** Options of a ScanThreadPool. */
export interface ScanThreadPoolOptions {
  /** Threads (at least 1); each scans up to two objects at once. */
  threads: number;
  fingerprintKey: string;
  /** @default nothing allowlisted */
  allowlist?: AllowlistConfig;
  /** @default the engine's DEFAULT_LIMITS */
  limits?: Partial<ScanLimits>;
  /**
   * Nice increment of the scan threads (Linux): above 0 the API and queue loops win a busy core,
   * but on a machine shared with other processes the threads also lose to those. @default 5
   */
  niceIncrement?: number;
  /**
   * How the threads reach sources (local roots, S3 endpoint): with it, the engine's
   * `scanFromSource` has a thread open, read and scan an object itself, so the calling thread
   * neither reads nor copies bytes. @default - none: objects are read on the calling thread
   */
  sources?: SourcesConfig;
}

/**
 * The file a scan thread runs: `scan-thread.ts` through tsx when the service runs from its
 * sources, else the bundled `scan-thread.mjs` beside this module's bundle.
 */
export function scanThreadEntry(): string {
  const self = import.meta.url;
  return fileURLToPath(new URL(self.endsWith('.ts') ? './scan-thread-tsx.mjs' : './scan-thread.mjs', self));
}

/** `config` as a scan thread can receive it: plain data, no client or credential provider function. */
function threadSources(config: SourcesConfig): SourcesConfig {
  const s3 = config.s3;
  if (s3?.client || typeof s3?.credentials === 'function') {
    throw new Error('scan threads open their own S3 clients: give them a region and endpoint, not a client');
  }
  return { roots: [...config.roots], ...(s3 ? { s3: { ...s3 } } : {}) };
}

/**
 * Runs the detection engine in worker threads (piscina). With `sources`, a thread opens, reads
 * (file or S3 stream), decompresses and scans an object it is given by reference, and returns the
 * result. A stream handed to `scanObject` is read on the calling thread and sent to a scan thread
 * over a MessagePort, a few chunks ahead of the scanner (credit-based); memory stays bounded
 * either way.
 */
export class ScanThreadPool {
  private readonly pool: Piscina<ScanTask | SourceScanTask, ObjectScanResult | SourceScan>;
  private readonly readsSources: boolean;
  /** The threshold the threads aggregate at, recorded on each job. */
  private readonly aggregateThreshold: number;

  constructor(options: ScanThreadPoolOptions) {
    if (!Number.isInteger(options.threads) || options.threads < 1) {
      throw new Error(`a scan thread pool needs at least 1 thread, got ${options.threads}`);
    }
    this.aggregateThreshold = options.limits?.aggregateThreshold ?? DEFAULT_LIMITS.aggregateThreshold;
    this.readsSources = options.sources !== undefined;
    this.pool = new Piscina<ScanTask | SourceScanTask, ObjectScanResult | SourceScan>({
      filename: scanThreadEntry(),
      minThreads: options.threads,
      maxThreads: options.threads,
      concurrentTasksPerWorker: 2,
      // Below the main thread's priority (Linux), so the API and the queue loops win a busy core.
      niceIncrement: options.niceIncrement ?? 5,
      workerData: {
        fingerprintKey: options.fingerprintKey,
        ...(options.allowlist ? { allowlist: options.allowlist } : {}),
        ...(options.limits ? { limits: options.limits } : {}),
        ...(options.sources ? { sources: threadSources(options.sources) } : {}),
      } satisfies ScanThreadData,
    });
  }

  /** Threads in the pool. */
  get threads(): number {
    return this.pool.options.maxThreads;
  }

  /** The engine for a job: its detector ids (or the whole catalogue) and its custom detector specs. */
  engine(detectors?: readonly string[], custom?: readonly unknown[]): ScanEngine {
    const selection = {
      ...(detectors && detectors.length > 0 ? { detectors: [...detectors] } : {}),
      ...(custom && custom.length > 0 ? { custom: [...custom] } : {}),
    };
    return {
      limits: { aggregateThreshold: this.aggregateThreshold },
      scanObject: (stream, object) => this.scan(stream, object, detectors, custom),
      ...(this.readsSources
        ? {
            scanFromSource: (request: SourceScanRequest) =>
              this.pool.run({ ...request, ...selection } satisfies SourceScanTask, {
                name: 'scanSourceInThread',
              }) as Promise<SourceScan>,
          }
        : {}),
    };
  }

  private async scan(
    stream: Readable | AsyncIterable<Uint8Array>,
    object: { name: string; size: number; random?: RandomAccess },
    detectors: readonly string[] | undefined,
    custom: readonly unknown[] | undefined,
  ): Promise<ObjectScanResult> {
    const { port1, port2 } = new MessageChannel();
    const done = new AbortController();
    void sendStream(stream, port1, done.signal);
    const task: ScanTask = { port: port2, name: object.name, size: object.size };
    if (detectors && detectors.length > 0) task.detectors = [...detectors];
    if (custom && custom.length > 0) task.custom = [...custom];
    const transferList = [port2];
    // Ranges are read here, on the thread that owns the source, and sent to the scan thread.
    const ranges = object.random ? new MessageChannel() : undefined;
    if (ranges && object.random) {
      serveRanges(object.random, ranges.port1, done.signal);
      task.ranges = ranges.port2;
      transferList.push(ranges.port2);
    }
    try {
      return (await this.pool.run(task, { transferList })) as ObjectScanResult;
    } finally {
      done.abort();
      port1.close();
      ranges?.port1.close();
    }
  }

  /** Ends every thread (tasks in flight are rejected). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
