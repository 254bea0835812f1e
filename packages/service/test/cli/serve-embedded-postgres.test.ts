import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { freePort } from '../../src/store/embedded-postgres.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { CLI, FAULT_ENGINE } from '../support/cli.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

let dataDir: string | undefined;
let child: ChildProcess | undefined;
let postmaster: number | undefined;

afterEach(async () => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (postmaster && (await alive(postmaster))) process.kill(postmaster, 'SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  child = undefined;
  postmaster = undefined;
  dataDir = undefined;
});

/** True while the process runs (an unreaped zombie counts as gone). */
async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

/** Pids of live processes whose command line names the directory (the postmaster and its backends). */
async function processesUsing(dir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\0').some((arg) => arg.startsWith(dir))) pids.push(Number(entry));
  }
  return pids;
}

async function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function newDataDir(): Promise<{ dir: string; env: NodeJS.ProcessEnv; pgPort: number }> {
  dataDir = await mkdtemp(path.join(tmpdir(), 'serve-embedded-'));
  // As root the server runs as the `postgres` user, which must be able to reach the data dir.
  await chmod(dataDir, 0o755);
  const pgPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DATA_SCANNER_DATA_DIR: dataDir,
    DATA_SCANNER_EMBEDDED_PG_PORT: String(pgPort),
    DATA_SCANNER_DEV_KEY: '0',
    QUEUE_WAIT_SECONDS: '1',
    WORKER_DRAIN_SECONDS: '60',
    LOG_LEVEL: 'info',
  };
  return { dir: dataDir, env, pgPort };
}

/**
 * Starts `serve --role <role>` on an embedded server and resolves once `readyLine` appears in its
 * log. `detached` makes the process a group leader, so a test can signal the group as a terminal does.
 */
