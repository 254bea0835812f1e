import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { createS3Client } from '../../src/sources/s3-source.ts';
import { FINDING_COLUMNS, type FindingRow } from '../../src/store/finding-rows.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { findingView } from '../../src/views/row-views.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { ScanWorker } from '../../src/worker/scan-worker.ts';
import { useTestDatabase } from '../support/database.ts';
import { type DocumentFixture, documentFixtures } from '../support/documents.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

const db = useTestDatabase();
let fixtures: DocumentFixture[];
let root: string;
let s3: LocalS3;
let worker: ScanWorker | undefined;

beforeAll(async () => {
  fixtures = await documentFixtures();
  root = await mkdtemp(path.join(tmpdir(), 'document-formats-'));
  s3 = await startLocalS3();
  await s3.createBucket('office-share');
  const client = createS3Client(s3.options);
  for (const f of fixtures) {
    await writeFile(path.join(root, f.name), f.body);
    await client.send(new PutObjectCommand({ Bucket: 'office-share', Key: `share/${f.name}`, Body: f.body }));
  }
});

afterAll(async () => {
  await s3?.close();
  await rm(root, { recursive: true, force: true });
});

afterEach(async () => {
  await worker?.drain(5000);
  worker = undefined;
});

/** Scans `source` through the worker and returns the API's view of each finding, by object name. */
async function scanThroughService(source: string) {
  const jobs = new PgJobStore(db().pool);
  const queue = new PgQueue(db().pool, { name: 'scan', pollMs: 20 });
  worker = new ScanWorker(
    {
      jobs,
      queue,
      openSource: (uri) => createSource(uri, { roots: [root], s3: s3.options }),
      engineFor: scannerFactory('test-fingerprint-key'),
      logger: createLogger({ level: 'silent' }),
      limits: { maxObjects: 3, maxBytes: 64 * 1024 * 1024 },
      concurrency: 2,
    },
    { visibilitySeconds: 60, maxReceives: 3, waitSeconds: 1, idleMs: 20 },
  ).start();
  const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
  const created = await jobs.createJob({ tenantId: tenant.id, source });
  await queue.send([JSON.stringify({ type: 'plan', job_id: created.id })]);
  for (;;) {
    const job = await jobs.getJob(created.id);
    if (job && ['succeeded', 'partial', 'failed'].includes(job.status)) break;
    await sleep(20);
  }
  const { rows } = await db().pool.query<FindingRow>(
    `SELECT ${FINDING_COLUMNS} FROM findings WHERE job_id = $1 AND detector = 'aws-access-key-id'`,
    [created.id],
  );
  const objects = await jobs.listObjects(created.id);
  return { findings: rows.map(findingView), objects };
}

describe.each([
  ['a local folder', () => pathToFileURL(root).href],
  ['an S3 bucket (s3rver)', () => 's3://office-share/share/'],
])('documents and data files from %s', (_, source) => {
  it('are read to the end and their findings keep their document locations through the API', async () => {
    const { findings, objects } = await scanThroughService(source());
    expect(objects.map((o) => [path.basename(o.key), o.status]).sort()).toEqual(
      fixtures.map((f) => [f.name, 'COMPLETE']).sort(),
    );
    for (const f of fixtures) {
      const hit = findings.find((x) => x.object.key.endsWith(f.name));
      expect(hit?.location, f.name).toMatchObject(f.expected);
    }
  });
});
