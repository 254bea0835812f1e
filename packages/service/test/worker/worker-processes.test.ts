import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { CLI, FAULT_ENGINE } from '../support/cli.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine, fakeAwsKeyId } from '../support/fake-secrets.ts';

const FILES = 30;

const db = useTestDatabase();
let root: string;
let children: ChildProcess[] = [];
const logs = new WeakMap<ChildProcess, () => string>();

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
  const child = spawn(process.execPath, [CLI, 'serve', '--role', 'worker'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: db().url,
      FINGERPRINT_KEY: 'test-key',
      DATA_SCANNER_LOCAL_ROOTS: root,
      DATA_SCANNER_ENGINE_MODULE: FAULT_ENGINE,
      SCAN_LOG: scanLog,
      QUEUE_VISIBILITY_TIMEOUT_SECONDS: '60',
      QUEUE_WAIT_SECONDS: '1',
      WORKER_CONCURRENCY: '1',
      WORKER_SHARD_MAX_OBJECTS: '3',
      WORKER_DRAIN_SECONDS: '5',
      LOG_LEVEL: 'warn',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  logs.set(child, () => output);
  children.push(child);
  return child;
}

/** Resolves once the worker has logged `text` (run it with LOG_LEVEL=info to see info lines). */
async function logged(child: ChildProcess, text: string): Promise<void> {
  while (!logs.get(child)?.().includes(text)) {
    if (child.exitCode !== null) throw new Error(`worker exited before logging ${text}`);
    await sleep(20);
  }
}

function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const keyOf = (i: number) => `obj-${String(i).padStart(3, '0')}.txt`;
const shardBody = (jobId: string, shard: number) => JSON.stringify({ type: 'shard', job_id: jobId, shard });

async function objectStatuses(jobId: string): Promise<Record<string, string>> {
  const { rows } = await db().pool.query('SELECT key, status FROM job_objects WHERE job_id = $1', [jobId]);
  return Object.fromEntries(rows.map((r) => [r.key, r.status]));
}

async function expectCompletedOnce(jobId: string): Promise<void> {
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
  const findings = await db().pool.query(
    'SELECT object_key, count(*)::int AS n FROM findings WHERE job_id = $1 GROUP BY object_key ORDER BY object_key',
    [jobId],
  );
  expect(findings.rows).toEqual(Array.from({ length: FILES }, (_, i) => ({ object_key: keyOf(i), n: 1 })));
  const stored = JSON.stringify((await db().pool.query('SELECT * FROM findings')).rows);
  const raw = Array.from({ length: FILES }, (_, i) => fakeAwsKeyId(i)).filter((id) => stored.includes(id));
  expect(raw).toEqual([]);
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
    // Every object COMPLETE once and exactly one finding per object: no duplicate from the redelivery.
    await expectCompletedOnce(jobId);
    const killedScans = (await scans(log)).filter((s) => s.pid === String(doomed.pid)).map((s) => s.key);
    expect(killedScans).toContain('obj-004.txt');
  }, 120_000);

  it('SIGTERM mid-shard: the worker finishes its in-flight shard, takes nothing new, exits 0; the job completes', async () => {
    const log = path.join(root, `scan-drain-${Date.now()}.log`);
    const release = path.join(root, `release-${Date.now()}`);
    const jobId = await submit();
    const worker = startWorker(log, { HOLD_KEY: 'obj-004.txt', RELEASE_FILE: release, LOG_LEVEL: 'info' });
    while (!(await scans(log)).some((s) => s.key === 'obj-004.txt')) await sleep(50);
    worker.kill('SIGTERM');
    await logged(worker, '"msg":"stopping"');
    await writeFile(release, '');
    expect(await exitCode(worker)).toBe(0);

    // Shard 1 (obj-003..005) was in flight: finished and deleted; no other shard was touched.
    const statuses = await objectStatuses(jobId);
    const done = Object.keys(statuses).filter((k) => statuses[k] === 'COMPLETE');
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5].map(keyOf));
    const { rows } = await db().pool.query('SELECT body, receive_count FROM queue_messages ORDER BY id');
    expect(rows).toEqual(
      Array.from({ length: 8 }, (_, i) => ({ body: shardBody(jobId, i + 2), receive_count: 0 })),
    );
    expect((await scans(log)).map((s) => s.key)).toEqual([0, 1, 2, 3, 4, 5].map(keyOf));

    startWorker(log);
    await expectCompletedOnce(jobId);
    const keys = (await scans(log)).map((s) => s.key);
    expect(keys.sort()).toEqual(Array.from({ length: FILES }, (_, i) => keyOf(i)));
  }, 120_000);

  it('SIGTERM with work that outlasts WORKER_DRAIN_SECONDS: the message is released at once, exit 0, the job completes', async () => {
    const log = path.join(root, `scan-deadline-${Date.now()}.log`);
    const jobId = await submit();
    const worker = startWorker(log, { HANG_ON_KEY: 'obj-004.txt', WORKER_DRAIN_SECONDS: '1' });
    while (!(await scans(log)).some((s) => s.key === 'obj-004.txt')) await sleep(50);
    worker.kill('SIGTERM');
    expect(await exitCode(worker)).toBe(0);

    const { rows } = await db().pool.query(
      'SELECT receive_count, visible_at <= now() AS visible FROM queue_messages WHERE body = $1',
      [shardBody(jobId, 1)],
    );
    expect(rows).toEqual([{ receive_count: 1, visible: true }]);
    expect(await objectStatuses(jobId)).toMatchObject({
      [keyOf(3)]: 'COMPLETE',
      [keyOf(4)]: 'PENDING',
      [keyOf(5)]: 'PENDING',
    });

    // No backdating: the released shard is visible to the next worker at once.
    const next = startWorker(log);
    await expectCompletedOnce(jobId);
    const byNext = (await scans(log)).filter((s) => s.pid === String(next.pid)).map((s) => s.key);
    expect(byNext).toContain(keyOf(4));
    expect(byNext).not.toContain(keyOf(3));
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
