import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createApiKey } from '../../src/keys/key-store.ts';
import { createLogger } from '../../src/log.ts';
import { startApi } from '../../src/roles/api.ts';
import type { RunningRole } from '../../src/roles/role.ts';
import { startWorker } from '../../src/roles/worker.ts';
import { freePort } from '../../src/store/embedded-postgres.ts';
import { useTestDatabase } from '../support/database.ts';
import { useTestRedis } from '../support/redis.ts';
import { redisEnv } from './api-under-test.ts';

const db = useTestDatabase();
const redis = useTestRedis();
const running: RunningRole[] = [];
let root: string | undefined;
afterEach(async () => {
  await Promise.all(running.splice(0).map((role) => role.stop(1000)));
  vi.restoreAllMocks();
  if (root) await rm(root, { recursive: true, force: true });
});

async function dataScannerClients(): Promise<string[]> {
  const list = (await redis().admin.client('LIST')) as string;
  return list.split('\n').filter((line) => / name=data-scanner-/.test(line));
}

describe('api and worker roles with REDIS_URL', () => {
  it('run a scan; a client waiting on the job is answered as it changes; both close their connections on stop', {
    timeout: 30_000,
  }, async () => {
    root = await mkdtemp(path.join(tmpdir(), 'scanner-redis-roles-'));
    await writeFile(path.join(root, 'deploy.env'), 'region = eu-west-1\n');
    const port = await freePort();
    const config = loadConfig({
      ...redisEnv(redis()),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db().url,
      DATA_SCANNER_LOCAL_ROOTS: root,
      QUEUE_WAIT_SECONDS: '20',
    });
    const database = { pool: db().pool, url: db().url, close: async () => {} };
    const logger = createLogger({ level: 'silent' });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    running.push(
      await startApi({ config, logger, database }),
      await startWorker({ config, logger, database }),
    );
    const { key } = await createApiKey(db().pool, 'acme');
    const base = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${key}` };

    const submitted = await fetch(`${base}/scan`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ source: `file://${root}` }),
    });
    expect(submitted.status).toBe(202);
    const { job_id } = (await submitted.json()) as { job_id: string };
    let etag = '';
    let job: { status: string; progress: { objects_done: number } } | undefined;
    for (let i = 0; i < 10 && !['succeeded', 'partial', 'failed'].includes(job?.status ?? ''); i++) {
      const res = await fetch(`${base}/jobs/${job_id}?wait=20`, {
        headers: { ...auth, 'if-none-match': etag },
      });
      etag = res.headers.get('etag') ?? etag;
      if (res.status === 200) job = (await res.json()) as typeof job;
    }
    expect(job).toMatchObject({ status: 'succeeded', progress: { objects_done: 1 } });
    expect((await dataScannerClients()).length).toBeGreaterThan(0);

    await Promise.all(running.splice(0).map((role) => role.stop(1000)));
    while ((await dataScannerClients()).length > 0) await sleep(20);
  });
});
