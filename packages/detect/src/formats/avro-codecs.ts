import { crc32, inflateRawSync } from 'node:zlib';

/** Thrown when a block would decompress past the cap. */
export class BlockTooLarge extends Error {}

function readVarint(bytes: Uint8Array): [number, number] {
  let value = 0;
  let shift = 0;
  for (let i = 0; i < 5 && i < bytes.length; i++) {
    const b = bytes[i]!;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, i + 1];
    shift += 7;
  }
  throw new Error('bad snappy length');
}

/** Snappy as Avro frames it: the raw snappy block, then a big-endian CRC-32 of the output. */
async function snappy(block: Buffer, max: number): Promise<Buffer> {
  if (block.length < 5) throw new Error('snappy block too short');
  const body = block.subarray(0, block.length - 4);
  const [length] = readVarint(body);
  if (length > max) throw new BlockTooLarge(`a block decompresses to ${length} bytes`);
  const { snappyUncompress } = await import('hyparquet');
  const out = Buffer.alloc(length);
  snappyUncompress(body, out);
  if (crc32(out) !== block.readUInt32BE(block.length - 4)) throw new Error('snappy block CRC mismatch');
  return out;
}

async function zstandard(block: Buffer, max: number): Promise<Buffer> {
  const { Decompress } = await import('fzstd');
  const parts: Uint8Array[] = [];
  let size = 0;
  const stream = new Decompress((chunk) => {
    size += chunk.length;
    if (size > max) throw new BlockTooLarge(`a block decompresses to more than ${max} bytes`);
    parts.push(chunk);
  });
  stream.push(block, true);
  return Buffer.concat(parts, size);
}

function deflate(block: Buffer, max: number): Buffer {
  try {
    return inflateRawSync(block, { maxOutputLength: max });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new BlockTooLarge(`a block decompresses to more than ${max} bytes`);
    }
    throw err;
  }
}

/** The codecs of the Avro specification this reader decodes, by `avro.codec` name. */
export const AVRO_CODECS: Readonly<Record<string, (block: Buffer, max: number) => Buffer | Promise<Buffer>>> =
  {
    null: (block) => block,
    deflate,
    snappy,
    zstandard,
  };
