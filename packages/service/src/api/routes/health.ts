import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { HealthSchema } from '../../views/schemas.ts';
import type { ApiEnv } from '../api-env.ts';
import type { ApiStore } from '../ports.ts';

const PING_TIMEOUT_MS = 2000;

function healthRoute(path: '/health' | '/healthz') {
  return createRoute({
    method: 'get',
    path,
    tags: ['health'],
    summary: 'Liveness and database reachability',
    responses: {
      200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
      503: { description: 'Database unreachable', content: { 'application/json': { schema: HealthSchema } } },
    },
  });
}

/** `GET /health` and `GET /healthz` (the seeds use both): 503 when the database does not answer. */
export function registerHealth(app: OpenAPIHono<ApiEnv>, deps: { store: Pick<ApiStore, 'ping'> }): void {
  for (const path of ['/health', '/healthz'] as const) {
    app.openapi(healthRoute(path), async (c) => {
      c.header('Cache-Control', 'no-store');
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          deps.store.ping(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('database ping timed out')), PING_TIMEOUT_MS);
          }),
        ]);
        return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
      } catch (err) {
        c.get('logger').warn({ err: (err as Error).message }, 'health check failed');
        return c.json({ status: 'unavailable' as const, database: 'down' as const }, 503);
      } finally {
        clearTimeout(timer);
      }
    });
  }
}
