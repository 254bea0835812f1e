import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import type { ObjectSource, SourceObject } from '../../src/ports/object-source.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { planJob, scanShard } from '../../src/worker/job-processor.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();

/** A listing of `total` synthetic keys that waits at `pauseAt` until `resume()` is called. */
function pausingSource(total: number, pauseAt: number) {
  let resume!: () => void;
  const resumed = new Promise<void>((r) => {
    resume = r;
  });
  let paused!: () => void;
  const reachedPause = new Promise<void>((r) => {
    paused = r;
  });
  const source: ObjectSource = {
    uri: 's3://synthetic/',
    async *list() {
      for (let i = 0; i < total; i++) {
        if (i === pauseAt) {
          paused();
          await resumed;
        }
        yield {
          key: `k/${String(i).padStart(7, '0')}`,
          size: 10,
          bucket: 'synthetic',
          etag: `e${i}`,
        } as SourceObject;
      }
    },
    read: async () => ({ stream: Readable.from([]), size: 0 }),
    readRange: async () => new Uint8Array(),
  };
  return { source, resume, reachedPause };
}

describe('planning a job', () => {
  it('enqueues each shard once its objects are stored, while listing goes on', async () => {
    const pool = db().pool;
    const jobs = new PgJobStore(pool);
    const queue = new PgQueue(pool, { name: 'scan' });
    const tenant = await new PgTenantStore(pool).ensureTenant('local');
    const job = await jobs.createJob({ tenantId: tenant.id, source: 's3://synthetic/' });
    const { source, resume, reachedPause } = pausingSource(2500, 1200);
    const planning = planJob(
      {
        jobs,
        queue,
        openSource: async () => source,
        engineFor: scannerFactory('k'),
        logger: createLogger({ level: 'silent' }),
        limits: { maxObjects: 100, maxBytes: 1 << 30 },
        concurrency: 1,
      },
      job.id,
      new AbortController().signal,
    );
    await reachedPause;
    // Two batches of 500 are stored: shards 0..8 are closed and queued, shard 9 is still filling.
    expect(await jobs.jobStatus(job.id)).toBe('listing');
    const early = await pool.query<{ body: string }>(
      "SELECT body FROM queue_messages WHERE queue = 'scan' ORDER BY id",
    );
    expect(early.rows.map((r) => JSON.parse(r.body).shard)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    resume();
    await planning;
    const all = await pool.query<{ body: string }>(
      "SELECT body FROM queue_messages WHERE queue = 'scan' ORDER BY id",
    );
    expect(all.rows.map((r) => JSON.parse(r.body).shard)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(await jobs.getJob(job.id)).toMatchObject({
      status: 'scanning',
      shardsTotal: 25,
      objectsTotal: 2500,
    });
  });
});

describe('an incremental plan redelivered after some of its shards were scanned', () => {
  it('plans those objects again instead of counting them unchanged, and ends with every object', async () => {
    const pool = db().pool;
    const jobs = new PgJobStore(pool);
    const queue = new PgQueue(pool, { name: 'scan' });
    const tenant = await new PgTenantStore(pool).ensureTenant('local');
    const job = await jobs.createJob({ tenantId: tenant.id, source: 's3://synthetic/', incremental: true });
    let failAt: number | undefined = 1200;
    const source: ObjectSource = {
      ...pausingSource(0, 0).source,
      async *list() {
        for (let i = 0; i < 1500; i++) {
          if (i === failAt) throw new Error('listing interrupted');
          yield {
            key: `k/${String(i).padStart(7, '0')}`,
            size: 1,
            bucket: 'synthetic',
            etag: `e${i}`,
          } as SourceObject;
        }
      },
      read: async (object) => ({ stream: Readable.from([Buffer.from('x')]), size: 1, etag: object.etag }),
    };
    const deps = {
      jobs,
      queue,
      openSource: async () => source,
      engineFor: scannerFactory('k'),
      logger: createLogger({ level: 'silent' }),
      limits: { maxObjects: 100, maxBytes: 1 << 30 },
      concurrency: 4,
    };
    const signal = new AbortController().signal;
    await expect(planJob(deps, job.id, signal)).rejects.toThrow('listing interrupted');
    await scanShard(deps, job.id, 0, signal);
    expect(await jobs.getJob(job.id)).toMatchObject({ status: 'listing', objectsDone: 100 });

    failAt = undefined;
    await planJob(deps, job.id, signal);
    expect(await jobs.getJob(job.id)).toMatchObject({
      status: 'scanning',
      objectsTotal: 1500,
      objectsUnchanged: 0,
      objectsDone: 100,
    });
  });
});
