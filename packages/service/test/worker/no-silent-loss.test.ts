import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { countFindings } from '../../src/store/finding-counts.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { ScanWorker } from '../../src/worker/scan-worker.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

const db = useTestDatabase();
const KEYS = 1200;
const EMAILS = 2000;
const THRESHOLD = 50;
let root: string;
let worker: ScanWorker | undefined;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'no-silent-loss-'));
  await mkdir(path.join(root, 'data'));
  const filler = 'GET /api/items 200 12ms lorem ipsum dolor sit amet consectetur\n'.repeat(80);
  const log = Array.from({ length: KEYS }, (_, i) => `${filler}${awsKeyLine(i)}`).join('');
  await writeFile(path.join(root, 'data/app.log'), log);
  const rows = Array.from({ length: EMAILS }, (_, i) => `${i},user${i}@northwind-traders.com`);
  await writeFile(path.join(root, 'data/people.csv'), `id,email\n${rows.join('\n')}\n`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

afterEach(async () => {
  await worker?.drain(5000);
  worker = undefined;
});

describe('the worker loses nothing', () => {
  it('stores every credential, counts aggregated personal data exactly, and counts nothing twice on redelivery', async () => {
    const jobs = new PgJobStore(db().pool);
    const queue = new PgQueue(db().pool, { name: 'scan', pollMs: 20 });
    worker = new ScanWorker(
      {
        jobs,
        queue,
        openSource: (uri) => createSource(uri, { roots: [root] }),
        engineFor: scannerFactory('test-fingerprint-key', undefined, { aggregateThreshold: THRESHOLD }),
        logger: createLogger({ level: 'silent' }),
        limits: { maxObjects: 1, maxBytes: 1024 * 1024 * 1024 },
        concurrency: 2,
      },
      { visibilitySeconds: 60, maxReceives: 3, waitSeconds: 1, idleMs: 20 },
    ).start();
    const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
    const created = await jobs.createJob({
      tenantId: tenant.id,
      source: pathToFileURL(path.join(root, 'data')).href,
    });
    await queue.send([JSON.stringify({ type: 'plan', job_id: created.id })]);
    const settled = async () => {
      for (;;) {
        const job = await jobs.getJob(created.id);
        if (job && ['succeeded', 'partial', 'failed'].includes(job.status)) return job;
        await sleep(20);
      }
    };
    const job = await settled();
    expect(job).toMatchObject({ status: 'succeeded', objectsComplete: 2, aggregateThreshold: THRESHOLD });

    const stored = async () => {
      const { rows: findings } = await db().pool.query(
        `SELECT detector, object_key, count(*)::int AS n FROM findings WHERE job_id = $1
         GROUP BY detector, object_key ORDER BY object_key, detector`,
        [created.id],
      );
      const { rows: aggregates } = await db().pool.query(
        `SELECT object_key, detector, field, match_count::int AS count, threshold, jsonb_array_length(samples) AS samples
         FROM finding_aggregates WHERE job_id = $1`,
        [created.id],
      );
      const { rows: objects } = await db().pool.query(
        'SELECT key, findings_count, findings_aggregated FROM job_objects WHERE job_id = $1 ORDER BY key',
        [created.id],
      );
      return { findings, aggregates, objects, job: await jobs.getJob(created.id) };
    };
    const first = await stored();
    expect(first.findings).toEqual([
      { detector: 'aws-access-key-id', object_key: 'app.log', n: KEYS },
      { detector: 'email', object_key: 'people.csv', n: THRESHOLD },
    ]);
    expect(first.aggregates).toEqual([
      {
        object_key: 'people.csv',
        detector: 'email',
        field: 'email',
        count: EMAILS - THRESHOLD,
        threshold: THRESHOLD,
        samples: 10,
      },
    ]);
    expect(first.objects).toEqual([
      { key: 'app.log', findings_count: KEYS, findings_aggregated: 0 },
      { key: 'people.csv', findings_count: EMAILS, findings_aggregated: EMAILS - THRESHOLD },
    ]);
    expect(first.job).toMatchObject({ findingsCount: KEYS + EMAILS, findingsAggregated: EMAILS - THRESHOLD });
    const summary = await countFindings(db().pool, created.id, tenant.id);
    expect(summary.by_detector).toEqual({ email: EMAILS, 'aws-access-key-id': KEYS });

    await queue.send([
      JSON.stringify({ type: 'shard', job_id: created.id, shard: 0 }),
      JSON.stringify({ type: 'shard', job_id: created.id, shard: 1 }),
      JSON.stringify({ type: 'plan', job_id: created.id }),
    ]);
    while ((await queue.depth()) > 0) await sleep(20);
    expect(await stored()).toEqual(first);
  });
});
