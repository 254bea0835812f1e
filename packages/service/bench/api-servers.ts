import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { SERVICE_ROOT } from '../src/service-root.ts';

/** A server the benchmark started, answering on `base`. */
export interface BenchServer {
  base: string;
  /** The process the benchmark started (its workers are its descendants). */
  pid: number;
  stop(): Promise<void>;
}

/** The Debian packages the FastAPI twin and the load generator need. */
export const TWIN_PACKAGES =
  'python3-fastapi python3-uvicorn python3-asyncpg python3-uvloop python3-httptools wrk';
const PYTHON = '/usr/bin/python3';

/**
 * The FastAPI twin's folder: `FASTAPI_TWIN_DIR`, else `shared/anchors/fastapi-twin` beside the
 * repository (or beside its worktree folder); undefined when there is none.
 */
export function findTwin(): string | undefined {
  const repo = path.resolve(SERVICE_ROOT, '../..');
  const candidates = [
    process.env.FASTAPI_TWIN_DIR,
    path.resolve(repo, '../shared/anchors/fastapi-twin'),
    path.resolve(repo, '../../shared/anchors/fastapi-twin'),
  ];
  return candidates.find((dir): dir is string => !!dir && existsSync(path.join(dir, 'app.py')));
}

/** Whether Debian's python3 can import what the twin runs on. */
export async function twinPackagesPresent(): Promise<boolean> {
  return promisify(execFile)(PYTHON, ['-c', 'import fastapi, uvicorn, asyncpg, uvloop, httptools']).then(
    () => true,
    () => false,
  );
}

async function answering(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`server did not answer ${url} within 60 s:\n${log()}`);
}

async function start(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; port: number },
) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const base = `http://127.0.0.1:${options.port}`;
  await answering(`${base}/healthz`, child, () => stderr);
  return {
    base,
    pid: child.pid as number,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  } satisfies BenchServer;
}

/**
 * `data-scanner serve --role api` as production runs it (the esbuild bundle, `NODE_ENV=production`),
 * with `--workers N`; request logs off (`LOG_LEVEL=warn`, as uvicorn's access log is off) and rate
 * limits on but too high to refuse anything, so their cost is measured.
 */
export async function startDataScanner(options: { databaseUrl: string; port: number; workers: number }) {
  // BENCH_PROFILE=<dir>: the server writes a CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const args = [...profile, path.join(SERVICE_ROOT, 'bin/data-scanner.mjs'), 'serve', '--role', 'api'];
  if (options.workers > 1) args.push('--workers', String(options.workers));
  return start(process.execPath, args, {
    cwd: SERVICE_ROOT,
    port: options.port,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      LOG_LEVEL: process.env.BENCH_LOG ?? 'warn',
      RATE_LIMIT_PER_KEY: '1000000',
      RATE_LIMIT_PER_KEY_BURST: '1000000',
      RATE_LIMIT_PER_IP: '1000000',
      RATE_LIMIT_PER_IP_BURST: '1000000',
      DATA_SCANNER_LOCAL_ROOTS: '',
    },
  });
}

/** The FastAPI twin on uvicorn with `--workers N`, run from a copy of its folder (uvicorn writes beside it). */
export async function startTwin(options: {
  dir: string;
  databaseUrl: string;
  port: number;
  workers: number;
}) {
  const copy = await mkdtemp(path.join(tmpdir(), 'fastapi-twin-'));
  await cp(options.dir, copy, { recursive: true });
  const args = ['-m', 'uvicorn', 'app:app', '--host', '127.0.0.1', '--port', String(options.port)];
  args.push('--workers', String(options.workers), '--log-level', 'warning');
  const server = await start(PYTHON, args, {
    cwd: copy,
    port: options.port,
    env: { ...process.env, DATABASE_URL: options.databaseUrl },
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await rm(copy, { recursive: true, force: true });
    },
  };
}
