import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { EndedJobViews } from '../../src/api/ended-job-views.ts';
import type { JobDetail } from '../../src/api/job-view-cache.ts';
import { createApiKey } from '../../src/keys/key-store.ts';
import type { Logger } from '../../src/log.ts';
import { useTestDatabase } from '../support/database.ts';
import { captureLogs, useTestRedis } from '../support/redis.ts';
import {
  type ApiInstance,
  apiInstance,
  bearer,
  clean,
  redisEnv,
  scanningJob,
  useSharedStates,
  workerJobs,
} from './api-under-test.ts';

const db = useTestDatabase();
const redis = useTestRedis();
const ready = useSharedStates();

/** Rate limits off: these tests are about reads. */
const env = () => ({ ...redisEnv(redis()), RATE_LIMIT_PER_KEY: '0', RATE_LIMIT_PER_IP: '0' });

async function setUp(options: { logger?: Logger; env?: Record<string, string> } = {}) {
  const pool = db().pool;
  const acme = await createApiKey(pool, 'acme');
  const api = apiInstance(pool, options.env ?? env(), options.logger ? { logger: options.logger } : {});
  // The worker is another process: its own connections to Redis and the database's job store path.
  const worker = workerJobs(pool, options.env ?? env());
  await ready(api.shared, worker.shared);
  const jobId = await scanningJob(worker.jobs, acme.tenantId, 3);
  return { pool, acme, api, worker, jobId };
}

async function read(api: ApiInstance, jobId: string, key: string, headers: Record<string, string> = {}) {
  const res = await api.app.request(`/jobs/${jobId}`, { headers: { ...bearer(key), ...headers } });
  return { res, body: res.status === 200 ? ((await res.json()) as JobDetail) : undefined };
}

