import { existsSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApiApp } from '../api/api-runtime.ts';
import { ApiKeyCache } from '../api/auth/api-key-cache.ts';
import { KeyUsage } from '../api/auth/key-usage.ts';
import { EndedJobViews } from '../api/ended-job-views.ts';
import { apiKeysByPrefix, createApiKey, revokeKeysNamed, touchApiKeys } from '../keys/key-store.ts';
import { createScanQueue } from '../queue/create-queue.ts';
import { SERVICE_ROOT } from '../service-root.ts';
import { createSharedState } from '../shared-state.ts';
import { apiProcessCount } from './api-workers.ts';
import type { RoleContext, RunningRole } from './role.ts';

/** The dashboard build (`packages/web/dist`), served at `/` next to the API when present. */
export const WEB_DIST = path.resolve(SERVICE_ROOT, '../web/dist');

const DEV_TENANT = 'dev';
const DEV_KEY_NAME = 'npm-start';

/**
 * The API role: the Hono app on `HOST:PORT` (Node server), the dashboard at `/` when built, and,
 * on the embedded database (no `DATABASE_URL`), a fresh development API key printed at each start
 * (only hashes are stored, so the previous one is revoked and a new one made).
 */
export async function startApi({ config, logger, database }: RoleContext): Promise<RunningRole> {
  const log = logger.child({ role: 'api' });
  // Without Redis each of N processes limits requests to 1/N of every rate limit.
  const shared = createSharedState(config, log, { processes: apiProcessCount() });
  const queue = createScanQueue(config, database.pool, { wakeups: shared.wakeups });
  const keyUsage = new KeyUsage((ids) => touchApiKeys(database.pool, ids), {
    onError: (err) => log.warn({ err: (err as Error).message }, 'could not record API key use'),
  });
  // Key lookups stay in memory; PostgreSQL announces every key change to every API process.
  const keyCache = new ApiKeyCache((prefix) => apiKeysByPrefix(database.pool, prefix)).listen(
    database.pool,
    (err) => log.warn({ err: (err as Error).message }, 'API key change feed lost; cached keys dropped'),
  );
  // Ended jobs' views stay in memory too; PostgreSQL announces the rare write to an ended job.
  const endedJobs = new EndedJobViews().listen(database.pool, (err) =>
    log.warn({ err: (err as Error).message }, 'ended job change feed lost; kept job views dropped'),
  );
  const app = createApiApp({
    config,
    pool: database.pool,
    logger: log,
    queue,
    shared,
    keyUsage,
    keyCache,
    endedJobs,
  });
  const webDist = config.api.webDist ?? WEB_DIST;
  const dashboard = existsSync(path.join(webDist, 'index.html'));
  if (dashboard) app.get('*', serveStatic({ root: path.relative(process.cwd(), webDist) || '.' }));

  const server = serve({ fetch: app.fetch, port: config.api.port, hostname: config.api.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  }).catch(async (err) => {
    await shared.close();
    await keyCache.close();
    await endedJobs.close();
    throw err;
  });
  const shownHost = ['0.0.0.0', '::'].includes(config.api.host) ? 'localhost' : config.api.host;
  const url = `http://${shownHost}:${config.api.port}`;
  log.info({ url, dashboard, local_roots: config.sources.roots }, 'api listening');

  const lines = [`Data Scanner API on ${url}  (docs: ${url}/docs${dashboard ? `, dashboard: ${url}/` : ''})`];
  // On the embedded database (one `serve` started it, maybe this process's cluster primary), once.
  const embedded = !config.database.url || process.env.DATA_SCANNER_EMBEDDED_DATABASE === '1';
  const firstProcess =
    (process.env.DATA_SCANNER_API_WORKER ?? '1') === '1' && process.env.DATA_SCANNER_API_REPLACEMENT !== '1';
  if (embedded && firstProcess && config.api.devKey) {
    await revokeKeysNamed(database.pool, DEV_TENANT, DEV_KEY_NAME);
    const dev = await createApiKey(database.pool, DEV_TENANT, DEV_KEY_NAME);
    lines.push(`Development API key (tenant "${DEV_TENANT}", new at each start): ${dev.key}`);
    if (config.sources.roots.length > 0)
      lines.push(`Local scans allowed under: ${config.sources.roots.join(', ')}`);
    lines.push(
      `Try: curl -s -X POST ${url}/scan -H "Authorization: Bearer ${dev.key}" -H 'Content-Type: application/json' ` +
        `-d '{"source": "file://${config.sources.roots[0] ?? '/path/under/a/root'}"}'`,
    );
  }
  if (firstProcess) process.stdout.write(`${lines.join('\n')}\n`);

  return {
    stop: async (deadlineMs) => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          resolve();
        }, deadlineMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      });
      await keyUsage.flush();
      await keyCache.close();
      await endedJobs.close();
      await queue.close?.();
      await shared.close();
      log.info('api stopped');
    },
  };
}
