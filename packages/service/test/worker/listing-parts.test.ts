import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import type { Job } from '../../src/ports/job-store.ts';
import type { ObjectSource } from '../../src/ports/object-source.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { createS3Client, type S3SourceOptions } from '../../src/sources/s3-source.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { processMessage, type WorkerDeps } from '../../src/worker/job-processor.ts';
import { parseWorkMessage } from '../../src/worker/messages.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';
import { type RequestLogProxy, startRequestLogProxy } from '../support/request-log-proxy.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

const db = useTestDatabase();
let s3: LocalS3;
let proxy: RequestLogProxy;
let options: S3SourceOptions;

const put = (bucket: string, key: string, body: string | Uint8Array) =>
  createS3Client(options).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

/** Keys of the source bucket, and which hold a credential. */
const KEYS = [
  'top.txt',
  'alpha/1.log',
  'alpha/2.log',
  'beta/deep/1.log',
  'beta/deep/2.log',
  'beta/3.log',
  'gamma/1.log',
  'reports/q1 summary.csv',
];
const SECRET_KEYS = new Set(['alpha/2.log', 'beta/deep/1.log', 'reports/q1 summary.csv']);

beforeAll(async () => {
  s3 = await startLocalS3();
  proxy = await startRequestLogProxy(s3.options.endpoint as string);
  options = { ...s3.options, endpoint: proxy.endpoint };
  await s3.createBucket('source-data');
  await s3.createBucket('inventory-bucket');
  for (const [i, key] of KEYS.entries()) {
    await put('source-data', key, SECRET_KEYS.has(key) ? awsKeyLine(i) : `row ${i}\n`);
  }
});

afterAll(async () => {
  await proxy?.close();
  await s3?.close();
});

/**
 * Runs a job's messages to the end with two workers taking messages at once (each its own
 * deps), and returns the job and the types of the messages handled.
 */
async function runWithTwoWorkers(spec: {
  source: string;
  inventory?: string;
}): Promise<{ job: Job; types: string[] }> {
  const pool = db().pool;
  const jobs = new PgJobStore(pool);
  const queue = new PgQueue(pool, { name: 'scan', pollMs: 20 });
  const tenant = await new PgTenantStore(pool).ensureTenant('local');
  const deps = (): WorkerDeps => ({
    jobs,
    queue,
    openSource: (uri) => createSource(uri, { roots: [], s3: { ...options, pageSize: 2 } }),
    engineFor: scannerFactory('test-fingerprint-key'),
    logger: createLogger({ level: 'silent' }),
    limits: { maxObjects: 2, maxBytes: 1024 * 1024 },
    concurrency: 2,
    listFanout: true,
  });
  const job = await jobs.createJob({ tenantId: tenant.id, ...spec });
  await queue.send([JSON.stringify({ type: 'plan', job_id: job.id })]);
  const types: string[] = [];
  const worker = async (d: WorkerDeps, max = Number.POSITIVE_INFINITY) => {
    for (let n = 0; n < max; n++) {
      const [message] = await queue.receive({ max: 1, waitSeconds: 0, visibilitySeconds: 30 });
      if (!message) return;
      const parsed = parseWorkMessage(message.body);
      types.push(parsed.type);
      await processMessage(d, parsed, new AbortController().signal);
      await queue.delete([message.receipt]);
    }
  };
  // The plan message first (so both workers have work), then two workers at once until the queue is empty.
  await worker(deps(), 1);
  await Promise.all([worker(deps()), worker(deps())]);
  return { job: (await jobs.getJob(job.id)) as Job, types };
}

async function storedKeys(jobId: string): Promise<string[]> {
  const { rows } = await db().pool.query<{ key: string }>(
    'SELECT key FROM job_objects WHERE job_id = $1 ORDER BY key',
    [jobId],
  );
  return rows.map((r) => r.key);
}

const listCalls = () => proxy.requests.filter((r) => /[?&]list-type=2/.test(r));

