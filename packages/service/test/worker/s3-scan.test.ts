import { setTimeout as sleep } from 'node:timers/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { createS3Client } from '../../src/sources/s3-source.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { ScanWorker } from '../../src/worker/scan-worker.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

const db = useTestDatabase();
let s3: LocalS3;
let worker: ScanWorker | undefined;

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket('customer-data');
  const client = createS3Client(s3.options);
  for (let i = 0; i < 7; i++) {
    const body = i === 2 ? awsKeyLine(2) : `row ${i}\n`;
    await client.send(
      new PutObjectCommand({ Bucket: 'customer-data', Key: `exports/part-${i}.csv`, Body: body }),
    );
  }
  await client.send(
    new PutObjectCommand({ Bucket: 'customer-data', Key: 'other/skip.csv', Body: awsKeyLine(9) }),
  );
});

afterAll(async () => {
  await s3?.close();
});

afterEach(async () => {
  await worker?.drain(5000);
});

describe('ScanWorker on an S3 bucket (s3rver)', () => {
  it('scans every object under the prefix, recording etags and the bucket on objects and findings', async () => {
    const jobs = new PgJobStore(db().pool);
    const queue = new PgQueue(db().pool, { name: 'scan', pollMs: 20 });
    const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
    const job = await jobs.createJob({ tenantId: tenant.id, source: 's3://customer-data/exports/' });
    await queue.send([JSON.stringify({ type: 'plan', job_id: job.id })]);
    worker = new ScanWorker(
      {
        jobs,
        queue,
        openSource: (uri) => createSource(uri, { roots: [], s3: { ...s3.options, pageSize: 3 } }),
        engineFor: scannerFactory('test-fingerprint-key'),
        logger: createLogger({ level: 'silent' }),
        limits: { maxObjects: 2, maxBytes: 1024 },
        concurrency: 2,
      },
      { visibilitySeconds: 30, maxReceives: 3, waitSeconds: 1, idleMs: 20 },
    ).start();
    let done = await jobs.getJob(job.id);
    while (done?.status !== 'succeeded' && done?.status !== 'failed') {
      await sleep(20);
      done = await jobs.getJob(job.id);
    }
    expect(done).toMatchObject({ status: 'succeeded', objectsTotal: 7, shardsTotal: 4, findingsCount: 1 });
    const objects = await jobs.listObjects(job.id);
    expect(objects.every((o) => o.bucket === 'customer-data' && /^[0-9a-f]{32}$/.test(o.etag ?? ''))).toBe(
      true,
    );
    const { rows } = await db().pool.query('SELECT bucket, object_key, etag, redacted FROM findings');
    expect(rows).toEqual([
      {
        bucket: 'customer-data',
        object_key: 'exports/part-2.csv',
        etag: objects.find((o) => o.key === 'exports/part-2.csv')?.etag,
        redacted: expect.stringMatching(/^AKIA\*+[A-Z2-7]{4}$/),
      },
    ]);
  });
});
