import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { PgApiStore } from '../../src/api/pg-api-store.ts';
import { createJobCommands } from '../../src/jobs/job-commands.ts';
import { enqueuePlanOn } from '../../src/jobs/submit-job.ts';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { freePort, startEmbeddedPostgres } from '../../src/store/embedded-postgres.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { useApiHarness } from './harness.ts';

describe('GET /health and /healthz', () => {
  const api = useApiHarness();

  it('answer 200 without credentials while the database answers', async () => {
    for (const path of ['/health', '/healthz']) {
      const res = await api().call(path, { key: null });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
    }
  });

  it('answer 503 once the database server is stopped, and 200 again once it is back', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'scanner-health-'));
    await chmod(parent, 0o755);
    const port = await freePort();
    const dataDir = path.join(parent, 'data');
    let server = await startEmbeddedPostgres({ dataDir, port, fast: true });
    const pool = new pg.Pool({ connectionString: server.url, max: 2, connectionTimeoutMillis: 1000 });
    pool.on('error', () => {});
    const app = createApp({
      store: new PgApiStore(
        pool,
        createJobCommands(new PgJobStore(pool), enqueuePlanOn(new PgQueue(pool, { name: 'scan' }))),
      ),
      config: { s3Buckets: [], fileRoots: [] },
      logger: createLogger({ level: 'silent' }),
    });
    try {
      expect((await app.request('/healthz')).status).toBe(200);
      await server.stop();
      for (const path of ['/health', '/healthz']) {
        const res = await app.request(path);
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ status: 'unavailable', database: 'down' });
        expect(res.headers.get('x-request-id')).toBeTruthy();
      }
      server = await startEmbeddedPostgres({ dataDir, port, fast: true });
      expect((await app.request('/health')).status).toBe(200);
    } finally {
      await pool.end().catch(() => {});
      await server.stop().catch(() => {});
      await rm(parent, { recursive: true, force: true });
    }
  }, 120_000);
});
