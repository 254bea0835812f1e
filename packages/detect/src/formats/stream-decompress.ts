/// <reference path="./untyped-modules.d.ts" />
import { ReadableStream } from 'node:stream/web';
import { Decompress as ZstdDecompress } from 'fzstd';
import unbzip2 from 'unbzip2-stream';
import * as xzModule from 'xz-decompress';
import { ScanStop } from '../limits.ts';
import { ChunkQueue } from './chunk-queue.ts';
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

async function* bzip2(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  // unbzip2-stream is a classic through stream that decodes as it is written: its output goes
  // to a queue, and the input waits until the consumer took it.
  const decoder = unbzip2();
  const queue = new ChunkQueue();
  decoder.on('data', (data: Buffer) => queue.push(data));
  decoder.on('end', () => queue.end());
  decoder.on('error', () =>
    queue.end(new ScanStop('CORRUPT_ARCHIVE', 'bzip2 stream is corrupt or truncated', false)),
  );
  const feeding = (async () => {
    for await (const chunk of source) {
      decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      await queue.drained();
    }
    decoder.end();
  })().catch((err: unknown) => queue.end(err instanceof Error ? err : new Error(String(err))));
  try {
    yield* queue;
  } finally {
    decoder.destroy();
    await feeding;
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
