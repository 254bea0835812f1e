import { ScanStop } from '../limits.ts';
import type { HeldBytes } from './held-bytes.ts';

/**
 * Reads a whole stream into memory, for formats whose readers need random access (PDF's
 * cross-reference table sits at the end), refusing more than `max` bytes. With `held`, the
 * bytes are counted there as they arrive and while they are joined (twice the size for that
 * moment); the caller releases the returned buffer's length when done.
 */
export async function collect(
  stream: AsyncIterable<Uint8Array>,
  max: number,
  what: string,
  held?: HeldBytes,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      if (size + chunk.length > max) {
        throw new ScanStop(
          'OBJECT_TOO_LARGE',
          `${what} larger than ${max} bytes is not read into memory`,
          false,
        );
      }
      held?.hold(chunk.length, what, false);
      size += chunk.length;
      chunks.push(chunk);
    }
    if (chunks.length === 1) return Buffer.from(chunks[0]!.buffer, chunks[0]!.byteOffset, size);
    held?.hold(size, what, false);
  } catch (err) {
    held?.release(size);
    throw err;
  }
  const joined = Buffer.concat(chunks, size);
  held?.release(size);
  return joined;
}
