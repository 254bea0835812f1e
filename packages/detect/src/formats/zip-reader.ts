import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ScanStop } from '../limits.ts';
import { ByteReader } from './byte-reader.ts';
import type { ScanMember } from './gzip-reader.ts';
import type { WalkContext } from './walk-context.ts';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_END_OF_CENTRAL = 0x06064b50;
const DATA_DESCRIPTOR = 0x08074b50;
const UNKNOWN = 0xffffffff;
/** Compressed bytes handed to the inflater at once, and the size of its output chunks. */
const PIECE = 64 * 1024;

interface LocalEntry {
  name: string;
  method: number;
  encrypted: boolean;
  /** Compressed size, or undefined when a data descriptor follows the data (flag bit 3). */
  compressedSize: number | undefined;
  zip64: boolean;
}

function corrupt(detail: string): ScanStop {
  return new ScanStop('CORRUPT_ARCHIVE', detail, false);
}

const endedInsideMember = () => new ScanStop('CORRUPT_ARCHIVE', 'zip archive ended inside a member');

async function readLocalHeader(reader: ByteReader): Promise<LocalEntry> {
  const h = await reader.read(26);
  if (h.length < 26) throw corrupt('zip archive ended inside a local header');
  const flags = h.readUInt16LE(2);
  const nameLength = h.readUInt16LE(22);
  const extraLength = h.readUInt16LE(24);
  const rest = await reader.read(nameLength + extraLength);
  if (rest.length < nameLength + extraLength) throw corrupt('zip archive ended inside a local header');
  const name = rest.subarray(0, nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
  let compressedSize = h.readUInt32LE(14);
  const size = h.readUInt32LE(18);
  let zip64 = false;
  const extra = rest.subarray(nameLength);
  for (let off = 0; off + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(off);
    const length = extra.readUInt16LE(off + 2);
    if (id === 0x0001) {
      zip64 = true;
      let at = off + 4;
      if (size === UNKNOWN) at += 8;
      if (compressedSize === UNKNOWN && at + 8 <= off + 4 + length && at + 8 <= extra.length) {
        compressedSize = Number(extra.readBigUInt64LE(at));
      }
    }
    off += 4 + length;
  }
  return {
    name,
    method: h.readUInt16LE(4),
    encrypted: (flags & 1) === 1,
    compressedSize: flags & 8 ? undefined : compressedSize,
    zip64,
  };
}

/** A stored member's `size` bytes, and how to skip what its scan left unread. */
function storedData(reader: ByteReader, size: number) {
  let left = size;
  const next = async (): Promise<IteratorResult<Uint8Array>> => {
    if (left === 0) return { done: true, value: undefined };
    const piece = await reader.readUpTo(Math.min(left, PIECE));
    if (!piece) throw endedInsideMember();
    left -= piece.length;
    return { done: false, value: piece };
  };
  return {
    data: { [Symbol.asyncIterator]: () => ({ next }) } as AsyncIterable<Uint8Array>,
    skipRest: async () => {
      if ((await reader.skip(left)) < left) throw endedInsideMember();
      left = 0;
    },
  };
}

const DESCRIPTOR_SIGNATURE = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

/**
 * A member that is not deflated and whose size follows in a data descriptor: its data ends
 * where a descriptor signature is followed by sizes equal to the bytes before it.
 */
function dataBeforeDescriptor(reader: ByteReader) {
  let done = false;
  let offset = 0;
  let carry: Buffer = Buffer.alloc(0);
  const next = async (): Promise<IteratorResult<Uint8Array>> => {
    while (!done) {
      const piece = await reader.readUpTo(PIECE);
      if (!piece) throw endedInsideMember();
      const buf = Buffer.concat([carry, piece]);
      for (let at = buf.indexOf(DESCRIPTOR_SIGNATURE); at !== -1 && at + 16 <= buf.length; ) {
        const size = (offset + at) >>> 0;
        if (buf.readUInt32LE(at + 8) === size && buf.readUInt32LE(at + 12) === size) {
          done = true;
          reader.unread(buf.subarray(at));
          if (at > 0) return { done: false, value: buf.subarray(0, at) };
          break;
        }
        at = buf.indexOf(DESCRIPTOR_SIGNATURE, at + 1);
      }
      if (done) break;
      const keep = Math.min(15, buf.length);
      carry = Buffer.from(buf.subarray(buf.length - keep));
      offset += buf.length - keep;
      if (buf.length > keep) return { done: false, value: buf.subarray(0, buf.length - keep) };
    }
    return { done: true, value: undefined };
  };
  return {
    data: { [Symbol.asyncIterator]: () => ({ next }) } as AsyncIterable<Uint8Array>,
    skipRest: async () => {
      while (!(await next()).done) {
        // Reads up to the descriptor.
      }
    },
  };
}

/**
 * Inflates one deflated member with node:zlib, feeding it `PIECE` bytes at a time and waiting for
 * each to be taken, so memory holds one input piece and one output chunk whatever the ratio. With
 * no known size the deflate stream's own end marks the member's end: the bytes the inflater did
 * not take go back to the reader.
 */
class MemberInflater {
  private readonly inflater = createInflateRaw({ chunkSize: PIECE });
  private readonly feeding: Promise<void>;
  private finished = false;

  constructor(
    private readonly reader: ByteReader,
    private readonly compressedSize: number | undefined,
  ) {
    this.inflater.on('error', () => {});
    this.feeding = this.feed().catch((err: unknown) => {
      this.inflater.destroy(err instanceof ScanStop ? err : endedInsideMember());
    });
  }

  /** Resolves once the inflater took `piece`; rejects once it is destroyed (a destroyed transform may never call back). */
  private write(piece: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      const closed = () => reject(endedInsideMember());
      this.inflater.once('close', closed);
      this.inflater.write(piece, (err) => {
        this.inflater.off('close', closed);
        if (err) reject(err);
        else resolve();
      });
    });
  }

  private async feed(): Promise<void> {
    const known = this.compressedSize;
    let left = known ?? Number.POSITIVE_INFINITY;
    let written = 0;
    while (left > 0 && !this.finished) {
      const piece = await this.reader.readUpTo(Math.min(left, PIECE));
      if (!piece) {
        if (known === undefined) break;
        throw endedInsideMember();
      }
      left -= piece.length;
      written += piece.length;
      await this.write(piece);
      const unused = written - this.inflater.bytesWritten;
      if (known === undefined && unused > 0) {
        this.reader.unread(piece.subarray(piece.length - unused));
        break;
      }
    }
    this.inflater.end();
  }

  /** The inflated bytes; ending the iteration early leaves the inflater open for `finish`. */
  output(): AsyncIterable<Uint8Array> {
    const stream = this.inflater as Readable;
    return {
      [Symbol.asyncIterator]: () => stream.iterator({ destroyOnReturn: false }),
    };
  }

  /**
   * Moves the reader past the member. A known size is skipped without inflating; otherwise the
   * rest is inflated into `discard`, which counts it against the limits.
   */
  async finish(discard: (rest: AsyncIterable<Uint8Array>) => Promise<void>): Promise<void> {
    if (this.compressedSize !== undefined) {
      this.finished = true;
      this.inflater.destroy();
      await this.feeding;
      return;
    }
    if (!this.inflater.readableEnded && !this.inflater.destroyed) await discard(this.output());
    await this.feeding;
    if (this.inflater.errored) throw this.inflater.errored;
  }

  /** Stops feeding (the reader is closed after this). */
  async abort(): Promise<void> {
    this.finished = true;
    this.inflater.destroy();
    await this.feeding;
  }
}

