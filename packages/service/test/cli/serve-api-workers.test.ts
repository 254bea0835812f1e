import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '../../src/keys/key-store.ts';
import { freePort } from '../../src/store/embedded-postgres.ts';
import { useTestDatabase } from '../support/database.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../../bin/data-scanner.mjs');
const db = useTestDatabase();
let primary: ChildProcess | undefined;

afterEach(async () => {
  for (const pid of primary?.pid ? await children(primary.pid) : []) process.kill(pid, 'SIGKILL');
  if (primary?.exitCode === null && primary.signalCode === null) primary.kill('SIGKILL');
  primary = undefined;
});

/** Pids of the live (not zombie) API processes a primary started (not, say, tsx's esbuild service). */
async function children(parent: number): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || Number(fields[1]) !== parent) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('data-scanner.mjs')) pids.push(Number(entry));
  }
  return pids;
}

describe('serve --role api --workers 2', () => {
  it('serves one port from two processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    const { key } = await createApiKey(db().pool, 'acme');
    const port = await freePort();
    primary = spawn(process.execPath, [BIN, 'serve', '--role', 'api', '--workers', '2'], {
      env: { PATH: process.env.PATH, DATABASE_URL: db().url, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const pid = primary.pid as number;
    const jobs = () =>
      fetch(`http://127.0.0.1:${port}/jobs`, { headers: { authorization: `Bearer ${key}` } }).then(
        (res) => res.status,
        () => 0,
      );
    await vi.waitFor(async () => expect(await jobs()).toBe(200), { timeout: 60_000, interval: 250 });
    const first = await children(pid);
    expect(first).toHaveLength(2);

    process.kill(first[0] as number, 'SIGKILL');
    await vi.waitFor(
      async () => {
        const now = await children(pid);
        expect(now).toHaveLength(2);
        expect(now).not.toContain(first[0]);
      },
      { timeout: 60_000, interval: 250 },
    );
    await vi.waitFor(async () => expect(await jobs()).toBe(200), { timeout: 60_000, interval: 250 });

    const exited = new Promise<number | null>((resolve) => primary?.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await children(pid)).toEqual([]);
    expect(await jobs()).toBe(0);
  }, 180_000);

  it('refuses a worker count that is not a positive integer', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--role', 'api', '--workers', 'two'], {
      env: { PATH: process.env.PATH, DATABASE_URL: db().url, PORT: String(await freePort()) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain('--workers must be an integer >= 1');
  }, 60_000);
});
