import { describe, expect, it } from 'vitest';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createTestDatabase, useTestDatabase } from '../support/database.ts';
import { describeQueueContract, pgQueueUnderTest } from './queue-contract.ts';

describeQueueContract('PostgreSQL', async () => {
  const db = await createTestDatabase();
  return pgQueueUnderTest(db, new PgQueue(db.pool, { name: 'scan', pollMs: 20 }));
});

describeQueueContract('PostgreSQL with LISTEN/NOTIFY wake-up', async () => {
  const db = await createTestDatabase();
  const queue = new PgQueue(db.pool, { name: 'scan', listen: true });
  return pgQueueUnderTest(db, queue, () => queue.close());
});

describe('PgQueue specifics', () => {
  const db = useTestDatabase();

  it('moves a message received maxReceives times to the dead-letter table', async () => {
    const queue = new PgQueue(db().pool, { name: 'scan', maxReceives: 2 });
    await queue.send(['crashes-the-worker']);
    for (const expected of [1, 2]) {
      const [m] = await queue.receive();
      expect(m?.receiveCount).toBe(expected);
      await db().pool.query(`UPDATE queue_messages SET visible_at = now() - interval '1 second'`);
    }
    expect(await queue.receive()).toEqual([]);
    expect(await queue.deadLetters()).toEqual([
      expect.objectContaining({
        body: 'crashes-the-worker',
        receiveCount: 2,
        reason: expect.stringMatching(/2 times/),
      }),
    ]);
    expect(await queue.depth()).toBe(0);
  });

  it('keeps queues that share the table apart', async () => {
    const a = new PgQueue(db().pool, { name: 'a' });
    const b = new PgQueue(db().pool, { name: 'b' });
    await a.send(['for-a']);
    expect(await b.receive()).toEqual([]);
    expect((await a.receive()).map((m) => m.body)).toEqual(['for-a']);
  });
});