/** Maps a decoder's error to CORRUPT_ARCHIVE; limit stops pass through. */
async function* asMemberData(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  try {
    yield* source;
  } catch (err) {
    if (err instanceof ScanStop) throw err;
    throw new ScanStop('CORRUPT_ARCHIVE', 'zip member data is corrupt');
  }
}

async function skipDataDescriptor(reader: ByteReader, zip64: boolean): Promise<void> {
  const sizes = zip64 ? 16 : 8;
  const head = await reader.read(4);
  const rest = head.length === 4 && head.readUInt32LE(0) === DATA_DESCRIPTOR ? 4 + sizes : sizes;
  if (head.length < 4 || (await reader.skip(rest)) < rest) throw endedInsideMember();
}

/**
 * Streams a zip archive by its local headers (the central directory is never read, so
 * overlapping-entry bombs expand once at most). Members are read one after another: stored
 * data straight from the archive, deflated data through node:zlib in 64 KiB pieces, so memory
 * stays at a few pieces per nesting level however far a member expands.
 */
export async function readZip(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  scanMember: ScanMember,
  isAllowed: (memberName: string) => boolean,
): Promise<void> {
  const reader = new ByteReader(stream);
  let entries = 0;
  try {
    for (;;) {
      const signature = await reader.read(4);
      if (signature.length < 4) {
        if (entries === 0) throw corrupt('zip archive has no readable entry');
        return;
      }
      const sig = signature.readUInt32LE(0);
      if (sig === END_OF_CENTRAL || sig === CENTRAL_HEADER || sig === ZIP64_END_OF_CENTRAL) {
        if (entries === 0 && sig !== END_OF_CENTRAL) throw corrupt('zip archive has no readable entry');
        return;
      }
      if (sig !== LOCAL_HEADER) {
        throw corrupt(entries === 0 ? 'zip archive has no readable entry' : 'zip archive is corrupt');
      }
      entries++;
      const entry = await readLocalHeader(reader);
      const start = reader.consumed;
      await readEntry(ctx, reader, entry, () => reader.consumed - start, scanMember, isAllowed);
    }
  } finally {
    await reader.close();
  }
}

async function readEntry(
  ctx: WalkContext,
  reader: ByteReader,
  entry: LocalEntry,
  /** The member's compressed bytes read so far (its ratio is checked against them). */
  compressedIn: () => number,
  scanMember: ScanMember,
  isAllowed: (memberName: string) => boolean,
): Promise<void> {
  const isFile = !entry.name.endsWith('/');
  if (isFile) ctx.countMember();
  let scan = isFile && isAllowed(entry.name);
  if (scan && (entry.encrypted || entry.method === 99)) {
    ctx.soft('ENCRYPTED_ARCHIVE', 'zip member is encrypted');
    scan = false;
  } else if (scan && entry.method !== 0 && entry.method !== 8) {
    ctx.soft('CORRUPT_ARCHIVE', `zip member uses unsupported method ${entry.method}`);
    scan = false;
  }
  const size = entry.compressedSize;
  if (entry.method === 8 && !entry.encrypted) {
    const inflater = new MemberInflater(reader, size);
    try {
      if (scan) await scanMember(ctx.decompressed(asMemberData(inflater.output()), compressedIn), entry.name);
      await inflater.finish(async (rest) => {
        for await (const _ of ctx.decompressed(asMemberData(rest), compressedIn)) {
          // Inflated only to find where the member ends.
        }
      });
    } catch (err) {
      await inflater.abort();
      throw err;
    }
  } else {
    const stored = size === undefined ? dataBeforeDescriptor(reader) : storedData(reader, size);
    if (scan) await scanMember(stored.data, entry.name);
    await stored.skipRest();
  }
  if (size === undefined) await skipDataDescriptor(reader, entry.zip64);
}
