import type { OpenAPIHono } from '@hono/zod-openapi';
import type pg from 'pg';
import type { Config } from '../config.ts';
import { createJobCommands } from '../jobs/job-commands.ts';
import { enqueuePlanOn } from '../jobs/submit-job.ts';
import type { Logger } from '../log.ts';
import { availableChannels } from '../notify/channel.ts';
import { PgNotificationSettings } from '../notify/notification-settings.ts';
import type { Queue } from '../ports/queue.ts';
import { createScanQueue } from '../queue/create-queue.ts';
import { createReportStore } from '../reports/index.ts';
import { PgScheduleStore } from '../schedules/schedules-repository.ts';
import { createSharedState, type SharedState } from '../shared-state.ts';
import { createSource } from '../sources/create-source.ts';
import { PgCustomDetectorStore } from '../store/custom-detector-store.ts';
import { PgExposureStore } from '../store/exposure-store.ts';
import { PgExposureTriage } from '../store/exposure-triage.ts';
import { resolveFingerprintKey } from '../store/fingerprint-key.ts';
import { PgJobStore } from '../store/jobs-repository.ts';
import { PublishingJobStore } from '../store/publishing-job-store.ts';
import { PgWatchStore } from '../watch/watches-repository.ts';
import { type ApiEnv, apiConfigFrom } from './api-env.ts';
import { createApp } from './app.ts';
import type { ApiKeyCache } from './auth/api-key-cache.ts';
import type { KeyUsage } from './auth/key-usage.ts';
import type { EndedJobViews } from './ended-job-views.ts';
import { PgApiStore } from './pg-api-store.ts';

/**
 * Wires the API over a database pool and the scan queue from the service configuration; shared by
 * `serve --role api`. Local roots come from `DATA_SCANNER_LOCAL_ROOTS`.
 */
export function createApiApp(options: {
  config: Config;
  pool: pg.Pool;
  logger: Logger;
  queue?: Queue;
  /** Rate limiter, cache and job events. @default - made from `config.redis` and never closed (Lambda) */
  shared?: SharedState;
  /** Where API key uses are noted, for a caller that flushes it on stop. @default - the app's own */
  keyUsage?: KeyUsage;
  /** In-process API key lookups, for a caller that closes it on stop. @default - none: a lookup per request */
  keyCache?: ApiKeyCache;
  /** In-process views of ended jobs, for a caller that closes it on stop. @default - none */
  endedJobs?: EndedJobViews;
}): OpenAPIHono<ApiEnv> {
  const shared = options.shared ?? createSharedState(options.config, options.logger);
  const queue = options.queue ?? createScanQueue(options.config, options.pool, { wakeups: shared.wakeups });
  const jobs = new PublishingJobStore(new PgJobStore(options.pool), shared.jobEvents);
  const commands = createJobCommands(jobs, enqueuePlanOn(queue));
  let fingerprintKey: Promise<string> | undefined;
  return createApp({
    store: new PgApiStore(options.pool, commands),
    config: apiConfigFrom(options.config),
    logger: options.logger,
    reports: { pool: options.pool, store: createReportStore(options.config) },
    schedules: new PgScheduleStore(options.pool),
    watches: new PgWatchStore(options.pool),
    customDetectors: new PgCustomDetectorStore(options.pool),
    exposures: {
      store: new PgExposureStore(options.pool),
      triage: new PgExposureTriage(options.pool),
      fingerprintKey: () => {
        fingerprintKey ??= resolveFingerprintKey({
          pool: options.pool,
          configured: options.config.fingerprintKey,
          dataDir: options.config.database.dataDir,
          logger: options.logger,
          sharedDatabase: options.config.database.url !== undefined,
        }).catch((err: unknown) => {
          fingerprintKey = undefined;
          throw err;
        });
        return fingerprintKey;
      },
    },
    notifications: {
      settings: new PgNotificationSettings(options.pool),
      channelsAvailable: availableChannels(options.config.notifier),
    },
    rateLimit: { limiter: shared.rateLimiter, ...options.config.rateLimit },
    cache: shared.cache,
    jobEvents: shared.jobEvents,
    ...(options.keyUsage ? { keyUsage: options.keyUsage } : {}),
    ...(options.keyCache ? { keyCache: options.keyCache } : {}),
    ...(options.endedJobs ? { endedJobs: options.endedJobs } : {}),
    estimates: {
      openSource: (uri) =>
        createSource(uri, { roots: options.config.sources.roots, s3: options.config.sources.s3 }),
      costModel: options.config.worker.scanCost,
    },
  });
}