describe('GET /jobs/{id} through the Redis cache', () => {
  it('serves repeated reads from the cache and shows each write of the worker at the next read', async () => {
    const { pool, acme, api, worker, jobId } = await setUp();
    expect((await read(api, jobId, acme.key)).body).toMatchObject({ status: 'scanning', name: null });

    // A change that bypasses the job store announces nothing: the next read still comes from the cache.
    await pool.query(`UPDATE jobs SET name = 'renamed behind the cache' WHERE id = $1`, [jobId]);
    expect((await read(api, jobId, acme.key)).body?.name).toBeNull();

    // The worker records an object through its job store: the next read is fresh.
    await worker.jobs.recordObject(jobId, clean('a0'));
    expect((await read(api, jobId, acme.key)).body).toMatchObject({
      status: 'scanning',
      name: 'renamed behind the cache',
      progress: { objects_done: 1, bytes_scanned: 10 },
    });
    await worker.jobs.recordObject(jobId, clean('a1'));
    expect((await read(api, jobId, acme.key)).body?.progress.objects_done).toBe(2);
    await worker.jobs.recordObject(jobId, clean('a2'));
    expect((await read(api, jobId, acme.key)).body).toMatchObject({
      status: 'succeeded',
      progress: { objects_done: 3 },
    });
  });

  it('keeps an ended job in memory from the database, not from the shared copy, so a write behind the job store shows once announced', async () => {
    const pool = db().pool;
    const acme = await createApiKey(pool, 'acme');
    const endedJobs = new EndedJobViews().listen(pool);
    try {
      const api = apiInstance(pool, env(), { endedJobs });
      const worker = workerJobs(pool, env());
      await ready(api.shared, worker.shared);
      await vi.waitFor(() => expect(endedJobs.listening).toBe(true), { timeout: 15_000, interval: 50 });
      const jobId = await scanningJob(worker.jobs, acme.tenantId, 1);
      await worker.jobs.recordObject(jobId, clean('a0'));
      expect((await read(api, jobId, acme.key)).body).toMatchObject({ status: 'succeeded', name: null });
      expect(endedJobs.get(acme.tenantId, jobId)?.detail.status).toBe('succeeded');
      // Announced by PostgreSQL (migration 052), though Redis's copy of the job still says otherwise.
      await pool.query(`UPDATE jobs SET name = 'renamed behind the cache' WHERE id = $1`, [jobId]);
      await vi.waitFor(
        async () => expect((await read(api, jobId, acme.key)).body?.name).toBe('renamed behind the cache'),
        { timeout: 15_000, interval: 50 },
      );
    } finally {
      await endedJobs.close();
    }
  });

  it('shows a cancellation made through the API at the next read', async () => {
    const { acme, api, jobId } = await setUp();
    expect((await read(api, jobId, acme.key)).body?.status).toBe('scanning');
    const cancel = await api.app.request(`/jobs/${jobId}/cancel`, {
      method: 'POST',
      headers: bearer(acme.key),
    });
    expect(cancel.status).toBe(202);
    expect((await read(api, jobId, acme.key)).body?.status).toBe('cancelled');
  });

  it("keeps tenants apart: another tenant gets 404, never the first tenant's cached entry", async () => {
    const { pool, acme, api, jobId } = await setUp();
    const globex = await createApiKey(pool, 'globex');
    expect((await read(api, jobId, acme.key)).res.status).toBe(200);
    const other = await read(api, jobId, globex.key);
    expect(other.res.status).toBe(404);
    expect(await other.res.json()).toMatchObject({ error: { code: 'not_found' } });
    const entries = await redis().admin.keys('data-scanner:job:*:view');
    expect(entries).toEqual([`data-scanner:job:{${jobId}}:tenant:${acme.tenantId}:view`]);
  });

  it('answers If-None-Match with 304 while the job is unchanged, and 200 once it changed', async () => {
    const { acme, api, worker, jobId } = await setUp();
    const first = await read(api, jobId, acme.key);
    const etag = first.res.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const same = await read(api, jobId, acme.key, { 'if-none-match': etag });
    expect(same.res.status).toBe(304);
    expect(same.res.headers.get('etag')).toBe(etag);
    expect(await same.res.text()).toBe('');

    await worker.jobs.recordObject(jobId, clean('a0'));
    const changed = await read(api, jobId, acme.key, { 'if-none-match': etag });
    expect(changed.res.status).toBe(200);
    expect(changed.res.headers.get('etag')).not.toBe(etag);
    expect(changed.body?.progress.objects_done).toBe(1);
  });

  // The wait (20 s) outlasts the test's timeout: only the worker's Redis signal can answer in time.
  it('?wait=20 holds the request until the worker records an object, then answers with the change', {
    timeout: 10_000,
  }, async () => {
    const { lines, logger } = captureLogs('debug');
    const { acme, api, worker, jobId } = await setUp({ logger });
    const etag = (await read(api, jobId, acme.key)).res.headers.get('etag') as string;

    const pending = api.app.request(`/jobs/${jobId}?wait=20`, {
      headers: { ...bearer(acme.key), 'if-none-match': etag },
    });
    while (!lines.some((line) => line.msg === 'waiting for a job change')) await sleep(5);
    await worker.jobs.recordObject(jobId, clean('a0'));

    const res = await pending;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { progress: { objects_done: number } }).progress.objects_done).toBe(1);
  });

  it('?wait answers at once for a job that has ended', { timeout: 10_000 }, async () => {
    const { acme, api, worker, jobId } = await setUp();
    await worker.jobs.failJob(jobId, 'the source vanished');
    const etag = (await read(api, jobId, acme.key)).res.headers.get('etag') as string;
    const res = await api.app.request(`/jobs/${jobId}?wait=20`, {
      headers: { ...bearer(acme.key), 'if-none-match': etag },
    });
    expect(res.status).toBe(304);
  });
});

describe('GET /jobs/{id} without Redis', () => {
  it('reads the database each time, and ?wait notices a change made elsewhere by re-reading', {
    timeout: 10_000,
  }, async () => {
    const noRedis = { RATE_LIMIT_PER_KEY: '0', RATE_LIMIT_PER_IP: '0' };
    const { lines, logger } = captureLogs('debug');
    const { pool, acme, api, worker, jobId } = await setUp({ logger, env: noRedis });
    expect(api.shared.cache).toBeUndefined();
    await read(api, jobId, acme.key);
    await pool.query(`UPDATE jobs SET name = 'renamed' WHERE id = $1`, [jobId]);
    const renamed = await read(api, jobId, acme.key);
    expect(renamed.body?.name).toBe('renamed');

    const pending = api.app.request(`/jobs/${jobId}?wait=20`, {
      headers: { ...bearer(acme.key), 'if-none-match': renamed.res.headers.get('etag') as string },
    });
    while (!lines.some((line) => line.msg === 'waiting for a job change')) await sleep(5);
    // Another process's store: its in-process signal never reaches this API.
    await worker.jobs.recordObject(jobId, clean('a0'));
    const res = await pending;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { progress: { objects_done: number } }).progress.objects_done).toBe(1);
  });
});
