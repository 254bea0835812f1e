import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ScanStop } from '../limits.ts';

/**
 * Random access to an object's bytes, for formats whose index sits at the end (Parquet's
 * footer): the reader fetches only the byte ranges it needs, so a 10 GB file is never buffered.
 * An S3 source serves it with `Range` requests, a file source with positioned reads.
 */
export interface RandomAccess {
  /** Size of the object in bytes. */
  readonly size: number;
  /** Bytes `[start, end)`; `end` is exclusive and at most `size`. */
  read(start: number, end: number): Promise<Uint8Array>;
}

/** A random-access view of a temporary file, removed by `close`. */
export interface Spooled {
  readonly random: RandomAccess;
  close(): Promise<void>;
}

/**
 * Writes a stream to a file under the OS temp directory so a reader can seek in it (a Parquet
 * member of a zip, or a caller that has only a stream), refusing more than `max` bytes. The
 * file is removed by `close`, or at once if spooling fails.
 */
export async function spoolToFile(
  source: AsyncIterable<Uint8Array>,
  max: number,
  what: string,
): Promise<Spooled> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'data-scanner-'));
  const file = path.join(dir, 'spool');
  const remove = () => rm(dir, { recursive: true, force: true });
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'w+', 0o600);
    let size = 0;
    for await (const chunk of source) {
      size += chunk.length;
      if (size > max) {
        throw new ScanStop(
          'OBJECT_TOO_LARGE',
          `${what} read from a stream is spooled to disk up to ${max} bytes (the decompressed-size limit); give the scanner random access to read a larger one`,
          false,
        );
      }
      await handle.write(chunk);
    }
    const fh = handle;
    return {
      random: {
        size,
        async read(start, end) {
          const length = Math.max(0, Math.min(end, size) - start);
          const buffer = Buffer.alloc(length);
          let at = 0;
          while (at < length) {
            const { bytesRead } = await fh.read(buffer, at, length - at, start + at);
            if (bytesRead === 0) break;
            at += bytesRead;
          }
          return buffer.subarray(0, at);
        },
      },
      async close() {
        await fh.close().catch(() => {});
        await remove();
      },
    };
  } catch (err) {
    await handle?.close().catch(() => {});
    await remove();
    throw err;
  }
}

/** Reads `[start, end)` from a buffer held in memory (tests and small callers). */
export function bufferAccess(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.length,
    read: async (start, end) => bytes.subarray(start, Math.min(end, bytes.length)),
  };
}
