import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { ScanWorker } from '../../src/worker/scan-worker.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

const db = useTestDatabase();
const FILES = 12;
const LANES = 3;
/** Scans that finish before the gate closes; later ones wait for it to open. */
const FREE_SCANS = 4;
let root: string;
let worker: ScanWorker | undefined;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cancel-root-'));
  await mkdir(path.join(root, 'data'));
  // Every object holds a finding, so any object recorded after the cancellation would show.
  for (let i = 0; i < FILES; i++) {
    await writeFile(path.join(root, 'data', `f${String(i).padStart(2, '0')}.txt`), `x\n${awsKeyLine(i)}`);
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

afterEach(async () => {
  await worker?.drain(1000);
  worker = undefined;
});

async function findingIds(jobId: string): Promise<string[]> {
  const { rows } = await db().pool.query('SELECT id FROM findings WHERE job_id = $1 ORDER BY id', [jobId]);
  return rows.map((r) => r.id);
}

describe('cancelling a job while its shard is being scanned', () => {
  it('stops scanning, discards what was in flight, and ends cancelled with one job.cancelled event', async () => {
    const jobs = new PgJobStore(db().pool);
    const queue = new PgQueue(db().pool, { name: 'scan', pollMs: 20 });
    const started: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const scanner = scannerFactory('test-fingerprint-key');
    worker = new ScanWorker(
      {
        jobs,
        queue,
        openSource: (uri) => createSource(uri, { roots: [root] }),
        engineFor: (job) => ({
          scanObject: async (stream, object) => {
            started.push(object.name);
            if (started.length > FREE_SCANS) await gate;
            return scanner(job).scanObject(stream, object);
          },
        }),
        logger: createLogger({ level: 'silent' }),
        limits: { maxObjects: 100, maxBytes: 1024 * 1024 },
        concurrency: LANES,
      },
      { visibilitySeconds: 30, maxReceives: 3, waitSeconds: 1, idleMs: 20 },
    ).start();
    const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
    const job = await jobs.createJob({
      tenantId: tenant.id,
      source: pathToFileURL(path.join(root, 'data')).href,
    });
    await queue.send([JSON.stringify({ type: 'plan', job_id: job.id })]);

    // Every lane is now inside the engine, on an object the gate holds.
    while (started.length < FREE_SCANS + LANES || (await jobs.getJob(job.id))?.objectsDone !== FREE_SCANS) {
      await sleep(20);
    }
    expect(await jobs.cancelJob(job.id, tenant.id)).toBe(true);
    const atCancel = await findingIds(job.id);
    expect(atCancel).toHaveLength(FREE_SCANS);
    open();
    while ((await queue.depth()) > 0) await sleep(20);

    expect(started).toHaveLength(FREE_SCANS + LANES);
    expect(await findingIds(job.id)).toEqual(atCancel);
    expect(await jobs.getJob(job.id)).toMatchObject({
      status: 'cancelled',
      statusReason: 'cancelled by request',
      objectsDone: FREE_SCANS,
      findingsCount: FREE_SCANS,
    });
    // Objects never scanned, and those whose scan the cancellation overtook, stay PENDING.
    const statuses = await db().pool.query(
      'SELECT status, count(*)::int AS n FROM job_objects WHERE job_id = $1 GROUP BY status ORDER BY status',
      [job.id],
    );
    expect(statuses.rows).toEqual([
      { status: 'COMPLETE', n: FREE_SCANS },
      { status: 'PENDING', n: FILES - FREE_SCANS },
    ]);
    const outbox = await db().pool.query('SELECT kind, payload FROM outbox WHERE job_id = $1', [job.id]);
    expect(outbox.rows).toEqual([
      { kind: 'job.cancelled', payload: expect.objectContaining({ status: 'cancelled' }) },
    ]);
    expect(await queue.deadLetters()).toEqual([]);
  });
});
