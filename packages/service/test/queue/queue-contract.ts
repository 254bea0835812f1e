import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Queue, QueueMessageError } from '../../src/ports/queue.ts';
import type { PgQueue } from '../../src/queue/pg-queue.ts';
import type { TestDatabase } from '../support/database.ts';
import { receiveWaiting } from '../support/queue-watch.ts';

/** What a queue implementation hands the contract suite. */
export interface QueueUnderTest {
  queue: Queue;
  /** Ends every in-flight delivery's visibility now (backdating instead of sleeping). */
  expire(): Promise<void>;
  /** Bodies and reasons of dead-lettered messages. */
  deadLetters(): Promise<{ body: string; reason: string }[]>;
  /**
   * Resolves once a receive call has looked at the queue, found nothing, and is still waiting
   * (seen from the queue's side: the database's or the SQS endpoint's).
   */
  receiveWaiting(): Promise<void>;
  teardown(): Promise<void>;
}

/** A PgQueue on a throwaway database for the contract suite; `teardown` closes what the caller opened and drops the database. */
export function pgQueueUnderTest(
  db: TestDatabase,
  queue: PgQueue,
  close?: () => Promise<void>,
): QueueUnderTest {
  return {
    queue,
    expire: async () => {
      await db.pool.query(`UPDATE queue_messages SET visible_at = now() - interval '1 second'`);
    },
    deadLetters: async () => (await queue.deadLetters()).map(({ body, reason }) => ({ body, reason })),
    receiveWaiting: () => receiveWaiting(db.url),
    teardown: async () => {
      await close?.();
      await db.drop();
    },
  };
}

/** The behaviour every Queue adapter must show (SQS semantics). */
export function describeQueueContract(name: string, create: () => Promise<QueueUnderTest>): void {
  describe(`Queue contract: ${name}`, () => {
    let q: QueueUnderTest;
    beforeEach(async () => {
      q = await create();
    });
    afterEach(async () => {
      await q.teardown();
    });

    it('delivers a sent message once and hides it while it is in flight', async () => {
      await q.queue.send(['{"n":1}']);
      const [first, ...rest] = await q.queue.receive({ max: 10 });
      expect(rest).toEqual([]);
      expect(first).toMatchObject({ body: '{"n":1}', receiveCount: 1 });
      expect(await q.queue.receive({ max: 10 })).toEqual([]);
    });

    it('redelivers after the visibility timeout with a higher receive count; a stale receipt deletes nothing', async () => {
      await q.queue.send(['job']);
      const [first] = await q.queue.receive();
      await q.expire();
      const [second] = await q.queue.receive();
      expect(second).toMatchObject({ body: 'job', receiveCount: 2 });
      await q.queue.delete([first?.receipt as string]);
      await q.expire();
      const [third] = await q.queue.receive();
      expect(third).toMatchObject({ body: 'job', receiveCount: 3 });
      await q.queue.delete([third?.receipt as string]);
      await q.expire();
      expect(await q.queue.receive()).toEqual([]);
    });

    it('sends and deletes in batches and returns at most 10 per receive', async () => {
      const bodies = Array.from({ length: 25 }, (_, i) => `m${i}`);
      await q.queue.send(bodies);
      const seen: string[] = [];
      for (;;) {
        const batch = await q.queue.receive({ max: 10 });
        if (batch.length === 0) break;
        expect(batch.length).toBeLessThanOrEqual(10);
        seen.push(...batch.map((m) => m.body));
        await q.queue.delete(batch.map((m) => m.receipt));
      }
      expect(seen.sort()).toEqual([...bodies].sort());
      await q.expire();
      expect(await q.queue.receive({ max: 10 })).toEqual([]);
    });

    it('never hands one message to two concurrent receivers', async () => {
      await q.queue.send(Array.from({ length: 20 }, (_, i) => `c${i}`));
      const batches = await Promise.all([1, 2, 3, 4].map(() => q.queue.receive({ max: 10 })));
      const ids = batches.flat().map((m) => m.body);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(20);
    });

    it('releases a message at once with change visibility 0, and keeps it hidden when extended', async () => {
      await q.queue.send(['a', 'b']);
      const [a, b] = await q.queue.receive({ max: 2 });
      await q.queue.changeVisibility(a?.receipt as string, 0);
      await q.queue.changeVisibility(b?.receipt as string, 600);
      const again = await q.queue.receive({ max: 10 });
      expect(again.map((m) => m.body)).toEqual(['a']);
    });

    it('long-polls: a receive that found the queue empty waits, and returns a message sent meanwhile', async () => {
      const waiting = q.queue.receive({ waitSeconds: 5 });
      await q.receiveWaiting();
      // The message is sent only after the receive found the queue empty: a receive that did not
      // wait would answer [] here.
      await q.queue.send(['late']);
      expect((await waiting).map((m) => m.body)).toEqual(['late']);
    });

    it('dead-letters a message with a reason, and it is not delivered again', async () => {
      await q.queue.send(['poison']);
      const [m] = await q.queue.receive();
      await q.queue.deadLetter(m as NonNullable<typeof m>, 'cannot parse');
      await q.expire();
      expect(await q.queue.receive()).toEqual([]);
      expect(await q.deadLetters()).toEqual([{ body: 'poison', reason: 'cannot parse' }]);
    });

    it('refuses empty messages and messages over 256 KiB before sending anything', async () => {
      await expect(q.queue.send([''])).rejects.toBeInstanceOf(QueueMessageError);
      await expect(q.queue.send(['ok', 'x'.repeat(256 * 1024 + 1)])).rejects.toThrow(/limit is 262144/);
      expect(await q.queue.receive({ max: 10 })).toEqual([]);
    });
  });
}
