import { serve } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import type pg from 'pg';
import type { ApiEnv } from '../api/api-env.ts';
import { errorBody } from '../api/http-error.ts';
import { registerHealth } from '../api/routes/health.ts';
import type { Logger } from '../log.ts';

/**
 * `/health` and `/healthz` for a process that runs no API (worker, scheduler, notifier as their own
 * services): the same answers as the API's, so container health checks work on every role.
 */
export async function startHealthServer(options: {
  port: number;
  host: string;
  pool: pg.Pool;
  logger: Logger;
}): Promise<{ stop(): Promise<void> }> {
  const app = new OpenAPIHono<ApiEnv>();
  app.use(async (c, next) => {
    c.set('logger', options.logger);
    await next();
  });
  registerHealth(app, {
    store: {
      ping: async () => {
        await options.pool.query('SELECT 1');
      },
    },
  });
  app.notFound((c) => c.json(errorBody('not_found', 'Only /health and /healthz are served here'), 404));
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  options.logger.info({ port: options.port }, 'health endpoint listening');
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
