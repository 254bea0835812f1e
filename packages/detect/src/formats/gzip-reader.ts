import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { ScanStop } from '../limits.ts';
import { counted, type WalkContext } from './walk-context.ts';

/** Scans the decompressed content of a member (recursion back into the format dispatcher). */
export type ScanMember = (stream: AsyncIterable<Uint8Array>, name: string) => Promise<void>;

/** The name of a gzip stream's content: `x.log.gz` → `x.log`, `x.tgz` → `x.tar`. */
export function gunzippedName(name: string): string {
  if (/\.tgz$/i.test(name)) return `${name.slice(0, -4)}.tar`;
  if (/\.gz$/i.test(name)) return name.slice(0, -3);
  return name;
}

/** Streams a gzip layer (node:zlib) through the ratio and size guards into the dispatcher. */
export async function readGzip(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  name: string,
  scanMember: ScanMember,
): Promise<void> {
  let compressedIn = 0;
  const gunzip = createGunzip();
  const feeding = pipeline(Readable.from(counted(stream, (n) => (compressedIn += n))), gunzip).catch(
    () => {},
  );
  try {
    await scanMember(
      ctx.decompressed(gunzip, () => compressedIn),
      gunzippedName(name),
    );
  } catch (err) {
    if (err instanceof ScanStop) throw err;
    throw new ScanStop('CORRUPT_ARCHIVE', 'gzip stream is corrupt or truncated', false);
  } finally {
    gunzip.destroy();
    await feeding;
  }
}