describe('listing a bucket by prefix (delimiter fan-out)', () => {
  it('lists each top-level prefix by its own message and scans every object once', async () => {
    proxy.requests.length = 0;
    const { job, types } = await runWithTwoWorkers({ source: 's3://source-data/' });
    expect(job).toMatchObject({ status: 'succeeded', objectsTotal: KEYS.length, findingsCount: 3 });
    expect(await storedKeys(job.id)).toEqual([...KEYS].sort());
    // One list message per prefix under the root: alpha/, beta/, gamma/, reports/.
    expect(types.filter((t) => t === 'list')).toHaveLength(4);
    const delimited = listCalls().filter((r) => r.includes('delimiter=%2F'));
    expect(delimited.length).toBeGreaterThan(0);
    for (const prefix of ['alpha', 'beta', 'gamma', 'reports']) {
      expect(listCalls().some((r) => r.includes(`prefix=${prefix}%2F`) && !r.includes('delimiter'))).toBe(
        true,
      );
    }
    const { rows } = await db().pool.query(
      'SELECT part, kind, ref, done FROM job_listing_parts WHERE job_id = $1 ORDER BY part',
      [job.id],
    );
    expect(rows).toEqual([
      { part: 0, kind: 'root', ref: '', done: true },
      { part: 1, kind: 'prefix', ref: 'alpha/', done: true },
      { part: 2, kind: 'prefix', ref: 'beta/', done: true },
      { part: 3, kind: 'prefix', ref: 'gamma/', done: true },
      { part: 4, kind: 'prefix', ref: 'reports/', done: true },
    ]);
  });
});

const CSV_SCHEMA =
  'Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass';

/** One CSV inventory row as S3 writes it: every field quoted, the key URL-encoded. */
function csvRow(
  key: string,
  size: number,
  extra: { latest?: boolean; marker?: boolean; bucket?: string } = {},
) {
  const encoded = encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
  return [
    extra.bucket ?? 'source-data',
    encoded,
    '',
    String(extra.latest ?? true),
    String(extra.marker ?? false),
    String(size),
    '2026-12-06T01:02:03.000Z',
    'd41d8cd98f00b204e9800998ecf8427e',
    'STANDARD',
  ]
    .map((f) => `"${f}"`)
    .join(',');
}

async function putManifest(name: string, manifest: Record<string, unknown>): Promise<string> {
  const key = `source-data/${name}/2026-12-07T01-00Z/manifest.json`;
  await put('inventory-bucket', key, JSON.stringify(manifest));
  return `s3://inventory-bucket/${key}`;
}

describe('listing from an S3 Inventory', () => {
  it('plans from gzip CSV data files, in parallel, with no ListObjectsV2 call', async () => {
    const files = [
      [
        csvRow('alpha/1.log', 6),
        csvRow('alpha/2.log', 60),
        csvRow('alpha/gone.log', 0, { marker: true }),
        csvRow('alpha/old.log', 5, { latest: false }),
        csvRow('beta/', 0),
      ],
      [
        csvRow('beta/deep/1.log', 60),
        csvRow('reports/q1 summary.csv', 60),
        csvRow('other/x.log', 6, { bucket: 'elsewhere' }),
      ],
    ];
    const data = [];
    for (const [i, rows] of files.entries()) {
      const key = `source-data/daily/data/file-${i}.csv.gz`;
      const body = gzipSync(`${rows.join('\n')}\n`);
      await put('inventory-bucket', key, body);
      data.push({ key, size: body.length, MD5checksum: '00' });
    }
    const inventory = await putManifest('daily', {
      sourceBucket: 'source-data',
      destinationBucket: 'arn:aws:s3:::inventory-bucket',
      version: '2016-11-30',
      creationTimestamp: '1796605200000',
      fileFormat: 'CSV',
      fileSchema: CSV_SCHEMA,
      files: data,
    });
    proxy.requests.length = 0;
    const { job, types } = await runWithTwoWorkers({ source: 's3://source-data/', inventory });
    expect(job).toMatchObject({ status: 'succeeded', objectsTotal: 4, findingsCount: 3 });
    expect(await storedKeys(job.id)).toEqual([
      'alpha/1.log',
      'alpha/2.log',
      'beta/deep/1.log',
      'reports/q1 summary.csv',
    ]);
    expect(types.filter((t) => t === 'list')).toHaveLength(2);
    expect(listCalls()).toEqual([]);
    expect(proxy.requests.some((r) => r.includes('file-0.csv.gz'))).toBe(true);
  });

  it('plans from Parquet data files, keeping only the source prefix', async () => {
    const keys = ['alpha/1.log', 'alpha/2.log', 'beta/3.log', 'beta/deep/1.log'];
    const body = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'bucket', data: keys.map(() => 'source-data'), type: 'STRING' },
          { name: 'key', data: keys, type: 'STRING' },
          { name: 'size', data: keys.map(() => 60n), type: 'INT64' },
          { name: 'is_latest', data: keys.map(() => true), type: 'BOOLEAN' },
          { name: 'is_delete_marker', data: keys.map(() => false), type: 'BOOLEAN' },
          { name: 'e_tag', data: keys.map(() => 'd41d8cd98f00b204e9800998ecf8427e'), type: 'STRING' },
        ],
      }),
    );
    await put('inventory-bucket', 'source-data/pq/data/a.parquet', body);
    const inventory = await putManifest('pq', {
      sourceBucket: 'source-data',
      destinationBucket: 'arn:aws:s3:::inventory-bucket',
      version: '2016-11-30',
      fileFormat: 'Parquet',
      fileSchema: 'message s3.inventory { required binary bucket (STRING); required binary key (STRING); }',
      files: [{ key: 'source-data/pq/data/a.parquet', size: body.length, MD5checksum: '00' }],
    });
    proxy.requests.length = 0;
    const { job } = await runWithTwoWorkers({ source: 's3://source-data/beta/', inventory });
    expect(job).toMatchObject({ status: 'succeeded', objectsTotal: 2, findingsCount: 1 });
    expect(await storedKeys(job.id)).toEqual(['beta/3.log', 'beta/deep/1.log']);
    expect(listCalls()).toEqual([]);
  });

  it('fails the job with the manifest’s problem named when the manifest is for another bucket or unreadable', async () => {
    const other = await putManifest('other', {
      sourceBucket: 'another-bucket',
      fileFormat: 'CSV',
      fileSchema: CSV_SCHEMA,
      files: [],
    });
    await expect(runWithTwoWorkers({ source: 's3://source-data/', inventory: other })).rejects.toThrow(
      /lists bucket another-bucket, not the source's bucket source-data/,
    );
    const orc = await putManifest('orc', { sourceBucket: 'source-data', fileFormat: 'ORC', files: [] });
    await expect(runWithTwoWorkers({ source: 's3://source-data/', inventory: orc })).rejects.toThrow(
      /fileFormat "ORC" is not read/,
    );
  });
});

