import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/fingerprint.ts';
import { bufferAccess } from '../../src/formats/random-access.ts';
import { Scanner } from '../../src/scanner.ts';
import { mutations } from './fuzz.ts';

const KEY = 'parquet-test';
const scanner = new Scanner({ fingerprintKey: KEY });
const AWS_KEY = 'AKIAQYLPMN5HHHFPZAM2';
const EMAIL = 'maria.lopez@northwind-traders.com';
const CARD = 4539578763621486n;

/** Five rows in three row groups: nested struct, list, a dictionary column and a gzip column. */
function sample(): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: [1n, 2n, 3n, 4n, 5n] },
      {
        name: 'customer',
        data: [
          { name: 'Ann', email: 'ann@invalid' },
          { name: 'Bob', email: null },
          { name: 'Cid', email: EMAIL },
          null,
          { name: 'Eve', email: 'eve at northwind' },
        ],
      },
      { name: 'tags', data: [['x'], [], ['y', 'z'], [`deploy ${AWS_KEY}`], []] },
      { name: 'region', data: ['eu', 'eu', 'eu', 'eu', 'eu'] },
      { name: 'card', data: [4111111111111112n, 0n, 0n, 0n, CARD], codec: 'GZIP' },
    ],
    schema: [
      { name: 'root', num_children: 5 },
      { name: 'id', type: 'INT64', repetition_type: 'REQUIRED' },
      { name: 'customer', repetition_type: 'OPTIONAL', num_children: 2 },
      { name: 'name', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'email', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'region', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'card', type: 'INT64', repetition_type: 'OPTIONAL' },
    ],
    compressors: { GZIP: (b) => gzipSync(b) },
    rowGroupSize: 2,
  });
  return new Uint8Array(buffer);
}

describe('Parquet', () => {
  const bytes = sample();

  it('finds planted values with record index, column path and row group', async () => {
    const result = await scanner.scanObject([bytes], { name: 'customers.parquet' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    const where = (detector: string) => result.findings.find((f) => f.detector === detector)?.location;
    expect(where('email')).toMatchObject({ record_index: 2, row_group: 1, column_name: 'customer.email' });
    expect(where('aws-access-key-id')).toMatchObject({ record_index: 3, row_group: 1, column_name: 'tags' });
    expect(where('payment-card')).toMatchObject({ record_index: 4, row_group: 2, column_name: 'card' });
    expect(result.findings.find((f) => f.detector === 'email')?.fingerprint).toBe(fingerprint(KEY, EMAIL));
    expect(result.findings.map((f) => f.detector).sort()).toEqual([
      'aws-access-key-id',
      'email',
      'payment-card',
    ]);
  });

  it('reads by byte range when given random access: the footer, then one column chunk at a time', async () => {
    const rows = 30_000;
    const notes = Array.from(
      { length: rows },
      (_, i) => `note ${i} ${((i * 2654435761) >>> 0).toString(36)}`,
    );
    notes[25_000] = `contact ${EMAIL}`;
    const big = new Uint8Array(
      parquetWriteBuffer({
        columnData: [{ name: 'note', data: notes, type: 'STRING' }],
        rowGroupSize: 10_000,
      }),
    );
    const ranges: [number, number][] = [];
    const access = bufferAccess(big);
    const result = await scanner.scanObject([big.subarray(0, 16)], {
      name: 'notes.parquet',
      random: {
        size: access.size,
        read: (start, end) => {
          ranges.push([start, end]);
          return access.read(start, end);
        },
      },
    });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    expect(result.findings.map((f) => f.location)).toMatchObject([
      { record_index: 25_000, row_group: 2, column_name: 'note' },
    ]);
    expect(ranges.length).toBeGreaterThan(3);
    expect(Math.max(...ranges.map(([s, e]) => e - s))).toBeLessThan(big.length / 2);
  });

  it('raises confidence for a value in a column whose name says what it is', async () => {
    const file = (name: string) =>
      new Uint8Array(parquetWriteBuffer({ columnData: [{ name, data: [EMAIL], type: 'STRING' }] }));
    const inEmail = await scanner.scanObject([file('email')], { name: 'a.parquet' });
    const inNotes = await scanner.scanObject([file('notes')], { name: 'b.parquet' });
    expect(inEmail.findings[0]!.confidence).toBeGreaterThan(inNotes.findings[0]!.confidence);
  });

  it('reads a Parquet member of a zip through a spooled temporary file', async () => {
    const { zipSync } = await import('fflate');
    const zip = zipSync({ 'export/customers.parquet': bytes });
    const result = await scanner.scanObject([zip], { name: 'export.zip' });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    const hit = result.findings.find((f) => f.detector === 'email');
    expect(hit?.location).toMatchObject({ archive_path: 'export/customers.parquet', record_index: 2 });
  });

  it('refuses to spool a stream above the decompressed-size limit', async () => {
    const small = new Scanner({ fingerprintKey: KEY, limits: { maxDecompressedBytes: 100 } });
    const result = await small.scanObject([bytes], { name: 'customers.parquet' });
    expect(result).toMatchObject({ status: 'SKIPPED', reason: 'OBJECT_TOO_LARGE' });
  });

  it('skips a column chunk above the memory bound and ends PARTIAL, reading the others', async () => {
    const wide = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'email', data: [EMAIL], type: 'STRING' },
          { name: 'blob', data: ['x'.repeat(5000)], type: 'STRING' },
        ],
      }),
    );
    const small = new Scanner({ fingerprintKey: KEY, limits: { maxDecompressedBytes: 4000 } });
    const result = await small.scanObject([wide.subarray(0, 16)], {
      name: 'wide.parquet',
      random: bufferAccess(wide),
    });
    expect(result).toMatchObject({ status: 'PARTIAL', reason: 'OBJECT_TOO_LARGE' });
    expect(result.reason_detail).toContain('column blob');
    expect(result.findings.map((f) => f.location.column_name)).toEqual(['email']);
  });

  it('ends a truncated file SKIPPED with CORRUPT_PARQUET', async () => {
    const result = await scanner.scanObject([bytes.subarray(0, bytes.length - 40)], { name: 'x.parquet' });
    expect(result).toMatchObject({ status: 'SKIPPED', reason: 'CORRUPT_PARQUET' });
  });

  it('survives truncated and bit-flipped files with a reason, never a crash', async () => {
    for (const mutated of mutations(bytes, 40)) {
      const result = await scanner.scanObject([mutated], { name: 'fuzz.parquet' });
      if (result.status !== 'COMPLETE') expect(result.reason).toBeDefined();
    }
  });
});
