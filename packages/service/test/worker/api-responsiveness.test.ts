import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { bombFamily } from '@data-scanner/detect/test/bombs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { startApi } from '../../src/roles/api.ts';
import type { RunningRole } from '../../src/roles/role.ts';
import { startWorker } from '../../src/roles/worker.ts';
import { openDatabase } from '../../src/store/database.ts';
import { freePort } from '../../src/store/embedded-postgres.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

/**
 * The longest the API's event loop may stall while bombs are scanned: /health must answer within
 * a second. Measured 130 to 280 ms on a 2-core machine at load average 15; before the scan threads
 * and the streaming zip reader, the nested zip alone held the loop for over a minute.
 */
const MAX_STALL_MS = 1000;

const db = useTestDatabase();
let root: string;
let bombs: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bombs-api-'));
  const family = bombFamily();
  bombs = family.map((b) => b.name);
  for (const bomb of family) await writeFile(path.join(root, bomb.name), bomb.bytes);
  for (let i = 0; i < 4; i++) await writeFile(path.join(root, `plain-${i}.txt`), `x\n${awsKeyLine(i)}`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the api role beside a worker (serve --role all)', () => {
  it('keeps its event loop responsive while decompression bombs are scanned', {
    timeout: 120_000,
  }, async () => {
    const port = await freePort();
    const config = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db().url,
      DATA_SCANNER_LOCAL_ROOTS: root,
      WORKER_SCAN_THREADS: '2',
      QUEUE_WAIT_SECONDS: '1',
    });
    const logger = createLogger({ level: 'silent' });
    const database = await openDatabase(config, { migrate: false });
    const roles: RunningRole[] = [];
    try {
      roles.push(await startApi({ config, logger, database }));
      roles.push(await startWorker({ config, logger, database }));
      const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
      const store = new PgJobStore(db().pool);
      const job = await store.createJob({ tenantId: tenant.id, source: pathToFileURL(root).href });
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      await new PgQueue(db().pool, { name: 'scan' }).send([JSON.stringify({ type: 'plan', job_id: job.id })]);
      let healthy = 0;
      for (;;) {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) healthy++;
        const current = await store.getJob(job.id);
        if (current && ['succeeded', 'partial', 'failed'].includes(current.status)) break;
        await sleep(50);
      }
      delay.disable();

      const { rows } = await db().pool.query(
        'SELECT key, status, reason FROM job_objects WHERE job_id = $1',
        [job.id],
      );
      const outcome = Object.fromEntries(rows.map((r) => [r.key, `${r.status} ${r.reason ?? ''}`.trim()]));
      for (const name of ['nested.zip', 'text.log.gz', 'holes.tar.gz', 'book.xlsx']) {
        expect(outcome[name]).toBe('PARTIAL COMPRESSION_RATIO_EXCEEDED');
      }
      expect(Object.keys(outcome)).toHaveLength(bombs.length + 4);
      expect(healthy).toBeGreaterThan(0);
      expect(delay.max / 1e6).toBeLessThan(MAX_STALL_MS);
    } finally {
      for (const role of roles.reverse()) await role.stop(5000);
      await database.close();
    }
  });
});
