import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
let queue: PgQueue | undefined;

afterEach(async () => {
  await queue?.close();
  queue = undefined;
});

/** Backends of this test's database that LISTEN for queue wake-ups. */
async function listeners(): Promise<number[]> {
  const { rows } = await db().pool.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
  );
  return rows.map((r) => r.pid as number);
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(50);
  }
}

describe('PgQueue with listen', () => {
  it('opens its LISTEN connection again when the server drops it, and still delivers', async () => {
    queue = new PgQueue(db().pool, { name: 'scan', listen: true });
    const [first] = await until(async () => ((await listeners()).length === 1 ? listeners() : undefined));
    await db().pool.query('SELECT pg_terminate_backend($1)', [first]);
    const [second] = await until(async () => {
      const pids = await listeners();
      return pids.length === 1 && pids[0] !== first ? pids : undefined;
    });
    expect(second).not.toBe(first);
    await queue.send(['after the drop']);
    const [message] = await queue.receive({ waitSeconds: 5 });
    expect(message?.body).toBe('after the drop');
  });
});
