import type { Engine } from '../engine/engine.ts';
import type { FindingSink } from '../engine/text-scanner.ts';
import { RATIO_GRACE_BYTES, ScanStop } from '../limits.ts';
import type { ReasonCode, ScanLimits } from '../types.ts';
import { HeldBytes } from './held-bytes.ts';
import type { RandomAccess } from './random-access.ts';

/** State shared by every layer of one object's scan. */
export class WalkContext {
  decompressedBytes = 0;
  members = 0;
  bytesScanned = 0;
  /** A non-fatal problem (a skipped member) that makes the object PARTIAL. */
  softReason: { reason: ReasonCode; detail: string } | undefined;
  /** Random access to the top-level object, when its source serves byte ranges. */
  random: RandomAccess | undefined;
  /** Bytes of content the readers hold in memory at once, against the per-object bound. */
  readonly held = new HeldBytes();

  constructor(
    readonly engine: Engine,
    readonly limits: ScanLimits,
    readonly sink: FindingSink,
  ) {}

  /** Records a skipped part; the object ends PARTIAL with the first such reason. */
  soft(reason: ReasonCode, detail: string): void {
    this.softReason ??= { reason, detail };
  }

  /** Counts an archive member, stopping at the member cap. */
  countMember(): void {
    this.members++;
    if (this.members > this.limits.maxArchiveMembers) {
      throw new ScanStop(
        'ARCHIVE_MEMBER_LIMIT',
        `more than ${this.limits.maxArchiveMembers} archive members`,
      );
    }
  }

  /** Checks the nesting depth a new layer would reach. */
  enter(depth: number): void {
    if (depth > this.limits.maxArchiveDepth) {
      throw new ScanStop('ARCHIVE_TOO_DEEP', `archives nested deeper than ${this.limits.maxArchiveDepth}`);
    }
  }

  /**
   * Passes a decompressor's output through, counting it against the per-object cap and the
   * layer's compression ratio (`compressedIn` reports the bytes the layer has consumed).
   */
  async *decompressed(
    source: AsyncIterable<Uint8Array>,
    compressedIn: () => number,
  ): AsyncIterable<Uint8Array> {
    let out = 0;
    for await (const chunk of source) {
      out += chunk.length;
      this.decompressedBytes += chunk.length;
      if (this.decompressedBytes > this.limits.maxDecompressedBytes) {
        throw new ScanStop(
          'DECOMPRESSED_SIZE_EXCEEDED',
          `more than ${this.limits.maxDecompressedBytes} decompressed bytes`,
        );
      }
      if (out > RATIO_GRACE_BYTES && out / Math.max(1, compressedIn()) > this.limits.maxCompressionRatio) {
        throw new ScanStop(
          'COMPRESSION_RATIO_EXCEEDED',
          `compression ratio above ${this.limits.maxCompressionRatio}:1`,
        );
      }
      yield chunk;
    }
  }
}

/** Counts the bytes an iterable yields. */
export function counted(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onBytes: (n: number) => void,
): AsyncIterable<Uint8Array> {
  return (async function* () {
    for await (const chunk of source) {
      onBytes(chunk.length);
      yield chunk;
    }
  })();
}
