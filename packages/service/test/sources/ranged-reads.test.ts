import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Scanner } from '@data-scanner/detect';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client, FilesystemSource, rangeReader, S3Source } from '../../src/sources/index.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

const BODY = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz');
const EMAIL = 'maria.lopez@northwind-traders.com';

/** 30,000 rows in three row groups; the email is planted at row 25,000 of the `contact` column. */
function parquet(): Buffer {
  const notes = Array.from(
    { length: 30_000 },
    (_, i) => `note ${i} ${((i * 2654435761) >>> 0).toString(36)}`,
  );
  const contact = notes.map((_, i) => (i === 25_000 ? EMAIL : `n/a ${i}`));
  return Buffer.from(
    parquetWriteBuffer({
      columnData: [
        { name: 'note', data: notes, type: 'STRING' },
        { name: 'contact', data: contact, type: 'STRING' },
      ],
      rowGroupSize: 10_000,
    }),
  );
}

let s3: LocalS3;
let tmp: string;

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket('lake');
  const client = createS3Client(s3.options);
  await client.send(new PutObjectCommand({ Bucket: 'lake', Key: 'raw/alphabet.txt', Body: BODY }));
  await client.send(new PutObjectCommand({ Bucket: 'lake', Key: 'raw/contacts.parquet', Body: parquet() }));
  tmp = await mkdtemp(path.join(tmpdir(), 'ranged-'));
  await writeFile(path.join(tmp, 'alphabet.txt'), BODY);
});

afterAll(async () => {
  await s3?.close();
  await rm(tmp, { recursive: true, force: true });
});

async function sources(): Promise<[string, S3Source | FilesystemSource, string][]> {
  return [
    ['s3', new S3Source('s3://lake/raw/', s3.options), 'raw/alphabet.txt'],
    ['filesystem', await FilesystemSource.create(pathToFileURL(tmp).href, { roots: [tmp] }), 'alphabet.txt'],
  ];
}

describe('ranged reads', () => {
  it('reads [start, end) of an object from S3 and from a folder, clamped at the end', async () => {
    for (const [name, source, key] of await sources()) {
      const object = await source.head(key);
      expect(Buffer.from(await source.readRange(object, 10, 16)).toString(), name).toBe('abcdef');
      expect(Buffer.from(await source.readRange(object, 30, 36)).toString(), name).toBe('uvwxyz');
      expect(Buffer.from(await source.readRange(object, 30, 1000)).toString(), name).toBe('uvwxyz');
      expect((await source.readRange(object, 5, 5)).length, name).toBe(0);
    }
  });

  it('scans a Parquet object on S3 by range, with its locations, fetching a part of it', async () => {
    const source = new S3Source('s3://lake/raw/', s3.options);
    const object = await source.head('raw/contacts.parquet');
    const opened = await source.read(object);
    let fetched = 0;
    let largest = 0;
    const random = rangeReader(source, { ...object, etag: opened.etag }, opened.size);
    const counting = {
      size: random.size,
      read: async (start: number, end: number) => {
        const bytes = await random.read(start, end);
        fetched += bytes.length;
        largest = Math.max(largest, bytes.length);
        return bytes;
      },
    };
    const scanner = new Scanner({ fingerprintKey: 'ranged-test' });
    const result = await scanner.scanObject(opened.stream, {
      name: object.key,
      size: opened.size,
      random: counting,
    });
    expect(result.status, result.reason_detail).toBe('COMPLETE');
    expect(result.findings.map((f) => [f.detector, f.location])).toMatchObject([
      ['email', { record_index: 25_000, row_group: 2, column_name: 'contact' }],
    ]);
    // Each byte once (plus the 64 KiB footer read), in pieces well below the object's size.
    expect(fetched).toBeLessThanOrEqual(opened.size + 64 * 1024);
    expect(largest).toBeLessThan(opened.size / 2);
  });
});
