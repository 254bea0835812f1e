import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { ScanStop } from '../limits.ts';
import type { ScanMember } from './gzip-reader.ts';
import type { WalkContext } from './walk-context.ts';

/** Streams a tar archive (tar-stream); each regular file is scanned as it passes. */
export async function readTar(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  scanMember: ScanMember,
  isAllowed: (memberName: string) => boolean,
): Promise<void> {
  const extract = tar.extract();
  const feeding = pipeline(Readable.from(stream), extract).catch(() => {});
  try {
    for await (const entry of extract) {
      const type = entry.header.type;
      if (type !== 'file' && type !== 'contiguous-file') {
        entry.resume();
        continue;
      }
      ctx.countMember();
      if (!isAllowed(entry.header.name)) {
        entry.resume();
        continue;
      }
      const iterator = entry[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
      const view: AsyncIterable<Uint8Array> = {
        [Symbol.asyncIterator]: () => ({
          next: () => iterator.next(),
          return: async () => ({ done: true, value: undefined }),
        }),
      };
      await scanMember(view, entry.header.name);
      while (!(await iterator.next()).done) {
        // Skips what the member scan left unread (e.g. a binary member).
      }
    }
  } catch (err) {
    if (err instanceof ScanStop) throw err;
    throw new ScanStop('CORRUPT_ARCHIVE', 'tar archive is corrupt or truncated', false);
  } finally {
    extract.destroy();
    await feeding;
  }
}
