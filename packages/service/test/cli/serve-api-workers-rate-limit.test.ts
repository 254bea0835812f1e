import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/keys/key-store.ts';
import { freePort } from '../../src/store/embedded-postgres.ts';
import { startApiWorkers } from '../support/api-workers.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
let primary: ChildProcess | undefined;

afterEach(async () => {
  if (primary && primary.exitCode === null && primary.signalCode === null) {
    const exited = new Promise((resolve) => primary?.once('exit', resolve));
    primary.kill('SIGTERM');
    const timer = setTimeout(() => primary?.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
  primary = undefined;
});

/** One request on a connection of its own, so the cluster hands connections to the processes in turn. */
function get(port: number, key: string): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: '/jobs', headers: { authorization: `Bearer ${key}` }, agent: false },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', reject);
  });
}

describe('serve --role api --workers 2 without Redis', () => {
  it('keeps a key within its configured burst across both processes, each enforcing half', async () => {
    const { key } = await createApiKey(db().pool, 'acme');
    const port = await freePort();
    // 40 requests of burst and one token every 10 s: the refill plays almost no part.
    const workers = startApiWorkers(
      {
        DATABASE_URL: db().url,
        PORT: String(port),
        RATE_LIMIT_PER_KEY: '0.1',
        RATE_LIMIT_PER_KEY_BURST: '40',
        RATE_LIMIT_PER_IP: '0',
      },
      'ignore',
    );
    primary = workers.child;
    // Both listen: with one still starting, every request would reach the other, which allows its half alone.
    await workers.listening();

    const started = Date.now();
    const answers = [];
    for (let i = 0; i < 80; i++) answers.push(await get(port, key));
    const elapsedSeconds = (Date.now() - started) / 1000;
    const allowed = answers.filter((a) => a.status === 200).length;
    const refused = answers.filter((a) => a.status === 429);
    expect(allowed + refused.length).toBe(80);
    // One limit for the whole: 40 plus what 0.1/s refilled (two processes each on its own would allow 80).
    expect(allowed).toBeLessThanOrEqual(40 + Math.floor(elapsedSeconds * 0.1));
    // Both processes served their half: one process alone would stop near 20.
    expect(allowed).toBeGreaterThanOrEqual(30);
    expect(Number(refused[0]?.retryAfter)).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
