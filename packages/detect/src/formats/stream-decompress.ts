/// <reference path="./untyped-modules.d.ts" />
import { ReadableStream } from 'node:stream/web';
import { Decompress as ZstdDecompress } from 'fzstd';
import * as xzModule from 'xz-decompress';
import { ScanStop } from '../limits.ts';
import type { ScanMember } from './gzip-reader.ts';
import { counted, type WalkContext } from './walk-context.ts';

// The package is CommonJS whose exports sit on its default export when imported as ESM.
const { XzReadableStream } = ((xzModule as unknown as { default?: typeof xzModule }).default ??
  xzModule) as typeof xzModule;

/** Compressed stream formats besides gzip, each read by a pure-JavaScript (or WebAssembly) decoder. */
export type StreamCodec = 'bzip2' | 'xz' | 'zstd';

/** Input slice handed to the zstd decoder at once: an RLE block turns a few bytes into 128 KiB. */
const ZSTD_PUSH_BYTES = 256;

const SUFFIXES: Record<StreamCodec, [RegExp, string][]> = {
  bzip2: [
    [/\.(?:tbz2?|tb2)$/i, '.tar'],
    [/\.bz2?$/i, ''],
  ],
  xz: [
    [/\.txz$/i, '.tar'],
    [/\.xz$/i, ''],
  ],
  zstd: [
    [/\.tzst$/i, '.tar'],
    [/\.zstd?$/i, ''],
  ],
};

/** The name of a compressed stream's content: `x.log.zst` → `x.log`, `x.tbz2` → `x.tar`. */
export function decompressedName(codec: StreamCodec, name: string): string {
  for (const [suffix, replacement] of SUFFIXES[codec]) {
    if (suffix.test(name)) return name.replace(suffix, replacement);
  }
  return name;
}

async function* zstd(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let out: Uint8Array[] = [];
  const decoder = new ZstdDecompress((data) => {
    if (data.length > 0) out.push(data);
  });
  for await (const chunk of source) {
    for (let off = 0; off < chunk.length; off += ZSTD_PUSH_BYTES) {
      decoder.push(chunk.subarray(off, off + ZSTD_PUSH_BYTES));
      if (out.length > 0) {
        const ready = out;
        out = [];
        yield* ready;
      }
    }
  }
  decoder.push(new Uint8Array(0), true);
  yield* out;
}

const BZIP2_PAGE = 64 * 1024;

/** Input a bzip2 block may need beyond the read position (a block is decoded from memory). */
const bzip2Lookahead = (blockSize: number) => 25_000 + 100_000 * (blockSize || 9);

/**
 * Decodes bzip2 one block at a time with unbzip2-stream's block decoder, yielding each block's
 * output before the next is decoded. (Its stream wrapper kept a block's output as an array of
 * numbers and decoded every block left at the end in one go: a 184-byte file of 128 MiB of
 * zeros took 2.7 GB.) A block's output is at most 45 MiB (900 kB before its run-length step),
 * usually its 900 kB.
 */
async function* bzip2(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const { default: bz2 } = (await import('unbzip2-stream/lib/bzip2.js')) as { default: Bzip2Decoder };
  const { default: bitIterator } = (await import('unbzip2-stream/lib/bit_iterator.js')) as {
    default: (next: () => Uint8Array | undefined) => BitReader;
  };
  const iterator = source[Symbol.asyncIterator]();
  const queue: Uint8Array[] = [];
  let received = 0;
  let ended = false;
  let bits: BitReader | undefined;
  let blockSize = 0;
  let crc: number | null = null;
  // A block's output is gathered in pages of 64 KiB (no copying as it grows), handed on as they are.
  let pages: Uint8Array[] = [];
  let page = new Uint8Array(BZIP2_PAGE);
  let used = 0;
  const put = (b: number) => {
    if (used === BZIP2_PAGE) {
      pages.push(page);
      page = new Uint8Array(BZIP2_PAGE);
      used = 0;
    }
    page[used++] = b;
  };
  try {
    for (;;) {
      while (!ended && received - (bits?.bytesRead ?? 0) + 1 < bzip2Lookahead(blockSize)) {
        const next = await iterator.next();
        if (next.done) ended = true;
        else if (next.value.length > 0) {
          queue.push(next.value);
          received += next.value.length;
        }
      }
      if (received === 0) throw new Error('empty bzip2 stream');
      bits ??= bitIterator(() => queue.shift());
      if (received <= bits.bytesRead) break;
      if (!blockSize) {
        blockSize = bz2.header(bits);
        crc = 0;
        continue;
      }
      crc = bz2.decompress(bits, put, new Int32Array(100_000 * blockSize), 100_000 * blockSize, crc);
      if (crc === null) {
        blockSize = 0;
        continue;
      }
      const block = pages;
      if (used > 0) block.push(page.subarray(0, used));
      pages = [];
      page = new Uint8Array(BZIP2_PAGE);
      used = 0;
      yield* block;
    }
    if (crc !== null) throw new Error('bzip2 stream ended before its end marker');
  } catch (err) {
    if (err instanceof ScanStop) throw err;
    throw new ScanStop('CORRUPT_ARCHIVE', 'bzip2 stream is corrupt or truncated', false);
  } finally {
    await iterator.return?.();
  }
}

async function* xz(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const compressed = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  const reader = new XzReadableStream(
    compressed as unknown as globalThis.ReadableStream<Uint8Array>,
  ).getReader();
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

const DECODERS: Record<StreamCodec, (source: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>> = {
  bzip2,
  xz,
  zstd,
};

/** Streams a bzip2, xz or zstd layer through the ratio and size guards into the dispatcher. */
export async function readCompressed(
  ctx: WalkContext,
  codec: StreamCodec,
  stream: AsyncIterable<Uint8Array>,
  name: string,
  scanMember: ScanMember,
): Promise<void> {
  let compressedIn = 0;
  const decoded = DECODERS[codec](counted(stream, (n) => (compressedIn += n)));
  try {
    await scanMember(
      ctx.decompressed(decoded, () => compressedIn),
      decompressedName(codec, name),
    );
  } catch (err) {
    if (err instanceof ScanStop) throw err;
    throw new ScanStop('CORRUPT_ARCHIVE', `${codec} stream is corrupt or truncated`, false);
  }
}
