import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '../../src/keys/key-store.ts';
import { freePort } from '../../src/store/embedded-postgres.ts';
import { startApiWorkers } from '../support/api-workers.ts';
import { CLI } from '../support/cli.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
let primary: ChildProcess | undefined;

afterEach(async () => {
  for (const pid of primary?.pid ? await children(primary.pid) : []) process.kill(pid, 'SIGKILL');
  if (primary?.exitCode === null && primary.signalCode === null) primary.kill('SIGKILL');
  primary = undefined;
});

/** Pids of the live (not zombie) API processes a primary started. */
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
  it('serves one port from two processes, replaces those that die (without a second banner), and on SIGTERM drains them all, a replacement still starting too', async () => {
    const { key } = await createApiKey(db().pool, 'acme');
    const port = await freePort();
    // A worker that misses the stop is killed at the drain deadline, 5 s after it.
    const workers = startApiWorkers(
      { DATABASE_URL: db().url, PORT: String(port), WORKER_DRAIN_SECONDS: '5' },
      'inherit',
    );
    primary = workers.child;
    const pid = primary.pid as number;
    const jobs = () =>
      fetch(`http://127.0.0.1:${port}/jobs`, { headers: { authorization: `Bearer ${key}` } }).then(
        (res) => res.status,
        () => 0,
      );
    // Both listen (one answering is not enough: a worker killed before it listens fails the start).
    await workers.listening();
    expect(await jobs()).toBe(200);
    const first = await children(pid);
    expect(first).toHaveLength(2);

    // Both die, so the first worker (the one that prints the banner) is replaced whichever pid it had.
    for (const child of first) process.kill(child, 'SIGKILL');
    await vi.waitFor(
      async () => {
        const now = await children(pid);
        expect(now).toHaveLength(2);
        for (const child of first) expect(now).not.toContain(child);
      },
      { timeout: 60_000, interval: 250 },
    );
    await vi.waitFor(async () => expect(await jobs()).toBe(200), { timeout: 60_000, interval: 250 });
    expect(workers.output().match(/Data Scanner API on /g), workers.output()).toHaveLength(1);

    // The replacement is usually still starting here: it must drain once it is up, not wait to be killed.
    const exited = new Promise<number | null>((resolve) => primary?.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await children(pid)).toEqual([]);
    expect(await jobs()).toBe(0);
    expect(workers.output().match(/"msg":"api stopped"/g), workers.output()).toHaveLength(2);
  }, 180_000);

  it('refuses a worker count that is not a positive integer', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--role', 'api', '--workers', 'two'], {
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
