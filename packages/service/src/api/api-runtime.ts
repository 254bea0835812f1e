import type { OpenAPIHono } from '@hono/zod-openapi';
import type pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Queue } from '../ports/queue.ts';
import { PgQueue } from '../queue/pg-queue.ts';
import { SqsQueue } from '../queue/sqs-queue.ts';
import { PgJobStore } from '../store/jobs-repository.ts';
import { readApiConfig } from './api-config.ts';
import type { ApiEnv } from './api-env.ts';
import { createApp } from './app.ts';
import { createJobCommands, enqueuePlanOn } from './job-commands.ts';
import { PgApiStore } from './pg-api-store.ts';

/** The scan queue the configuration names: SQS when `SCAN_QUEUE_URL` is set, else the PostgreSQL table. */
export function scanQueue(config: Config, pool: pg.Pool): Queue {
  if (config.queue.kind === 'sqs' && config.queue.url) {
    return new SqsQueue({
      queueUrl: config.queue.url,
      dlqUrl: config.queue.dlqUrl,
      region: config.sources.s3.region,
      endpoint: config.queue.sqsEndpoint,
    });
  }
  return new PgQueue(pool, {
    name: config.queue.name,
    visibilitySeconds: config.queue.visibilityTimeoutSeconds,
    maxReceives: config.queue.maxReceives,
  });
}

/**
 * Wires the API over a database pool and the scan queue from the service configuration; shared by
 * `serve --role api` and the Lambda handlers. Local roots come from `DATA_SCANNER_LOCAL_ROOTS`.
 */
export function createApiApp(options: {
  config: Config;
  pool: pg.Pool;
  logger: Logger;
  queue?: Queue;
  env?: NodeJS.ProcessEnv;
}): OpenAPIHono<ApiEnv> {
  const queue = options.queue ?? scanQueue(options.config, options.pool);
  const commands = createJobCommands(new PgJobStore(options.pool), enqueuePlanOn(queue));
  return createApp({
    store: new PgApiStore(options.pool, commands),
    config: readApiConfig(options.env ?? process.env, options.config.sources.roots),
    logger: options.logger,
  });
}
