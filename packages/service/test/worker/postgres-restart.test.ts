import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { freePort, type RunningPostgres, startEmbeddedPostgres } from '../../src/store/embedded-postgres.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { migrate } from '../../src/store/migrate.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { CLI } from '../support/cli.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

const FILES = 240;
const FILLER = 'nothing to see on this line, only words and more words\n'.repeat(3000);

let parent: string;
let dataDir: string;
let port: number;
let server: RunningPostgres;
let pool: pg.Pool;
const children: ChildProcess[] = [];

/** Starts (or restarts) this file's own PostgreSQL on the same data directory and port. */
async function startServer(): Promise<void> {
  server = await startEmbeddedPostgres({ dataDir, port, fast: true });
}

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'pg-restart-'));
  await chmod(parent, 0o755);
  dataDir = path.join(parent, 'pg');
  port = await freePort();
  await startServer();
  pool = new pg.Pool({ connectionString: server.url, max: 4 });
  pool.on('error', () => {});
  await migrate(pool);
  await mkdir(path.join(parent, 'files'));
  await mkdir(path.join(parent, 'empty'));
  for (let i = 0; i < FILES; i++) {
    await writeFile(
      path.join(parent, 'files', `f${String(i).padStart(3, '0')}.log`),
      `${FILLER}${awsKeyLine(i)}`,
    );
  }
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await pool?.end();
  await server?.stop();
  await rm(parent, { recursive: true, force: true });
});

function serve(): ChildProcess {
  const child = spawn(process.execPath, [CLI, 'serve', '--role', 'worker,scheduler,notifier'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: server.url,
      DATA_SCANNER_LOCAL_ROOTS: parent,
      FINGERPRINT_KEY: 'restart-test-key',
      QUEUE_VISIBILITY_TIMEOUT_SECONDS: '5',
      QUEUE_WAIT_SECONDS: '1',
      WORKER_SHARD_MAX_OBJECTS: '8',
      WORKER_SCAN_THREADS: '1',
      SCHEDULER_TICK_SECONDS: '1',
      NOTIFY_POLL_SECONDS: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  child.once('exit', (code, signal) => {
    if (code !== null || signal !== null) child.emit('died', `exit ${code} ${signal}: ${stderr}`);
  });
  children.push(child);
  return child;
}

async function submit(): Promise<string> {
  const tenant = await new PgTenantStore(pool).ensureTenant('local');
  const job = await new PgJobStore(pool).createJob({
    tenantId: tenant.id,
    source: pathToFileURL(path.join(parent, 'files')).href,
  });
  await new PgQueue(pool, { name: 'scan' }).send([JSON.stringify({ type: 'plan', job_id: job.id })]);
  return job.id;
}

async function progress(jobId: string): Promise<{ status: string; done: number }> {
  const { rows } = await pool.query(
    'SELECT status, objects_done::int AS objects_done FROM jobs WHERE id = $1',
    [jobId],
  );
  return { status: rows[0].status, done: rows[0].objects_done };
}

async function finished(jobId: string): Promise<string> {
  for (;;) {
    const state = await progress(jobId).catch(() => undefined);
    if (state && ['succeeded', 'partial', 'failed', 'cancelled'].includes(state.status)) return state.status;
    await sleep(100);
  }
}

/** Resolves once `sql` returns a row. */
async function until(sql: string, values: unknown[]): Promise<void> {
  while ((await pool.query(sql, values)).rowCount === 0) await sleep(100);
}

async function findings(jobId: string): Promise<number> {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM findings WHERE job_id = $1', [jobId]);
  return rows[0].n;
}

describe('a PostgreSQL restart under load', () => {
  it('leaves every worker, scheduler and notifier running and the findings count unchanged', async () => {
    const processes = [serve(), serve()];
    const deaths: string[] = [];
    for (const child of processes) child.on('died', (why: string) => deaths.push(why));

    const quiet = await submit();
    expect(await finished(quiet)).toBe('succeeded');
    const baseline = await findings(quiet);
    expect(baseline).toBe(FILES);

    const restarted = await submit();
    for (;;) {
      const { done } = await progress(restarted);
      if (done >= FILES / 6) break;
      await sleep(20);
    }
    expect((await progress(restarted)).done).toBeLessThan(FILES);
    await server.stop(); // SIGINT: a fast shutdown, as `pg_ctl restart -m fast` does
    await sleep(1500);
    await startServer();

    expect(await finished(restarted)).toBe('succeeded');
    expect(await findings(restarted)).toBe(baseline);
    // The scheduler and the notifier work on fresh connections: a schedule due now fires, and the
    // notifier settles the finished job's event (no channels configured: skipped).
    const tenant = await new PgTenantStore(pool).ensureTenant('local');
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO schedules (tenant_id, source, cron, timezone, next_fire_at)
       VALUES ($1, $2, '@hourly', 'UTC', now() - interval '1 minute') RETURNING id`,
      [tenant.id, pathToFileURL(path.join(parent, 'empty')).href],
    );
    await until(`SELECT 1 FROM schedule_fires WHERE schedule_id = $1 AND enqueued_at IS NOT NULL`, [
      rows[0]?.id,
    ]);
    await until(`SELECT 1 FROM outbox WHERE job_id = $1 AND status <> 'pending'`, [restarted]);
    expect(deaths).toEqual([]);
    for (const child of processes) expect(child.exitCode).toBeNull();
  }, 240_000);
});
