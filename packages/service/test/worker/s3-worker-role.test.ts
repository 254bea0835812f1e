import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createS3Client } from '../../src/sources/s3-source.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { CLI } from '../support/cli.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';
import { type RequestLogProxy, startRequestLogProxy } from '../support/request-log-proxy.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

const db = useTestDatabase();
let s3: LocalS3;
let proxy: RequestLogProxy;
let child: ChildProcess | undefined;

const KEYS = ['top.log', 'a/1.log', 'a/2.log', 'b/c/3.log', 'b/4.log'];

beforeAll(async () => {
  s3 = await startLocalS3();
  proxy = await startRequestLogProxy(s3.options.endpoint as string);
  await s3.createBucket('role-data');
  await s3.createBucket('role-inventory');
  const client = createS3Client(s3.options);
  for (const [i, key] of KEYS.entries()) {
    const body = i % 2 === 1 ? awsKeyLine(i) : `row ${i}\n`;
    await client.send(new PutObjectCommand({ Bucket: 'role-data', Key: key, Body: body }));
  }
  const csv = KEYS.map((key) => `"role-data","${key}","7"`).join('\n');
  await client.send(
    new PutObjectCommand({ Bucket: 'role-inventory', Key: 'inv/data/0.csv.gz', Body: gzipSync(csv) }),
  );
  await client.send(
    new PutObjectCommand({
      Bucket: 'role-inventory',
      Key: 'inv/manifest.json',
      Body: JSON.stringify({
        sourceBucket: 'role-data',
        fileFormat: 'CSV',
        fileSchema: 'Bucket, Key, Size',
        files: [{ key: 'inv/data/0.csv.gz', size: 1, MD5checksum: '00' }],
      }),
    }),
  );
});

afterAll(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  await proxy?.close();
  await s3?.close();
});

describe('the worker role on S3, as production runs it (build, 2 scan threads)', () => {
  it('lists by prefix and from an inventory, the threads reading the objects', {
    timeout: 180_000,
  }, async () => {
    child = spawn(process.execPath, [CLI, 'serve', '--role', 'worker'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: db().url,
        FINGERPRINT_KEY: 'role-test-key',
        DATA_SCANNER_S3_ENDPOINT: proxy.endpoint,
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        AWS_REGION: 'us-east-1',
        WORKER_SCAN_THREADS: '2',
        QUEUE_WAIT_SECONDS: '1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
    const store = new PgJobStore(db().pool);
    const queue = new PgQueue(db().pool, { name: 'scan' });
    const run = async (spec: { source: string; inventory?: string }) => {
      const job = await store.createJob({ tenantId: tenant.id, ...spec });
      await queue.send([JSON.stringify({ type: 'plan', job_id: job.id })]);
      for (;;) {
        const current = await store.getJob(job.id);
        if (current && ['succeeded', 'partial', 'failed'].includes(current.status)) return current;
        expect(child?.exitCode).toBeNull();
        await sleep(100);
      }
    };
    const listed = await run({ source: 's3://role-data/' });
    expect(listed).toMatchObject({ status: 'succeeded', objectsTotal: 5, findingsCount: 2 });
    const { rows } = await db().pool.query(
      "SELECT ref FROM job_listing_parts WHERE job_id = $1 AND kind = 'prefix' ORDER BY part",
      [listed.id],
    );
    expect(rows.map((r) => r.ref)).toEqual(['a/', 'b/']);

    proxy.requests.length = 0;
    const fromInventory = await run({
      source: 's3://role-data/',
      inventory: 's3://role-inventory/inv/manifest.json',
    });
    expect(fromInventory).toMatchObject({ status: 'succeeded', objectsTotal: 5, findingsCount: 2 });
    expect(proxy.requests.filter((r) => r.includes('list-type=2'))).toEqual([]);
    expect(log).toContain('"engine":"threads (2, reading their own objects)"');
  });
});
