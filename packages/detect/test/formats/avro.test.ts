import { crc32 } from 'node:zlib';
import avro from 'avsc';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/fingerprint.ts';
import { Scanner } from '../../src/scanner.ts';
import { mutations } from './fuzz.ts';

const KEY = 'avro-test';
const scanner = new Scanner({ fingerprintKey: KEY });
const AWS_KEY = 'AKIAQYLPMN5HHHFPZAM2';
const EMAIL = 'maria.lopez@northwind-traders.com';

const SCHEMA = {
  type: 'record',
  name: 'Customer',
  fields: [
    { name: 'id', type: 'long' },
    {
      name: 'contact',
      type: {
        type: 'record',
        name: 'Contact',
        fields: [
          { name: 'email', type: ['null', 'string'] },
          { name: 'phone', type: ['null', 'string'] },
        ],
      },
    },
    { name: 'notes', type: { type: 'array', items: 'string' } },
    { name: 'attributes', type: { type: 'map', values: 'string' } },
    { name: 'card', type: 'long' },
  ],
};

/** A zstd frame of raw (stored) blocks: enough for a writer test without a zstd encoder. */
function zstdStored(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])];
  for (let at = 0; at < data.length || at === 0; at += 0x1ffff) {
    const piece = data.subarray(at, at + 0x1ffff);
    const last = at + 0x1ffff >= data.length ? 1 : 0;
    const head = (piece.length << 3) | last;
    parts.push(Buffer.from([head & 0xff, (head >> 8) & 0xff, (head >> 16) & 0xff]), piece);
  }
  return Buffer.concat(parts);
}

const CODECS: Record<string, (buf: Buffer, cb: (err: Error | null, out?: Buffer) => void) => void> = {
  ...avro.streams.BlockEncoder.defaultCodecs(),
  snappy: (buf, cb) => {
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(buf));
    cb(null, Buffer.concat([Buffer.from(snappyCompress(buf)), crc]));
  },
  zstandard: (buf, cb) => cb(null, zstdStored(buf)),
};

/** 50 records in blocks of about 200 bytes, with values planted at records 7, 23 and 41. */
function container(codec: 'null' | 'deflate' | 'snappy' | 'zstandard'): Promise<Buffer> {
  const type = avro.Type.forSchema(SCHEMA as never);
  const encoder = new avro.streams.BlockEncoder(type, { codec, blockSize: 200, codecs: CODECS } as never);
  const chunks: Buffer[] = [];
  encoder.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    encoder.on('end', () => resolve(Buffer.concat(chunks)));
    encoder.on('error', reject);
  });
  for (let i = 0; i < 50; i++) {
    encoder.write({
      id: i,
      contact: { email: i === 7 ? EMAIL : i === 8 ? 'maria.lopez@invalid' : null, phone: null },
      notes: i === 23 ? [`deploy ${AWS_KEY}`] : ['nothing here'],
      attributes: i === 41 ? { card_number: '4539 5787 6362 1486' } : { card_number: '4539 5787 6362 1487' },
      card: 0,
    });
  }
  encoder.end();
  return done;
}

describe('Avro object container files', () => {
  it.each(['null', 'deflate', 'snappy', 'zstandard'] as const)(
    'finds planted values by record index and field path (%s codec)',
    async (codec) => {
      const bytes = await container(codec);
      const result = await scanner.scanObject([bytes], { name: 'customers.avro' });
      expect(result.status, result.reason_detail).toBe('COMPLETE');
      const locations = Object.fromEntries(result.findings.map((f) => [f.detector, f.location]));
      expect(Object.keys(locations).sort()).toEqual(['aws-access-key-id', 'email', 'payment-card']);
      expect(locations.email).toMatchObject({ record_index: 7, json_path: 'contact.email' });
      expect(locations['aws-access-key-id']).toMatchObject({ record_index: 23, json_path: 'notes' });
      expect(locations['payment-card']).toMatchObject({
        record_index: 41,
        json_path: 'attributes.card_number',
      });
      expect(result.findings.find((f) => f.detector === 'email')?.fingerprint).toBe(fingerprint(KEY, EMAIL));
    },
  );

  it('reads longs past 2^53 as digits (a 19-digit card number stored as a long)', async () => {
    const bigLong = avro.types.LongType.__with({
      fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
      toBuffer: (n: bigint) => {
        const buf = Buffer.alloc(8);
        buf.writeBigInt64LE(n);
        return buf;
      },
      fromJSON: BigInt,
      toJSON: Number,
      isValid: (n: unknown) => typeof n === 'bigint',
      compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
    });
    const type = avro.Type.forSchema(
      { type: 'record', name: 'R', fields: [{ name: 'card_number', type: 'long' }] },
      { registry: { long: bigLong } } as never,
    );
    const encoder = new avro.streams.BlockEncoder(type);
    const chunks: Buffer[] = [];
    encoder.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => encoder.on('end', resolve));
    encoder.write({ card_number: 4539578763621481009n });
    encoder.end();
    await done;
    const result = await scanner.scanObject([Buffer.concat(chunks)], { name: 'pans.avro' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    expect(result.findings.map((f) => [f.detector, f.location.json_path])).toEqual([
      ['payment-card', 'card_number'],
    ]);
  });

  it('names an unknown codec UNSUPPORTED_FORMAT and a bad block CORRUPT_AVRO', async () => {
    const bytes = await container('deflate');
    const renamed = Buffer.from(bytes.toString('latin1').replace('deflate', 'deflatx'), 'latin1');
    expect(await scanner.scanObject([renamed], { name: 'x.avro' })).toMatchObject({
      status: 'SKIPPED',
      reason: 'UNSUPPORTED_FORMAT',
    });
    const truncated = await scanner.scanObject([bytes.subarray(0, bytes.length - 30)], { name: 'x.avro' });
    expect(truncated).toMatchObject({ status: 'PARTIAL', reason: 'CORRUPT_AVRO' });
    expect(truncated.findings.map((f) => f.detector)).toContain('email');
  });

  it.each(['deflate', 'snappy'] as const)(
    'survives truncated and bit-flipped %s files, never a crash',
    async (codec) => {
      const bytes = await container(codec);
      for (const mutated of mutations(bytes, 40)) {
        const result = await scanner.scanObject([mutated], { name: 'fuzz.avro' });
        if (result.status !== 'COMPLETE') expect(result.reason).toBeDefined();
      }
    },
  );
});
