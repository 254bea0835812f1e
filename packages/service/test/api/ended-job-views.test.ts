import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { EndedJobViews } from '../../src/api/ended-job-views.ts';
import type { JobDetail } from '../../src/api/job-view-cache.ts';
import { PgApiStore } from '../../src/api/pg-api-store.ts';
import { createJobCommands } from '../../src/jobs/job-commands.ts';
import { enqueuePlanOn } from '../../src/jobs/submit-job.ts';
import { type CreatedKey, createApiKey } from '../../src/keys/key-store.ts';
import { createLogger } from '../../src/log.ts';
import { FINAL_JOB_STATUSES } from '../../src/ports/job-store.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { useTestDatabase } from '../support/database.ts';
import { insertJob } from './fixtures.ts';

/** Notifications cross a real PostgreSQL connection: on a loaded machine they take more than vitest's default 1 s. */
const WAIT = { timeout: 15_000, interval: 50 };

/** The store with its job reads counted (every read of `GET /jobs/{id}` that reaches PostgreSQL). */
class CountingStore extends PgApiStore {
  reads: string[] = [];
  override async getJobDetail(tenantId: string, jobId: string): Promise<JobDetail | null> {
    this.reads.push(jobId);
    return super.getJobDetail(tenantId, jobId);
  }
}

const db = useTestDatabase();
let views: EndedJobViews | undefined;
afterEach(async () => {
  await views?.close();
  views = undefined;
});

let acme: CreatedKey;
let globex: CreatedKey;
beforeEach(async () => {
  acme = await createApiKey(db().pool, 'acme');
  globex = await createApiKey(db().pool, 'globex');
});

function api(pool: pg.Pool, options: { listen: boolean }) {
  views = new EndedJobViews();
  if (options.listen) views.listen(pool);
  const store = new CountingStore(
    pool,
    createJobCommands(new PgJobStore(pool), enqueuePlanOn(new PgQueue(pool, { name: 'scan' }))),
  );
  const app = createApp({
    store,
    config: { s3Buckets: [], fileRoots: [] },
    logger: createLogger({ level: 'silent' }),
    endedJobs: views,
  });
  const get = async (jobId: string, key: CreatedKey = acme, headers: Record<string, string> = {}) => {
    const res = await app.request(`/jobs/${jobId}`, {
      headers: { authorization: `Bearer ${key.key}`, ...headers },
    });
    const text = await res.text();
    return {
      status: res.status,
      etag: res.headers.get('etag'),
      type: res.headers.get('content-type'),
      body: text ? (JSON.parse(text) as JobDetail) : undefined,
    };
  };
  return { get, store, views };
}

describe('ended jobs kept in memory', () => {
  it('answers repeated reads of an ended job from memory, with the same body and ETag', async () => {
    const t = api(db().pool, { listen: true });
    await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
    const first = await t.get(jobId);
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/json');
    expect(first.body).toMatchObject({ job_id: jobId, status: 'succeeded' });
    const again = await t.get(jobId);
    const third = await t.get(jobId.toUpperCase());
    expect(again).toEqual(first);
    expect(third).toEqual(first);
    expect(t.store.reads).toHaveLength(1);
    expect((await t.get(jobId, acme, { 'if-none-match': first.etag as string })).status).toBe(304);
    expect(t.store.reads).toHaveLength(1);
  });

  it('never serves a kept view to another tenant, whichever tenant asks first', async () => {
    const t = api(db().pool, { listen: true });
    await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
    const acmeJob = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
    const globexJob = await insertJob(db().pool, globex.tenantId, { status: 'failed' });
    expect((await t.get(acmeJob)).status).toBe(200);
    expect((await t.get(acmeJob, globex)).status).toBe(404);
    expect((await t.get(acmeJob.toUpperCase(), globex)).status).toBe(404);
    expect((await t.get(globexJob)).status).toBe(404);
    expect((await t.get(globexJob, globex)).body).toMatchObject({ job_id: globexJob, status: 'failed' });
    expect((await t.get(globexJob)).status).toBe(404);
    expect((await t.get(acmeJob, globex)).status).toBe(404);
    expect((await t.get(acmeJob)).status).toBe(200);
  });

  it('drops a kept view when anything writes to the ended job or deletes it, in every final status', async () => {
    const t = api(db().pool, { listen: true });
    await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
    for (const status of FINAL_JOB_STATUSES) {
      const jobId = await insertJob(db().pool, acme.tenantId, { status });
      expect((await t.get(jobId)).body).toMatchObject({ status, name: null });
      expect((await t.get(jobId)).body).toMatchObject({ status, name: null });
      const reads = t.store.reads.length;
      // Plain SQL, as another process or an operator would write it: no job store publishes it.
      await db().pool.query('UPDATE jobs SET name = $2 WHERE id = $1', [jobId, `renamed-${status}`]);
      await vi.waitFor(async () => expect((await t.get(jobId)).body?.name).toBe(`renamed-${status}`), WAIT);
      expect(t.store.reads.length).toBeGreaterThan(reads);
      await db().pool.query('DELETE FROM jobs WHERE id = $1', [jobId]);
      await vi.waitFor(async () => expect((await t.get(jobId)).status).toBe(404), WAIT);
    }
  });

  it('forgets every view on TRUNCATE', async () => {
    const t = api(db().pool, { listen: true });
    await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
    expect((await t.get(jobId)).status).toBe(200);
    await db().pool.query('TRUNCATE jobs CASCADE');
    await vi.waitFor(async () => expect((await t.get(jobId)).status).toBe(404), WAIT);
  });

  it('reads a running job from the database every time, so its end shows at the next read', async () => {
    const t = api(db().pool, { listen: true });
    await vi.waitFor(() => expect(t.views.listening).toBe(true), WAIT);
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'scanning' });
    expect((await t.get(jobId)).body?.status).toBe('scanning');
    await db().pool.query('UPDATE jobs SET objects_done = 3 WHERE id = $1', [jobId]);
    expect((await t.get(jobId)).body?.progress.objects_done).toBe(3);
    await db().pool.query("UPDATE jobs SET status = 'succeeded', finished_at = now() WHERE id = $1", [jobId]);
    expect((await t.get(jobId)).body?.status).toBe('succeeded');
    expect(t.store.reads).toHaveLength(3);
    // Kept from its first read as an ended job.
    expect((await t.get(jobId)).body?.status).toBe('succeeded');
    expect(t.store.reads).toHaveLength(3);
  });

  it('answers concurrent reads of a running job alike, and a write shows at the next read, to its tenant only', async () => {
    const t = api(db().pool, { listen: false });
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'scanning' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.get(jobId)));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    expect(t.store.reads.length).toBeGreaterThanOrEqual(1);
    await db().pool.query('UPDATE jobs SET objects_done = 5 WHERE id = $1', [jobId]);
    const after = await Promise.all([t.get(jobId), t.get(jobId, globex)]);
    expect(after[0].body?.progress.objects_done).toBe(5);
    expect(after[1].status).toBe(404);
  });

  it('without the feed, reads every request from the database', async () => {
    const t = api(db().pool, { listen: false });
    const jobId = await insertJob(db().pool, acme.tenantId, { status: 'succeeded' });
    expect((await t.get(jobId)).status).toBe(200);
    expect((await t.get(jobId)).status).toBe(200);
    expect(t.store.reads).toHaveLength(2);
  });
});
