import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import { ScanStop } from '../limits.ts';
import { ChunkQueue } from './chunk-queue.ts';
import type { ScanMember } from './gzip-reader.ts';
import type { WalkContext } from './walk-context.ts';

/** Input slice pushed into the inflater at once: bounds one push's output to ~16 MiB at deflate's maximum ratio. */
const PUSH_BYTES = 16 * 1024;

interface Member {
  queue: ChunkQueue;
  done: Promise<void>;
}

/**
 * Streams a zip archive with fflate's `Unzip` (local headers, no central directory, so
 * overlapping-entry bombs do not apply). Members are scanned while the archive streams in;
 * the producer waits for consumers after each push, so memory stays bounded.
 */
export async function readZip(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  scanMember: ScanMember,
  isAllowed: (memberName: string) => boolean,
): Promise<void> {
  let compressedIn = 0;
  let entries = 0;
  let emptyArchive = false;
  let failure: unknown;
  const active = new Set<Member>();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    entries++;
    if (failure !== undefined || file.name.endsWith('/')) return;
    try {
      ctx.countMember();
    } catch (err) {
      failure = err;
      return;
    }
    if (!isAllowed(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8) {
      ctx.soft(
        file.compression === 99 ? 'ENCRYPTED_ARCHIVE' : 'CORRUPT_ARCHIVE',
        `zip member uses unsupported method ${file.compression}`,
      );
      return;
    }
    const queue = new ChunkQueue();
    const member: Member = { queue, done: Promise.resolve() };
    member.done = scanMember(
      ctx.decompressed(queue, () => compressedIn),
      file.name,
    ).then(
      () => {
        active.delete(member);
      },
      (err: unknown) => {
        active.delete(member);
        failure ??= err;
      },
    );
    active.add(member);
    file.ondata = (err, data, final) => {
      if (err) {
        queue.end(new ScanStop('CORRUPT_ARCHIVE', 'zip member data is corrupt'));
        return;
      }
      if (data.length > 0) queue.push(data);
      if (final) queue.end();
    };
    try {
      file.start();
    } catch {
      queue.end(new ScanStop('CORRUPT_ARCHIVE', 'zip member could not be decoded'));
    }
  };
  const settle = async (): Promise<void> => {
    await Promise.all([...active].map((m) => Promise.race([m.queue.drained(), m.done])));
    if (failure !== undefined) throw failure;
  };
  try {
    for await (const chunk of stream) {
      if (compressedIn === 0) emptyArchive = chunk[2] === 5 && chunk[3] === 6;
      for (let off = 0; off < chunk.length; off += PUSH_BYTES) {
        const piece = chunk.subarray(off, off + PUSH_BYTES);
        compressedIn += piece.length;
        unzip.push(piece, false);
        await settle();
      }
    }
    unzip.push(new Uint8Array(0), true);
    await settle();
    if (entries === 0 && !emptyArchive)
      throw new ScanStop('CORRUPT_ARCHIVE', 'zip archive has no readable entry', false);
  } catch (err) {
    for (const m of active) m.queue.end(new ScanStop('CORRUPT_ARCHIVE', 'zip archive ended early'));
    await Promise.all([...active].map((m) => m.done));
    if (err instanceof ScanStop) throw err;
    throw new ScanStop('CORRUPT_ARCHIVE', 'zip archive is corrupt', false);
  }
  for (const m of active) m.queue.end(new ScanStop('CORRUPT_ARCHIVE', 'zip archive ended inside a member'));
  await Promise.all([...active].map((m) => m.done));
  if (failure !== undefined) throw failure;
}
