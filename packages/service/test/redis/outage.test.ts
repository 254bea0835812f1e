import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/keys/key-store.ts';
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
// Registered after `ready`'s hook, so it runs first: Redis is back before the states close.
afterEach(async () => {
  redis().signal('SIGCONT');
  await redis()
    .start()
    .catch(() => undefined);
});

const until = async (condition: () => boolean) => {
  while (!condition()) await sleep(10);
};

const WARNING = 'redis unavailable: rate limits in-process, cache bypassed, wake-ups by polling';

describe('Redis stopped mid-test', () => {
  it('keeps answering: limits in-process, cache bypassed, one warning per interval; Redis again once it is back', {
    timeout: 30_000,
  }, async () => {
    let now = 1_000_000;
    const { lines, logger } = captureLogs();
    const env = {
      ...redisEnv(redis()),
      RATE_LIMIT_PER_KEY: '0.001',
      RATE_LIMIT_PER_KEY_BURST: '5',
      RATE_LIMIT_PER_IP: '0',
    };
    const a = apiInstance(db().pool, env, { logger, warnIntervalMs: 30_000, now: () => now });
    const worker = workerJobs(db().pool, redisEnv(redis()));
    await ready(a.shared, worker.shared);
    const { key, tenantId } = await createApiKey(db().pool, 'acme');
    const jobId = await scanningJob(worker.jobs, tenantId, 3);
    const read = (api: ApiInstance) => api.app.request(`/jobs/${jobId}`, { headers: bearer(key) });

    expect((await read(a)).status).toBe(200); // cached now, one token spent in Redis
    await redis().stop();
    await until(() => !a.shared.redis?.usable && !worker.shared.redis?.usable);

    // The worker's writes still land (nothing Redis holds is needed), and the cache is bypassed.
    expect(await worker.jobs.recordObject(jobId, clean('a0'))).toMatchObject({ recorded: true });
    await db().pool.query(`UPDATE jobs SET name = 'renamed while redis is down' WHERE id = $1`, [jobId]);
    const during = await read(a);
    expect(during.status).toBe(200);
    expect(await during.json()).toMatchObject({
      name: 'renamed while redis is down',
      progress: { objects_done: 1 },
    });
    // The limiter falls back to this instance's own bucket: 5 requests (one spent above), then 429.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await read(a)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await a.app.request('/health')).status).toBe(200);

    // One warning for the outage, however many requests and reconnection attempts it saw.
    const warnings = () => lines.filter((line) => line.msg === WARNING);
    expect(warnings()).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain(redis().password);
    // Once the interval has passed, the next failed reconnection attempt warns again.
    now += 30_000;
    await until(() => warnings().length === 2);

    await redis().start();
    await until(() => a.shared.redis?.usable === true);
    expect(lines.some((line) => line.msg === 'redis reachable again')).toBe(true);
    // Shared again: a second instance draws on the same (new) Redis bucket as the first.
    const b = apiInstance(db().pool, env);
    await ready(b.shared);
    const shared: number[] = [];
    for (const api of [a, b, a, b, a, b]) shared.push((await read(api)).status);
    expect(shared).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('answers while Redis is frozen (connected but silent): commands time out and requests fall back', {
    timeout: 30_000,
  }, async () => {
    const env = { ...redisEnv(redis()), RATE_LIMIT_PER_KEY: '100', RATE_LIMIT_PER_IP: '100' };
    const api = apiInstance(db().pool, env);
    const worker = workerJobs(db().pool, redisEnv(redis()));
    await ready(api.shared, worker.shared);
    const { key, tenantId } = await createApiKey(db().pool, 'acme');
    const jobId = await scanningJob(worker.jobs, tenantId, 3);

    redis().signal('SIGSTOP');
    expect(await worker.jobs.recordObject(jobId, clean('a0'))).toMatchObject({ recorded: true });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api.app.request(`/jobs/${jobId}`, { headers: bearer(key) });
      statuses.push(res.status);
      if (i === 0) expect(await res.json()).toMatchObject({ progress: { objects_done: 1 } });
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });
});
