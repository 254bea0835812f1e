import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { PgQueue, queueChannel } from '../../src/queue/pg-queue.ts';
import { createSharedState, type SharedState } from '../../src/shared-state.ts';
import { describeQueueContract, pgQueueUnderTest } from '../queue/queue-contract.ts';
import { createTestDatabase, useTestDatabase } from '../support/database.ts';
import { receiveWaiting } from '../support/queue-watch.ts';
import { type TestRedis, useTestRedis } from '../support/redis.ts';

const redis = useTestRedis();

/** One process's shared state on the test Redis, connected. */
async function connected(server: TestRedis): Promise<SharedState> {
  const shared = createSharedState(
    { redis: { url: server.url, authToken: server.password, tls: false } },
    createLogger({ level: 'silent' }),
  );
  await shared.redis?.whenReady();
  return shared;
}

/** Waits until Redis has a subscriber on the queue's wake-up channel. */
async function subscribed(server: TestRedis, name: string): Promise<void> {
  for (;;) {
    const [, count] = (await server.admin.pubsub('NUMSUB', queueChannel(name))) as [string, number];
    if (count > 0) return;
    await sleep(10);
  }
}

describeQueueContract('PostgreSQL with Redis wake-ups', async () => {
  const db = await createTestDatabase();
  const shared = await connected(redis());
  const queue = new PgQueue(db.pool, { name: 'scan', wakeups: shared.wakeups });
  return pgQueueUnderTest(db, queue, async () => {
    await queue.close();
    await shared.close();
  });
});

describe('queue wake-ups through Redis', () => {
  const db = useTestDatabase();

  // The receiver polls once a minute and waits up to 20 s, both beyond the test's timeout: only the
  // sender's Redis signal can hand it the message in time.
  it('wakes a receiver waiting in a long poll as soon as another process sends', {
    timeout: 10_000,
  }, async () => {
    const [consumerSide, producerSide] = [await connected(redis()), await connected(redis())];
    const consumer = new PgQueue(db().pool, { name: 'scan', wakeups: consumerSide.wakeups, pollMs: 60_000 });
    const producer = new PgQueue(db().pool, { name: 'scan', wakeups: producerSide.wakeups });
    const other = new PgQueue(db().pool, { name: 'reports', wakeups: producerSide.wakeups });
    try {
      const received = consumer.receive({ waitSeconds: 20 });
      await receiveWaiting(db().url);
      await subscribed(redis(), 'scan');
      await other.send(['not for the scan queue']);
      await producer.send(['{"type":"plan","job_id":"j1"}']);
      expect((await received).map((m) => m.body)).toEqual(['{"type":"plan","job_id":"j1"}']);
    } finally {
      await Promise.all([consumer.close(), producer.close(), other.close()]);
      await Promise.all([consumerSide.close(), producerSide.close()]);
    }
  });

  it('still delivers by polling while Redis is down', { timeout: 20_000 }, async () => {
    const [consumerSide, producerSide] = [await connected(redis()), await connected(redis())];
    const consumer = new PgQueue(db().pool, { name: 'scan', wakeups: consumerSide.wakeups, pollMs: 50 });
    const producer = new PgQueue(db().pool, { name: 'scan', wakeups: producerSide.wakeups });
    try {
      await redis().stop();
      const received = consumer.receive({ waitSeconds: 20 });
      await receiveWaiting(db().url);
      await producer.send(['sent while redis is down']);
      expect((await received).map((m) => m.body)).toEqual(['sent while redis is down']);
    } finally {
      await redis().start();
      await Promise.all([consumer.close(), producer.close()]);
      await Promise.all([consumerSide.close(), producerSide.close()]);
    }
  });
});
