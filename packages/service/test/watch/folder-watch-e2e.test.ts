import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueuePlanOn } from '../../src/jobs/submit-job.ts';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { Scheduler } from '../../src/schedules/scheduler.ts';
import { PgScheduleStore } from '../../src/schedules/schedules-repository.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { FolderWatches } from '../../src/watch/folder-watches.ts';
import { PgWatchStore } from '../../src/watch/watches-repository.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { ScanWorker } from '../../src/worker/scan-worker.ts';
import { useApiHarness } from '../api/harness.ts';
import { awsKeyLine, fakeAwsKeyId } from '../support/fake-secrets.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'watch-e2e-'));
  await mkdir(path.join(root, 'inbox/reports'), { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const api = useApiHarness({ config: () => ({ fileRoots: [root] }) });
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Polls `read` until it returns a value (the test's own timeout bounds the wait). */
async function until<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    await sleep(100);
  }
}

/** The worker and scheduler roles as `serve --role worker,scheduler` composes them, on the harness's database. */
function startRoles() {
  const pool = api().db.pool;
  const logger = createLogger({ level: 'silent' });
  const queue = new PgQueue(pool, { name: 'scan', pollMs: 20 });
  const watches = new PgWatchStore(pool);
  const worker = new ScanWorker(
    {
      jobs: new PgJobStore(pool),
      queue,
      watches,
      openSource: (uri) => createSource(uri, { roots: [root] }),
      engineFor: scannerFactory('test-fingerprint-key'),
      logger,
      limits: { maxObjects: 100, maxBytes: 1024 * 1024 },
      concurrency: 2,
    },
    { visibilitySeconds: 30, maxReceives: 3, waitSeconds: 0, idleMs: 50 },
  ).start();
  const folders = new FolderWatches({ watches, queue, logger, settleMs: 200 });
  const scheduler = new Scheduler(
    {
      pool,
      schedules: new PgScheduleStore(pool),
      enqueue: enqueuePlanOn(queue),
      logger,
      tasks: [
        { name: 'follow watched folders', run: () => folders.sync() },
        { name: 'close rolling jobs', run: async () => void (await watches.closeEndedRollingJobs()) },
      ],
    },
    { tickSeconds: 0.2 },
  ).start();
  stops.push(async () => {
    await scheduler.stop();
    await folders.close();
    await worker.drain(5000);
  });
  return { folders };
}

describe('scan on upload: a watched local folder', () => {
  it('scans a file written into the folder, and its finding appears in the rolling job of the hour', async () => {
    const { folders } = startRoles();
    const created = await api().call('/watches', {
      method: 'POST',
      json: { source: pathToFileURL(path.join(root, 'inbox')).href, name: 'inbox' },
    });
    expect(created.status).toBe(201);
    const watch = (await created.json()) as { id: string };
    await until(async () => (folders.following.includes(watch.id) ? true : undefined));

    await writeFile(path.join(root, 'inbox/reports/creds.env'), `# deploy\n${awsKeyLine(7)}`);

    const jobId = await until(async () => {
      const view = await (await api().call(`/watches/${watch.id}`)).json();
      return view.rolling_jobs[0]?.job_id as string | undefined;
    });
    const items = await until(async () => {
      const page = await (await api().call(`/results?job_id=${jobId}`)).json();
      return page.items.length > 0 ? page.items : undefined;
    });
    expect(items).toEqual([
      expect.objectContaining({
        detector: 'aws-access-key-id',
        object: expect.objectContaining({ key: 'reports/creds.env' }),
      }),
    ]);
    expect(JSON.stringify(items)).not.toContain(fakeAwsKeyId(7));
    const job = await (await api().call(`/jobs/${jobId}`)).json();
    expect(job).toMatchObject({ status: 'listing', source: pathToFileURL(path.join(root, 'inbox')).href });
    expect(job.name).toMatch(/^watch inbox \d{4}-\d\d-\d\dT\d\d:00Z$/);

    // A folder moved in reports only itself: the files under it are scanned too, in the same job.
    const staging = await mkdtemp(path.join(root, 'staging-'));
    await mkdir(path.join(staging, 'batch/nested'), { recursive: true });
    await writeFile(path.join(staging, 'batch/nested/keys.txt'), awsKeyLine(8));
    await rename(path.join(staging, 'batch'), path.join(root, 'inbox/batch'));
    await until(async () => {
      const page = await (await api().call(`/results?job_id=${jobId}&object=batch/nested/keys.txt`)).json();
      return page.items.length > 0 ? true : undefined;
    });

    // Deleting a file removes nothing.
    await rm(path.join(root, 'inbox/reports/creds.env'));
    const after = await (await api().call(`/results?job_id=${jobId}`)).json();
    expect(after.items).toHaveLength(2);
  });
});
