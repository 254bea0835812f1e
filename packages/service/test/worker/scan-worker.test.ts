import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import type { JobStatus } from '../../src/ports/job-store.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import type { WorkerDeps } from '../../src/worker/job-processor.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { ScanWorker } from '../../src/worker/scan-worker.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

const db = useTestDatabase();
let root: string;
let workers: ScanWorker[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'worker-root-'));
  await mkdir(path.join(root, 'bucket/deep'), { recursive: true });
  for (let i = 0; i < 12; i++) {
    const body = i % 3 === 0 ? `line\n${awsKeyLine(i)}` : `nothing here ${i}\n`;
    await writeFile(
      path.join(root, `bucket/${i < 6 ? '' : 'deep/'}f${String(i).padStart(2, '0')}.txt`),
      body,
    );
  }
  await mkdir(path.join(root, 'flaky'));
  await writeFile(path.join(root, 'flaky/fail-engine.txt'), 'x');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Streams handed to a scan that the fault injection keeps hanging; closed after each test. */
let hungStreams: { destroy(): void }[] = [];

afterEach(async () => {
  await Promise.all(workers.map((w) => w.drain(5000)));
  workers = [];
  for (const stream of hungStreams) stream.destroy();
  hungStreams = [];
});

function setup(
  options: {
    maxReceives?: number;
    shardMaxObjects?: number;
    hangOn?: string;
    visibilitySeconds?: number;
  } = {},
) {
  const jobs = new PgJobStore(db().pool);
  const queue = new PgQueue(db().pool, { name: 'scan', pollMs: 20 });
  const hung: string[] = [];
  const scanner = scannerFactory('test-fingerprint-key');
  const deps: WorkerDeps = {
    jobs,
    queue,
    openSource: (uri) => createSource(uri, { roots: [root] }),
    // The real engine, with faults injected for the retry and drain tests.
    engineFor: (job) => ({
      scanObject: async (stream, object) => {
        if (object.name === options.hangOn) {
          hung.push(object.name);
          if ('destroy' in stream) hungStreams.push(stream);
          return new Promise(() => {});
        }
        if (object.name.includes('fail-engine')) throw new Error('engine exploded');
        return scanner(job).scanObject(stream, object);
      },
    }),
    logger: createLogger({ level: 'silent' }),
    limits: { maxObjects: options.shardMaxObjects ?? 5, maxBytes: 1024 * 1024 },
    concurrency: 3,
  };
  const start = () => {
    const worker = new ScanWorker(deps, {
      visibilitySeconds: options.visibilitySeconds ?? 30,
      maxReceives: options.maxReceives ?? 3,
      waitSeconds: 1,
      idleMs: 20,
    }).start();
    workers.push(worker);
    return worker;
  };
  const submit = async (source: string) => {
    const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
    const job = await jobs.createJob({ tenantId: tenant.id, source });
    await queue.send([JSON.stringify({ type: 'plan', job_id: job.id })]);
    return job.id;
  };
  const settled = async (
    jobId: string,
    statuses: JobStatus[] = ['succeeded', 'partial', 'failed', 'cancelled'],
  ) => {
    for (;;) {
      const job = await jobs.getJob(jobId);
      if (job && statuses.includes(job.status)) return job;
      await sleep(20);
    }
  };
  return { jobs, queue, deps, start, submit, settled, hung };
}

