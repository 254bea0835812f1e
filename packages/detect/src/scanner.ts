import { Readable } from 'node:stream';
import { Allowlist } from './allowlist.ts';
import { detectors as catalogue } from './detectors/index.ts';
import { Engine, type EngineStats } from './engine/engine.ts';
import { FindingCollector } from './finding-collector.ts';
import type { RandomAccess } from './formats/random-access.ts';
import { scanStream } from './formats/scan-stream.ts';
import { counted, WalkContext } from './formats/walk-context.ts';
import { resolveLimits, ScanStop } from './limits.ts';
import type { AllowlistConfig, Detector, ObjectScanResult, ScanLimits } from './types.ts';

/** Options of a Scanner. */
export interface ScannerOptions {
  /** Key of the HMAC-SHA-256 fingerprints; keep it secret and stable to group findings over time. */
  fingerprintKey: string | Uint8Array;
  /** @default the built-in catalogue */
  detectors?: readonly Detector[];
  /** @default DEFAULT_LIMITS */
  limits?: Partial<ScanLimits>;
  /** @default nothing allowlisted */
  allowlist?: AllowlistConfig;
}

/** Metadata of an object to scan. */
export interface ObjectMeta {
  /** Object key or file name; its extension picks CSV/JSON handling and path allowlisting. */
  name: string;
  size?: number;
  /**
   * Random access to the same object's bytes (S3 `Range` requests, file offsets). Columnar
   * formats (Parquet) then read the footer and fetch only the ranges they need instead of the
   * stream; without it such a file is spooled to a temporary file first. Bytes read through it
   * count in `bytes_read`.
   */
  random?: RandomAccess;
}

/**
 * Scans objects for secrets and personal data. One Scanner compiles the catalogue once and
 * scans any number of objects, one stream at a time per call (calls may run concurrently).
 */
export class Scanner {
  readonly detectors: readonly Detector[];
  readonly limits: ScanLimits;
  private readonly engine: Engine;

  constructor(options: ScannerOptions) {
    if (options.fingerprintKey === undefined || options.fingerprintKey.length === 0) {
      throw new Error('Scanner needs a non-empty fingerprintKey');
    }
    this.limits = resolveLimits(options.limits);
    this.detectors = options.detectors ?? catalogue;
    this.engine = new Engine({
      detectors: this.detectors,
      fingerprintKey: options.fingerprintKey,
      allowlist: new Allowlist(options.allowlist),
    });
  }

  /** Work counters (characters handed to regexes, windows, prefiltered bytes) since creation or reset. */
  get stats(): Readonly<EngineStats> {
    return this.engine.stats;
  }

  resetStats(): void {
    this.engine.resetStats();
  }

  /**
   * Scans one object from a byte stream to its end. Never throws for bad content: size and
   * archive limits and faults end the object as PARTIAL or SKIPPED with a reason code; a failing
   * source is READ_ERROR. The number of findings never stops reading: credentials are all
   * listed, other matches past `aggregateThreshold` per detector and field are counted into
   * `aggregates`.
   */
  async scanObject(
    input: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Readable,
    meta: ObjectMeta,
  ): Promise<ObjectScanResult> {
    const collector = new FindingCollector(this.limits);
    const { findings, aggregates } = collector;
    let bytesRead = 0;
    if (this.engine.allowlist.allowsPath(meta.name)) {
      destroy(input);
      return {
        status: 'SKIPPED',
        reason: 'EXCLUDED',
        reason_detail: 'object path is allowlisted',
        findings,
        aggregates,
        bytes_read: 0,
        bytes_scanned: 0,
      };
    }
    const ctx = new WalkContext(this.engine, this.limits, (finding) => collector.add(finding));
    const source = counted(input, (n) => (bytesRead += n));
    const random = meta.random;
    if (random) {
      ctx.random = {
        size: random.size,
        read: async (start, end) => {
          const bytes = await random.read(start, end);
          bytesRead += bytes.length;
          return bytes;
        },
      };
    }
    const result = (status: ObjectScanResult['status'], extra: Partial<ObjectScanResult> = {}) => ({
      status,
      ...extra,
      findings,
      aggregates,
      bytes_read: bytesRead,
      bytes_scanned: ctx.bytesScanned,
    });
    try {
      const outcome = await scanStream(ctx, source, meta.name, 0, undefined);
      if (outcome === 'binary') {
        return result('SKIPPED', {
          reason: 'UNSUPPORTED_BINARY',
          reason_detail: 'no part of the content is text',
        });
      }
      if (ctx.softReason) {
        return result('PARTIAL', { reason: ctx.softReason.reason, reason_detail: ctx.softReason.detail });
      }
      return result('COMPLETE');
    } catch (err) {
      if (err instanceof ScanStop) {
        const scanned = ctx.bytesScanned > 0 || findings.length > 0;
        return result(scanned || err.partial ? 'PARTIAL' : 'SKIPPED', {
          reason: err.reason,
          reason_detail: err.message,
        });
      }
      return result(ctx.bytesScanned > 0 ? 'PARTIAL' : 'SKIPPED', {
        reason: 'READ_ERROR',
        reason_detail: 'the object could not be read to the end',
      });
    } finally {
      destroy(input);
    }
  }

  /** Scans a string as an object named `name` (plain text unless the name says CSV/JSON). */
  scanText(text: string, name = 'text.txt'): Promise<ObjectScanResult> {
    return this.scanObject(fromChunks([Buffer.from(text, 'utf8')]), { name });
  }
}

function destroy(input: unknown): void {
  if (input instanceof Readable && !input.destroyed) input.destroy();
}

/** Wraps an array of chunks as an async iterable (convenience for callers with bytes in hand). */
export function fromChunks(chunks: readonly Uint8Array[]): AsyncIterable<Uint8Array> {
  return Readable.from(chunks);
}
