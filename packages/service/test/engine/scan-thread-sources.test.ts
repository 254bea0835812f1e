import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Scanner } from '@data-scanner/detect';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFromSource } from '../../src/engine/scan-from-source.ts';
import { ScanThreadPool } from '../../src/engine/scan-thread-pool.ts';
import type { ScanEngine } from '../../src/ports/scan-engine.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { createS3Client } from '../../src/sources/s3-source.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

const KEY = 'thread-sources-key';
const text = Array.from({ length: 3000 }, (_, i) =>
  i % 500 === 7 ? awsKeyLine(i) : `line ${i} nothing\n`,
).join('');
let dir: string;
let s3: LocalS3;
let pool: ScanThreadPool;
let engine: ScanEngine;
const inProcess = new Scanner({ fingerprintKey: KEY });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'thread-sources-'));
  await mkdir(path.join(dir, 'logs'));
  await writeFile(path.join(dir, 'logs/a.log'), text);
  const notes = Array.from({ length: 5000 }, (_, i) => (i === 4321 ? awsKeyLine(i) : `note ${i}`));
  await writeFile(
    path.join(dir, 'notes.parquet'),
    new Uint8Array(
      parquetWriteBuffer({ columnData: [{ name: 'note', data: notes, type: 'STRING' }], rowGroupSize: 1000 }),
    ),
  );
  s3 = await startLocalS3();
  await s3.createBucket('thread-data');
  await createS3Client(s3.options).send(
    new PutObjectCommand({ Bucket: 'thread-data', Key: 'exports/a.log', Body: text }),
  );
  pool = new ScanThreadPool({ threads: 2, fingerprintKey: KEY, sources: { roots: [dir], s3: s3.options } });
  engine = pool.engine();
});

afterAll(async () => {
  await pool?.close();
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ScanThreadPool reading objects in its threads (scanFromSource)', () => {
  it('scans a local file and a Parquet file (ranged reads) as the calling thread would', async () => {
    const source = await createSource(dir, { roots: [dir] });
    for (const key of ['logs/a.log', 'notes.parquet']) {
      const object = { key, size: 0 };
      const threaded = await engine.scanFromSource?.({ source: source.uri, object });
      const local = await scanFromSource(inProcess, source, { object });
      expect(threaded).toEqual(local);
      expect(threaded).toMatchObject({ kind: 'scanned', result: { status: 'COMPLETE' } });
    }
    const log = await engine.scanFromSource?.({ source: source.uri, object: { key: 'logs/a.log', size: 0 } });
    expect(log?.kind === 'scanned' && log.result.findings).toHaveLength(6);
  });

  it('reads an S3 object in the thread and reports the etag of what it read', async () => {
    const source = await createSource('s3://thread-data/exports/', { roots: [], s3: s3.options });
    const listed = [];
    for await (const object of source.list()) listed.push(object);
    expect(listed).toHaveLength(1);
    const scan = await engine.scanFromSource?.({ source: source.uri, object: listed[0] as never });
    expect(scan).toMatchObject({ kind: 'scanned', size: text.length, etag: listed[0]?.etag });
    expect(scan?.kind === 'scanned' && scan.result.findings).toHaveLength(6);
  });

  it('reads only the sampled head of an object', async () => {
    const source = await createSource(dir, { roots: [dir] });
    const head = text.indexOf(awsKeyLine(507)) + awsKeyLine(507).length;
    const scan = await engine.scanFromSource?.({
      source: source.uri,
      object: { key: 'logs/a.log', size: text.length },
      maxBytes: head,
    });
    expect(scan).toMatchObject({ kind: 'scanned', size: text.length });
    expect(scan?.kind === 'scanned' && scan.result.findings).toHaveLength(2);
  });

  it('reports an object that cannot be opened, and a source outside the roots, with the source’s code', async () => {
    const source = await createSource(dir, { roots: [dir] });
    const missing = await engine.scanFromSource?.({
      source: source.uri,
      object: { key: 'gone.log', size: 1 },
    });
    expect(missing).toMatchObject({ kind: 'unopened', code: 'NOT_FOUND', retryable: false });
    const outside = await engine.scanFromSource?.({
      source: 'file:///etc',
      object: { key: 'passwd', size: 1 },
    });
    expect(outside).toMatchObject({ kind: 'unopened', code: 'OUTSIDE_ROOT', retryable: false });
    const after = await engine.scanFromSource?.({
      source: source.uri,
      object: { key: 'logs/a.log', size: 0 },
    });
    expect(after?.kind).toBe('scanned');
  });

  it('offers no scanFromSource without sources, and refuses an S3 client it cannot hand a thread', async () => {
    const plain = new ScanThreadPool({ threads: 1, fingerprintKey: KEY });
    expect(plain.engine().scanFromSource).toBeUndefined();
    await plain.close();
    expect(
      () =>
        new ScanThreadPool({
          threads: 1,
          fingerprintKey: KEY,
          sources: { roots: [], s3: { client: createS3Client(s3.options) } },
        }),
    ).toThrow(/not a client/);
  });
});