describe('ScanWorker on PostgreSQL', () => {
  it('plans a folder into shards, scans every object once, finishes the job with one outbox event', async () => {
    const t = setup();
    t.start();
    const jobId = await t.submit(pathToFileURL(path.join(root, 'bucket')).href);
    const job = await t.settled(jobId);
    expect(job).toMatchObject({
      status: 'succeeded',
      objectsTotal: 12,
      objectsDone: 12,
      objectsComplete: 12,
    });
    expect(job.shardsTotal).toBe(3);
    expect(job.findingsCount).toBe(4);
    const objects = await t.jobs.listObjects(jobId);
    expect(objects.map((o) => o.status)).toEqual(Array(12).fill('COMPLETE'));
    const outbox = await db().pool.query('SELECT kind FROM outbox WHERE job_id = $1', [jobId]);
    expect(outbox.rows).toEqual([{ kind: 'job.finished' }]);
    expect(await t.queue.depth()).toBe(0);
  });

  it('writes nothing twice when shard and plan messages are delivered again', async () => {
    const t = setup();
    t.start();
    const jobId = await t.submit(pathToFileURL(path.join(root, 'bucket')).href);
    await t.settled(jobId);
    await t.queue.send([
      JSON.stringify({ type: 'shard', job_id: jobId, shard: 0 }),
      JSON.stringify({ type: 'plan', job_id: jobId }),
    ]);
    while ((await t.queue.depth()) > 0) await sleep(20);
    const { rows } = await db().pool.query('SELECT count(*)::int AS n FROM findings WHERE job_id = $1', [
      jobId,
    ]);
    expect(rows[0].n).toBe(4);
    expect(await t.jobs.getJob(jobId)).toMatchObject({
      objectsDone: 12,
      findingsCount: 4,
      status: 'succeeded',
    });
  });

  it('dead-letters a poison message and fails its job with the reason', async () => {
    const t = setup();
    const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
    const job = await t.jobs.createJob({ tenantId: tenant.id, source: pathToFileURL(root).href });
    await t.queue.send([JSON.stringify({ type: 'shard', job_id: job.id, shard: 'first' })]);
    t.start();
    const failed = await t.settled(job.id);
    expect(failed).toMatchObject({
      status: 'failed',
      statusReason: 'shard message has no valid shard number',
    });
    expect(await t.queue.deadLetters()).toEqual([
      expect.objectContaining({ reason: 'shard message has no valid shard number' }),
    ]);
  });

  it('fails a job whose source lies outside the allowed roots, without retrying', async () => {
    const t = setup();
    t.start();
    const jobId = await t.submit('file:///etc');
    const failed = await t.settled(jobId);
    expect(failed.status).toBe('failed');
    expect(failed.statusReason).toMatch(/outside the allowed roots/);
    expect((await t.queue.deadLetters())[0]?.receiveCount).toBe(1);
  });

  it('retries a failing shard until maxReceives, then dead-letters it and fails the job', async () => {
    const t = setup({ maxReceives: 2 });
    t.start();
    const jobId = await t.submit(pathToFileURL(path.join(root, 'flaky')).href);
    await t.settled(jobId, ['scanning']);
    // Backdate the failed delivery instead of waiting out the visibility timeout.
    while ((await t.queue.deadLetters()).length === 0) {
      await db().pool.query(`UPDATE queue_messages SET visible_at = now() WHERE receive_count > 0`);
      await sleep(20);
    }
    const failed = await t.settled(jobId);
    expect(failed.status).toBe('failed');
    expect(failed.statusReason).toBe('failed 2 times, last error: engine exploded');
  });

  it('honours cancellation: a cancelled job scans nothing more and stays cancelled', async () => {
    const t = setup({ shardMaxObjects: 1 });
    const jobId = await t.submit(pathToFileURL(path.join(root, 'bucket')).href);
    const [plan] = await t.queue.receive();
    await t.queue.changeVisibility(plan?.receipt as string, 0);
    await t.jobs.cancelJob(jobId);
    t.start();
    while ((await t.queue.depth()) > 0) await sleep(20);
    expect(await t.jobs.getJob(jobId)).toMatchObject({ status: 'cancelled', objectsDone: 0 });
  });

  it('drain: at the deadline the in-flight message is released at once for another worker', async () => {
    const t = setup({ shardMaxObjects: 100, hangOn: 'f03.txt' });
    const worker = t.start();
    const jobId = await t.submit(pathToFileURL(path.join(root, 'bucket')).href);
    while (t.hung.length === 0) await sleep(20);
    await worker.drain(50);
    const { rows } = await db().pool.query(
      'SELECT body, receive_count, visible_at <= now() AS visible FROM queue_messages',
    );
    expect(rows).toEqual([
      { body: JSON.stringify({ type: 'shard', job_id: jobId, shard: 0 }), receive_count: 1, visible: true },
    ]);
    const job = await t.jobs.getJob(jobId);
    expect(job?.status).toBe('scanning');
    expect(job?.objectsDone).toBeLessThan(12);
  });

  it('heartbeat: a live worker keeps extending the visibility of the message it works on', async () => {
    const t = setup({ shardMaxObjects: 100, hangOn: 'f03.txt', visibilitySeconds: 1 });
    t.start();
    await t.submit(pathToFileURL(path.join(root, 'bucket')).href);
    while (t.hung.length === 0) await sleep(20);
    const first = await db().pool.query('SELECT visible_at FROM queue_messages');
    let extended = false;
    while (!extended) {
      await sleep(50);
      const now = await db().pool.query('SELECT visible_at FROM queue_messages');
      extended = now.rows[0].visible_at > first.rows[0].visible_at;
    }
    const { rows } = await db().pool.query('SELECT receive_count FROM queue_messages');
    expect(rows).toEqual([{ receive_count: 1 }]);
  });
});
