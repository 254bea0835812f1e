import pg from 'pg';
import { type ApiDeps, apiConfigFrom } from '../api/api-env.ts';
import { ApiKeyCache } from '../api/auth/api-key-cache.ts';
import { KeyUsage } from '../api/auth/key-usage.ts';
import { PgApiStore } from '../api/pg-api-store.ts';
import { createRouteApp, type RegisterRoutes } from '../api/route-app.ts';
import { type Config, loadConfig } from '../config.ts';
import { createJobCommands, type JobCommands } from '../jobs/job-commands.ts';
import type { EnqueuePlan } from '../jobs/submit-job.ts';
import { apiKeysByPrefix, touchApiKeys } from '../keys/key-store.ts';
import { createLogger } from '../log.ts';
import { createMemorySharedState } from '../memory-shared-state.ts';
import type { JobStore } from '../ports/job-store.ts';
import type { WatchStore } from '../ports/watch-store.ts';
import { PgCustomDetectorStore } from '../store/custom-detector-store.ts';
import { PublishingJobStore } from '../store/publishing-job-store.ts';

/** What one Lambda function serves: its route groups and, for the function that submits scans, how it enqueues. */
export interface LambdaAppOptions {
  readonly routes: readonly RegisterRoutes[];
  /** Makes the plan-message sender. @default - none: a submit answers 503 (the function serves no `POST /scan`) */
  readonly enqueuePlan?: (config: Config, pool: pg.Pool) => EnqueuePlan;
  /** Makes the watch store of `/watches`. @default - none: the function serves no `/watches` */
  readonly watches?: (pool: pg.Pool) => WatchStore;
  /**
   * The job store, for the functions that submit or cancel jobs (it brings the worker's write path
   * and the exposure settlement into the bundle). @default - none: a submit or cancel answers 500
   */
  readonly jobStore?: (pool: pg.Pool) => JobStore;
  /** Exposures (`/findings`, `/baselines`), for the function that serves them. @default - none */
  readonly exposures?: (config: Config, pool: pg.Pool) => ApiDeps['exposures'];
}

const noEnqueue: EnqueuePlan = async () => {
  throw new Error('this function does not submit scans');
};

/** Commands of a function that serves neither `POST /scan` nor cancellation. */
const noCommands: JobCommands = {
  submit: async () => {
    throw new Error('this function does not submit scans');
  },
  cancel: async () => {
    throw new Error('this function does not cancel jobs');
  },
};

import { guardPool } from '../store/guard-pool.ts';

/**
 * The API as one Lambda function runs it: only `options.routes`, so each function's bundle holds
 * only its routes' code. Built once per container from the environment (`DATABASE_URL`,
 * `SCAN_QUEUE_URL`, `SCAN_S3_BUCKETS`, JWT settings), with a small pool the container reuses across
 * invocations and in-process rate limits. Lambda never reads local files, so `file://` stays off.
 */
export function createLambdaApp(options: LambdaAppOptions) {
  const config = loadConfig({ ...process.env, DATA_SCANNER_LOCAL_ROOTS: '' });
  const logger = createLogger({ name: 'data-scanner-api', level: config.logLevel });
  const pool = guardPool(
    new pg.Pool({
      connectionString: config.database.url,
      max: 2,
      idleTimeoutMillis: 60_000,
      connectionTimeoutMillis: 5_000,
    }),
    logger,
  );
  const shared = createMemorySharedState();
  const commands = options.jobStore
    ? createJobCommands(
        new PublishingJobStore(options.jobStore(pool), shared.jobEvents),
        options.enqueuePlan?.(config, pool) ?? noEnqueue,
      )
    : noCommands;
  return createRouteApp(
    {
      store: new PgApiStore(pool, commands),
      exposures: options.exposures?.(config, pool),
      customDetectors: new PgCustomDetectorStore(pool),
      ...(options.watches ? { watches: options.watches(pool) } : {}),
      config: apiConfigFrom(config),
      logger,
      rateLimit: { limiter: shared.rateLimiter, ...config.rateLimit },
      jobEvents: shared.jobEvents,
      // A frozen container cannot be trusted to have read a key-change notification before a request:
      // lookups are kept for the cache's short TTL instead (README: API keys).
      keyCache: new ApiKeyCache((prefix) => apiKeysByPrefix(pool, prefix)),
      // A frozen container may never run a later timer: key uses are written during the request that notes them.
      keyUsage: new KeyUsage((ids) => touchApiKeys(pool, ids), {
        batchMs: 0,
        onError: (err) => logger.warn({ err: (err as Error).message }, 'could not record API key use'),
      }),
    },
    options.routes,
  );
}
