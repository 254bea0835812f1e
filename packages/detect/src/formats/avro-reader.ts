import type { Type } from 'avsc';
import { ScanStop } from '../limits.ts';
import { boundedTypeHook } from './avro-bounded-types.ts';
import { AVRO_CODECS, BlockTooLarge } from './avro-codecs.ts';
import { ChunkedBytes } from './chunked-bytes.ts';
import { SegmentWriter } from './segments.ts';
import { valueTexts } from './value-text.ts';
import type { WalkContext } from './walk-context.ts';

/** Largest Avro block held in memory, compressed or decompressed (writers use 16 KiB to 1 MiB). */
export const MAX_AVRO_BLOCK_BYTES = 64 * 1024 * 1024;
const MAX_HEADER_BYTES = 16 * 1024 * 1024;
const MAGIC = Buffer.from([0x4f, 0x62, 0x6a, 0x01]);

/** A zig-zag varint long at `pos`: [value, next position], or undefined when `bytes` ends first. */
function readLong(bytes: Uint8Array, pos: number): [number, number] | undefined {
  let n = 0;
  let shift = 0;
  for (let i = pos; i < bytes.length && i < pos + 10; i++) {
    const b = bytes[i]!;
    n += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [n % 2 === 0 ? n / 2 : -(n + 1) / 2, i + 1];
    shift += 7;
  }
  return undefined;
}

async function longFrom(reader: ChunkedBytes): Promise<number | undefined> {
  await reader.fill(10);
  const read = readLong(reader.peek(10), 0);
  if (!read) return undefined;
  await reader.take(read[1]);
  return read[0];
}

async function avroTypes(): Promise<{ header: Type; forSchema: (schema: unknown) => Type }> {
  const avro = await import('avsc');
  const Type = avro.default?.Type ?? avro.Type;
  const LongType = avro.default?.types?.LongType ?? avro.types.LongType;
  // Longs past 2^53 (19-digit card numbers, ids) decode as BigInt instead of failing.
  const long = LongType.__with({
    fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
    toBuffer: (n: bigint) => {
      const buf = Buffer.alloc(8);
      buf.writeBigInt64LE(BigInt(n));
      return buf;
    },
    fromJSON: BigInt,
    toJSON: Number,
    isValid: (n: unknown) => typeof n === 'bigint',
    compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
  });
  const typeHook = boundedTypeHook((avro.default ?? avro) as never);
  const header = Type.forSchema({
    type: 'record',
    name: 'org.apache.avro.file.Header',
    fields: [
      { name: 'magic', type: { type: 'fixed', name: 'Magic', size: 4 } },
      { name: 'meta', type: { type: 'map', values: 'bytes' } },
      { name: 'sync', type: { type: 'fixed', name: 'Sync', size: 16 } },
    ],
  });
  return {
    header,
    forSchema: (schema) =>
      Type.forSchema(schema as never, { registry: { long }, wrapUnions: false, typeHook } as never),
  };
}

const corrupt = (detail: string, partial: boolean) => new ScanStop('CORRUPT_AVRO', detail, partial);

/**
 * Scans an Avro object container file block by block (the schema from its header; codecs
 * null, deflate, snappy, zstandard), each field value located by its record index (0-based
 * across the file) and dotted field path (`customer.email`, given as json_path and as the field
 * name for context scoring). Memory holds one block. A corrupt file ends CORRUPT_AVRO, PARTIAL
 * when some records were read.
 */
export async function readAvro(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  archivePath: string | undefined,
): Promise<void> {
  const reader = new ChunkedBytes(stream);
  const { header: headerType, forSchema } = await avroTypes();
  await reader.fill(64 * 1024);
  let header: { magic: Buffer; meta: Record<string, Buffer>; sync: Buffer } | undefined;
  let size = 64 * 1024;
  while (!header) {
    const held = reader.peek(size);
    let decoded: { value: unknown; offset: number };
    try {
      decoded = headerType.decode(held, 0);
    } catch (err) {
      throw corrupt(`the Avro header could not be read: ${(err as Error).message}`, false);
    }
    if (decoded.offset >= 0) {
      header = decoded.value as typeof header;
      await reader.take(decoded.offset);
      break;
    }
    if (held.length < size || size >= MAX_HEADER_BYTES) throw corrupt('the Avro header is truncated', false);
    size *= 4;
    await reader.fill(size);
  }
  if (!header || !MAGIC.equals(header.magic)) throw corrupt('bad Avro header', false);
  const codecName = header.meta['avro.codec']?.toString() || 'null';
  const codec = AVRO_CODECS[codecName];
  if (!codec) throw new ScanStop('UNSUPPORTED_FORMAT', `Avro codec ${codecName} is not read`, false);
  let type: Type;
  try {
    type = forSchema(JSON.parse(header.meta['avro.schema']?.toString() ?? ''));
  } catch (err) {
    throw corrupt(`the Avro schema could not be read: ${(err as Error).message}`, false);
  }
  const writer = new SegmentWriter(ctx, archivePath);
  let record = 0;
  let heldBytes = 0;
  try {
    for (let block = 0; !(await reader.atEnd()); block++) {
      const where = `block ${block} (record ${record})`;
      const count = await longFrom(reader);
      const length = await longFrom(reader);
      if (count === undefined || length === undefined || count < 0 || length < 0) {
        throw corrupt(`${where}: bad block header`, record > 0);
      }
      if (length > MAX_AVRO_BLOCK_BYTES) {
        throw corrupt(
          `${where} declares ${length} bytes, above the ${MAX_AVRO_BLOCK_BYTES}-byte block limit`,
          record > 0,
        );
      }
      ctx.held.hold(length, `${where} (compressed)`);
      heldBytes = length;
      const compressed = await reader.take(length);
      const sync = await reader.take(16);
      if (compressed.length < length || !sync.equals(header.sync)) {
        throw corrupt(`${where} is truncated or its sync marker is wrong`, record > 0);
      }
      let data: Buffer;
      try {
        data = await codec(compressed, MAX_AVRO_BLOCK_BYTES);
      } catch (err) {
        if (err instanceof BlockTooLarge)
          throw new ScanStop('COMPRESSION_RATIO_EXCEEDED', `${where}: ${err.message}`);
        throw corrupt(`${where} could not be decompressed (${codecName})`, record > 0);
      }
      ctx.held.hold(data.length, `${where} (decompressed)`);
      heldBytes += data.length;
      if (count > data.length + 1_000_000) throw corrupt(`${where} claims ${count} records`, record > 0);
      let pos = 0;
      for (let i = 0; i < count; i++, record++) {
        let decoded: { value: unknown; offset: number };
        try {
          decoded = type.decode(data, pos);
        } catch {
          decoded = { value: undefined, offset: -1 };
        }
        if (decoded.offset < 0)
          throw corrupt(`record ${record} in ${where} could not be decoded`, record > 0);
        pos = decoded.offset;
        const record_index = record;
        valueTexts(decoded.value, '', (text, path) => {
          const field = path.startsWith('.') ? path.slice(1) : path;
          writer.write(
            text,
            field === '' ? { record_index } : { record_index, json_path: field, fieldName: field },
          );
        });
      }
      ctx.held.release(heldBytes);
      heldBytes = 0;
    }
  } finally {
    ctx.held.release(heldBytes);
    writer.end();
    await reader.close();
  }
}
