import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../../bin/data-scanner.mjs');
const ENGINE = path.resolve(here, '../support/fault-engine-module.ts');
const FILES = 30;

const db = useTestDatabase();
let root: string;
let children: ChildProcess[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'worker-procs-'));
  await mkdir(path.join(root, 'data'));
  for (let i = 0; i < FILES; i++) {
    await writeFile(
      path.join(root, 'data', `obj-${String(i).padStart(3, '0')}.txt`),
      `id=${i}\n${awsKeyLine(i)}`,
    );
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

afterEach(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children = [];
});

function startWorker(scanLog: string, extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'serve', '--role', 'worker'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: db().url,
      DATA_SCANNER_LOCAL_ROOTS: root,
      DATA_SCANNER_ENGINE_MODULE: ENGINE,
      SCAN_LOG: scanLog,
      QUEUE_VISIBILITY_TIMEOUT_SECONDS: '60',
      QUEUE_WAIT_SECONDS: '1',
      WORKER_CONCURRENCY: '1',
      WORKER_SHARD_MAX_OBJECTS: '3',
      WORKER_DRAIN_SECONDS: '5',
      LOG_LEVEL: 'warn',
      ...extra,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  return child;
}

async function submit(): Promise<string> {
  const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
  const job = await new PgJobStore(db().pool).createJob({
    tenantId: tenant.id,
    source: pathToFileURL(path.join(root, 'data')).href,
  });
  await new PgQueue(db().pool, { name: 'scan' }).send([JSON.stringify({ type: 'plan', job_id: job.id })]);
  return job.id;
}

async function finished(jobId: string) {
  const store = new PgJobStore(db().pool);
  for (;;) {
    const job = await store.getJob(jobId);
    if (job && ['succeeded', 'partial', 'failed', 'cancelled'].includes(job.status)) return job;
    await sleep(50);
  }
}

async function scans(log: string): Promise<{ pid: string; key: string }[]> {
  const text = await readFile(log, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [pid, key] = line.split(' ');
      return { pid: pid as string, key: key as string };
    });
}

describe('worker processes on one PostgreSQL', () => {
  it('two workers share one job and no object is scanned twice', async () => {
    const log = path.join(root, `scan-${Date.now()}.log`);
    const jobId = await submit();
    startWorker(log, { WAIT_FOR_PEERS: '2' });
    startWorker(log, { WAIT_FOR_PEERS: '2' });
    const job = await finished(jobId);
    expect(job).toMatchObject({
      status: 'succeeded',
      objectsTotal: FILES,
      objectsComplete: FILES,
      findingsCount: FILES,
    });
    const seen = await scans(log);
    expect(seen.map((s) => s.key).sort()).toEqual(
      Array.from({ length: FILES }, (_, i) => `obj-${String(i).padStart(3, '0')}.txt`),
    );
    expect(new Set(seen.map((s) => s.pid)).size).toBe(2);
  }, 120_000);

  it('a worker killed with SIGKILL mid-shard: after the visibility timeout the job completes, nothing duplicated', async () => {
    const log = path.join(root, `scan-kill-${Date.now()}.log`);
    const jobId = await submit();
    const doomed = startWorker(log, { HANG_ON_KEY: 'obj-004.txt' });
    while (!(await scans(log)).some((s) => s.key === 'obj-004.txt')) await sleep(50);
    doomed.kill('SIGKILL');
    await new Promise((r) => doomed.once('exit', r));
    const before = await new PgJobStore(db().pool).getJob(jobId);
    expect(before?.status).toBe('scanning');
    // The killed worker's shard is still invisible; end its visibility timeout instead of waiting for it.
    await db().pool.query(`UPDATE queue_messages SET visible_at = now() WHERE receive_count > 0`);
    startWorker(log);
    const job = await finished(jobId);
    expect(job).toMatchObject({
      status: 'succeeded',
      objectsDone: FILES,
      objectsComplete: FILES,
      findingsCount: FILES,
    });
    const statuses = await db().pool.query(
      'SELECT status, count(*)::int AS n FROM job_objects WHERE job_id = $1 GROUP BY status',
      [jobId],
    );
    expect(statuses.rows).toEqual([{ status: 'COMPLETE', n: FILES }]);
    const dupes = await db().pool.query(
      'SELECT object_key, count(*)::int AS n FROM findings WHERE job_id = $1 GROUP BY object_key HAVING count(*) > 1',
      [jobId],
    );
    expect(dupes.rows).toEqual([]);
    const killedScans = (await scans(log)).filter((s) => s.pid === String(doomed.pid)).map((s) => s.key);
    expect(killedScans).toContain('obj-004.txt');
  }, 120_000);

  it('SIGTERM drains: the worker exits on its own with code 0', async () => {
    const log = path.join(root, `scan-term-${Date.now()}.log`);
    const worker = startWorker(log);
    const jobId = await submit();
    await finished(jobId);
    worker.kill('SIGTERM');
    const code = await new Promise((r) => worker.once('exit', (c) => r(c)));
    expect(code).toBe(0);
  }, 120_000);
});