describe('a listing part delivered again', () => {
  it('re-sends the shards its first attempt filled, so the job still ends', async () => {
    const pool = db().pool;
    const jobs = new PgJobStore(pool);
    const queue = new PgQueue(pool, { name: 'scan', pollMs: 20 });
    const tenant = await new PgTenantStore(pool).ensureTenant('local');
    let attempts = 0;
    const objects = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        key: `${prefix}${String(i).padStart(4, '0')}`,
        size: 1,
        bucket: 'synthetic',
      }));
    // The root finds one prefix; its first listing fails after 600 objects, with shard 4 filled but not yet sent.
    const source = (uri: string): ObjectSource => ({
      uri,
      async *listLevel() {
        yield { prefix: 'p/' };
      },
      async *list() {
        attempts++;
        for (const [i, object] of objects('p/', 700).entries()) {
          if (attempts === 1 && i === 600) throw new Error('connection reset while listing');
          yield object;
        }
      },
      read: async () => ({ stream: Readable.from([]), size: 0 }),
      readRange: async () => new Uint8Array(),
    });
    const deps: WorkerDeps = {
      jobs,
      queue,
      openSource: async (uri) => source(uri),
      engineFor: scannerFactory('test-fingerprint-key'),
      logger: createLogger({ level: 'silent' }),
      limits: { maxObjects: 100, maxBytes: 1 << 30 },
      concurrency: 2,
      listFanout: true,
    };
    const job = await jobs.createJob({ tenantId: tenant.id, source: 's3://synthetic/' });
    await queue.send([JSON.stringify({ type: 'plan', job_id: job.id })]);
    for (;;) {
      const [message] = await queue.receive({ max: 1, waitSeconds: 0, visibilitySeconds: 30 });
      if (!message) break;
      // A failed message is delivered again (here at once, instead of after its visibility timeout).
      await processMessage(deps, parseWorkMessage(message.body), new AbortController().signal).catch(() =>
        queue.send([message.body]),
      );
      await queue.delete([message.receipt]);
    }
    expect(attempts).toBe(2);
    expect(await jobs.getJob(job.id)).toMatchObject({
      status: 'succeeded',
      objectsTotal: 700,
      objectsDone: 700,
    });
  });
});
