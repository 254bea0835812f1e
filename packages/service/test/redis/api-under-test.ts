import type { OpenAPIHono } from '@hono/zod-openapi';
import type pg from 'pg';
import { afterEach } from 'vitest';
import { createApiApp } from '../../src/api/api-runtime.ts';
import type { ApiEnv } from '../../src/api/app.ts';
import type { EndedJobViews } from '../../src/api/ended-job-views.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { createSharedState, type SharedState } from '../../src/shared-state.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PublishingJobStore } from '../../src/store/publishing-job-store.ts';
import type { TestRedis } from '../support/redis.ts';

/**
 * Shared states opened by a test: `ready(...states)` waits until their Redis connections are up,
 * and each is closed after the test. Call it before other `afterEach` hooks of the file that must
 * run first (vitest runs after-hooks in reverse order).
 */
export function useSharedStates(): (...states: SharedState[]) => Promise<void> {
  const opened: SharedState[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((shared) => shared.close()));
  });
  return async (...states) => {
    opened.push(...states);
    await Promise.all(states.map((shared) => shared.redis?.whenReady()));
  };
}

/** The environment the infra gives a service using `redis` (the token as REDIS_AUTH_TOKEN). */
export const redisEnv = (redis: TestRedis) => ({ REDIS_URL: redis.url, REDIS_AUTH_TOKEN: redis.password });

/** One API instance, wired by `createApiApp` from an environment, over its own Redis connections. */
export interface ApiInstance {
  app: OpenAPIHono<ApiEnv>;
  shared: SharedState;
  config: Config;
}

export function apiInstance(
  pool: pg.Pool,
  env: Record<string, string>,
  options: { logger?: Logger; warnIntervalMs?: number; now?: () => number; endedJobs?: EndedJobViews } = {},
): ApiInstance {
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const config = loadConfig({
    DATA_SCANNER_DATA_DIR: '/tmp/data-scanner-redis-tests',
    SCAN_S3_BUCKETS: 'allowed-bucket',
    ...env,
  });
  const shared = createSharedState(config, logger, {
    name: 'api',
    ...(options.warnIntervalMs ? { warnIntervalMs: options.warnIntervalMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const app = createApiApp({
    config,
    pool,
    logger,
    shared,
    ...(options.endedJobs ? { endedJobs: options.endedJobs } : {}),
  });
  return { app, shared, config };
}

/** The job store as a worker process holds it: its own shared state, its writes announce job changes. */
export function workerJobs(
  pool: pg.Pool,
  env: Record<string, string>,
): { jobs: PublishingJobStore; shared: SharedState } {
  const shared = createSharedState(loadConfig(env), createLogger({ level: 'silent' }), { name: 'worker' });
  return { jobs: new PublishingJobStore(new PgJobStore(pool), shared.jobEvents), shared };
}

/** A job of `tenantId` scanning `objects` objects (`a0`, `a1`, …), made through the job store. */
export async function scanningJob(jobs: PublishingJobStore, tenantId: string, objects = 3): Promise<string> {
  const job = await jobs.createJob({ tenantId, source: 's3://allowed-bucket/data/' });
  await jobs.startListing(job.id);
  await jobs.addObjects(
    job.id,
    Array.from({ length: objects }, (_, i) => ({ key: `a${i}`, size: 10, shard: 0 })),
  );
  await jobs.finishListing(job.id, { shards: 1, objects, bytes: objects * 10 });
  return job.id;
}

/** One object's clean outcome, as the worker records it. */
export const clean = (key: string) => ({
  key,
  status: 'COMPLETE' as const,
  result: { bytes_read: 10, bytes_scanned: 10 },
  findings: [],
});

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