async function serve(
  role: 'worker' | 'api',
  readyLine: string,
  options: { extraEnv?: NodeJS.ProcessEnv; detached?: boolean } = {},
) {
  const { dir, env, pgPort } = await newDataDir();
  if (role === 'api') {
    env.PORT = String(await freePort());
    env.HOST = '127.0.0.1';
  }
  const started = spawn(process.execPath, [CLI, 'serve', '--role', role], {
    env: { ...env, ...options.extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  child = started;
  let output = '';
  const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
  const seen = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.includes(line)) resolve();
      };
      started.stdout.on('data', check);
      started.stderr.on('data', check);
      check();
      exited.then((code) =>
        reject(new Error(`serve exited with ${code} before logging "${line}":\n${output}`)),
      );
    });
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  started.stdout.on('data', collect);
  started.stderr.on('data', collect);
  await seen(readyLine);
  const pgData = path.join(dir, 'postgres');
  const pid = Number((await readFile(path.join(pgData, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  postmaster = pid;
  const url = `postgres://postgres:data-scanner-local@127.0.0.1:${pgPort}/postgres`;
  return { child: started, exited, seen, env, pgData, pgPort, pid, url, output: () => output };
}

async function expectServerGone(s: Awaited<ReturnType<typeof serve>>): Promise<void> {
  expect(await alive(s.pid)).toBe(false);
  expect(existsSync(path.join(s.pgData, 'postmaster.pid'))).toBe(false);
  expect(await refusesConnections(s.pgPort)).toBe(true);
  expect(await processesUsing(s.pgData)).toEqual([]);
}

/** A worker on an embedded server, in its own process group, scanning an object held until `release` exists. */
async function scanningHeldObject(files: string) {
  await mkdir(path.join(files, 'in'));
  await writeFile(path.join(files, 'in', 'held.txt'), `x\n${awsKeyLine(7)}`);
  const release = path.join(files, 'release');
  const scanLog = path.join(files, 'scans.log');
  const s = await serve('worker', 'worker started', {
    detached: true,
    extraEnv: {
      DATA_SCANNER_LOCAL_ROOTS: files,
      DATA_SCANNER_ENGINE_MODULE: FAULT_ENGINE,
      SCAN_LOG: scanLog,
      HOLD_KEY: 'held.txt',
      RELEASE_FILE: release,
    },
  });
  const pool = new pg.Pool({ connectionString: s.url, max: 2 });
  const tenant = await new PgTenantStore(pool).ensureTenant('local');
  const job = await new PgJobStore(pool).createJob({
    tenantId: tenant.id,
    source: pathToFileURL(path.join(files, 'in')).href,
  });
  await new PgQueue(pool, { name: 'scan' }).send([JSON.stringify({ type: 'plan', job_id: job.id })]);
  await pool.end();
  while (!(await readFile(scanLog, 'utf8').catch(() => '')).includes('held.txt')) await sleep(20);
  return { s, jobId: job.id, release };
}

describe('serve on the embedded PostgreSQL (DATABASE_URL unset)', () => {
  it('worker: SIGTERM to the node process alone exits 0 and stops the server it started', async () => {
    const s = await serve('worker', 'worker started');
    expect(await alive(s.pid)).toBe(true);
    expect(await processesUsing(s.pgData)).toContain(s.pid);
    const probe = new pg.Client({ connectionString: s.url });
    probe.on('error', () => {});
    await probe.connect();
    const { rows } = await probe.query('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0].n).toBeGreaterThan(0);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    await probe.end().catch(() => undefined);
    await expectServerGone(s);
  }, 120_000);

  it('api: SIGINT to the node process alone exits 0 and stops the server it started', async () => {
    const s = await serve('api', 'api listening');
    expect(await alive(s.pid)).toBe(true);
    s.child.kill('SIGINT');
    expect(await s.exited).toBe(0);
    await expectServerGone(s);
  }, 120_000);

  it('Ctrl-C (SIGINT to the whole process group) mid-scan: the server outlives the drain, then stops', async () => {
    const files = await mkdtemp(path.join(tmpdir(), 'serve-files-'));
    try {
      const { s, jobId, release } = await scanningHeldObject(files);
      process.kill(-(s.child.pid as number), 'SIGINT');
      await s.seen('"msg":"stopping"');
      await writeFile(release, '');
      expect(await s.exited).toBe(0);
      await expectServerGone(s);

      // The drain recorded the object it was scanning, so the job finished before the server stopped.
      const show = await promisify(execFile)(process.execPath, [CLI, 'jobs', 'show', jobId], {
        env: { ...s.env, LOG_LEVEL: 'warn' },
      });
      expect(JSON.parse(show.stdout)).toMatchObject({
        status: 'succeeded',
        objectsComplete: 1,
        findingsCount: 1,
      });
      expect(s.output()).not.toMatch(/"level":50/);
    } finally {
      await rm(files, { recursive: true, force: true });
    }
  }, 120_000);

  it('a second Ctrl-C exits at once (130) and the server it started still shuts down', async () => {
    const files = await mkdtemp(path.join(tmpdir(), 'serve-files-'));
    try {
      const { s } = await scanningHeldObject(files);
      process.kill(-(s.child.pid as number), 'SIGINT');
      await s.seen('"msg":"stopping"');
      process.kill(-(s.child.pid as number), 'SIGINT');
      expect(await s.exited).toBe(130);
      // The exit hook only signals the server; its fast shutdown finishes on its own.
      while (await alive(s.pid)) await sleep(20);
      await expectServerGone(s);
    } finally {
      await rm(files, { recursive: true, force: true });
    }
  }, 120_000);

  it('migrate on the embedded server prints only its result on stdout; its log lines go to stderr', async () => {
    const { env } = await newDataDir();
    const r = await promisify(execFile)(process.execPath, [CLI, 'migrate'], {
      env: { ...env, LOG_LEVEL: 'info' },
    });
    expect(r.stdout).toMatch(/^applied migrations [\d, ]+\n$/);
    expect(r.stderr).toContain('"msg":"starting embedded PostgreSQL"');
  }, 120_000);

  it('a process with no signal handler of its own (a script, a CLI command): SIGINT still stops the server', async () => {
    const { dir, pgPort } = await newDataDir();
    const pgData = path.join(dir, 'postgres');
    const module = pathToFileURL(path.resolve(here, '../../src/store/embedded-postgres.ts')).href;
    const script = `import { startEmbeddedPostgres } from ${JSON.stringify(module)};
      await startEmbeddedPostgres({ dataDir: ${JSON.stringify(pgData)}, port: ${pgPort}, fast: true });
      console.log('ready');
      setInterval(() => {}, 1000);`;
    const started = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = started;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      started.once('exit', (_, sig) => resolve(sig)),
    );
    await new Promise<void>((resolve) =>
      started.stdout.on('data', (b: Buffer) => b.includes('ready') && resolve()),
    );
    const pid = Number((await readFile(path.join(pgData, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    postmaster = pid;
    started.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    // The server was told to shut down as the process went; its fast shutdown finishes on its own.
    while (await alive(pid)) await sleep(20);
    expect(existsSync(path.join(pgData, 'postmaster.pid'))).toBe(false);
    expect(await refusesConnections(pgPort)).toBe(true);
    expect(await processesUsing(pgData)).toEqual([]);
  }, 120_000);
});
