import { ScanStop } from '../limits.ts';

/**
 * Reads a whole stream into memory, for formats whose readers need random access (PDF's
 * cross-reference table sits at the end), refusing more than `max` bytes.
 */
export async function collect(stream: AsyncIterable<Uint8Array>, max: number, what: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > max) {
      throw new ScanStop(
        'OBJECT_TOO_LARGE',
        `${what} larger than ${max} bytes is not read into memory`,
        false,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
