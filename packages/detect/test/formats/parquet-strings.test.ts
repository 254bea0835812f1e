import { gzipSync } from 'node:zlib';
import { ByteWriter, parquetWriteBuffer } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { describe, expect, it } from 'vitest';
import { readStringChunk } from '../../src/formats/parquet-strings.ts';
import { Scanner } from '../../src/scanner.ts';

const scanner = new Scanner({ fingerprintKey: 'parquet-strings-test' });
const EMAIL = 'maria.lopez@northwind-traders.com';

/** Strings that move byte and character offsets apart, with planted addresses among them. */
function values(): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = 0; i < 400; i++) {
    if (i % 7 === 0) out.push(null);
    else if (i % 11 === 0) out.push('');
    else if (i % 13 === 0) out.push(`Ação nº ${i} 🚀 ${EMAIL.replace('maria', `m${i}`)}`);
    else if (i % 17 === 0) out.push(`line ${i}\ncontact ${EMAIL}\n`);
    else if (i === 50) out.push(`\ufeffbom then ${EMAIL}`);
    else out.push(`note ${i} olá`);
  }
  return out;
}

function findings(result: Awaited<ReturnType<Scanner['scanObject']>>) {
  return result.findings.map((f) => [f.detector, f.fingerprint, f.location]);
}

describe('Parquet string columns read from the page bytes', () => {
  it('find the same things at the same places as hyparquet decoding every value', async () => {
    const data = values();
    const scan = async (
      encoding: 'PLAIN' | 'RLE_DICTIONARY' | 'DELTA_BYTE_ARRAY',
      codec: 'SNAPPY' | 'GZIP',
    ) =>
      scanner.scanObject(
        [
          new Uint8Array(
            parquetWriteBuffer({
              columnData: [{ name: 'contact', data, type: 'STRING', encoding, codec }],
              compressors: { GZIP: (b) => gzipSync(b) },
              rowGroupSize: 150,
              pageSize: 512,
            }),
          ),
        ],
        { name: 'x.parquet' },
      );
    // DELTA_BYTE_ARRAY is not walked by the string reader: hyparquet decodes it, value by value.
    const reference = await scan('DELTA_BYTE_ARRAY', 'SNAPPY');
    expect(reference.status).toBe('COMPLETE');
    expect(reference.findings.length).toBeGreaterThan(40);
    expect(reference.findings.find((f) => f.location.record_index === 50)?.location).toMatchObject({
      row_group: 0,
      column_name: 'contact',
    });
    for (const encoding of ['PLAIN', 'RLE_DICTIONARY'] as const) {
      for (const codec of ['SNAPPY', 'GZIP'] as const) {
        expect(findings(await scan(encoding, codec)), `${encoding} ${codec}`).toEqual(findings(reference));
      }
    }
  });

  it('read bytes that are not UTF-8 as a decoder would, in an unannotated byte-array column', async () => {
    const data = Array.from({ length: 60 }, (_, i) =>
      i % 5 === 0
        ? Buffer.concat([Buffer.from([0xff, 0xc3, 0x28, 0xe2]), Buffer.from(` ${EMAIL} ${i}`)])
        : Buffer.from(`plain ${i}`),
    );
    const scan = (encoding: 'PLAIN' | 'DELTA_BYTE_ARRAY') =>
      scanner.scanObject(
        [
          new Uint8Array(
            parquetWriteBuffer({ columnData: [{ name: 'raw', data, type: 'BYTE_ARRAY', encoding }] }),
          ),
        ],
        { name: 'raw.parquet' },
      );
    const reference = await scan('DELTA_BYTE_ARRAY');
    expect(reference.findings).toHaveLength(12);
    expect(findings(await scan('PLAIN'))).toEqual(findings(reference));
  });

  it('walk version 1 data pages: definition levels, then plain values', async () => {
    const rows = ['a', null, 'bé', null, null, 'c'];
    const present = rows.filter((r): r is string => r !== null);
    const body = new ByteWriter();
    // Definition levels: a 4-byte length, then one bit-packed run of 8 levels (1 = present).
    const levels = rows.reduce((bits, r, i) => bits | ((r === null ? 0 : 1) << i), 0);
    body.appendUint32(2);
    body.appendUint8((1 << 1) | 1);
    body.appendUint8(levels);
    for (const value of present) {
      const bytes = Buffer.from(value);
      body.appendUint32(bytes.length);
      body.appendBytes(bytes);
    }
    const page = body.getBytes();
    const chunk = new ByteWriter();
    writePageHeader(chunk, {
      type: 'DATA_PAGE',
      uncompressed_page_size: page.length,
      compressed_page_size: page.length,
      data_page_header: {
        num_values: rows.length,
        encoding: 'PLAIN',
        definition_level_encoding: 'RLE',
        repetition_level_encoding: 'RLE',
      },
    });
    chunk.appendBytes(page);
    const meta = { codec: 'UNCOMPRESSED', num_values: BigInt(rows.length) } as never;
    const pages = await readStringChunk(chunk.getBytes(), meta, true, {});
    const read = pages!.flatMap((p) =>
      Array.from({ length: p.count }, (_, k) => [
        p.rows[k],
        Buffer.from(p.buffer.subarray(p.starts[k], p.ends[k])).toString(),
      ]),
    );
    expect(read).toEqual([
      [0, 'a'],
      [2, 'bé'],
      [5, 'c'],
    ]);
  });
});
