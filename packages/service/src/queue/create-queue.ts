import type pg from 'pg';
import type { Config } from '../config.ts';
import type { Queue } from '../ports/queue.ts';
import type { Signals } from '../ports/signals.ts';
import { PgQueue } from './pg-queue.ts';
import { SqsQueue } from './sqs-queue.ts';

/**
 * The scan queue the configuration names: SQS when `SCAN_QUEUE_URL` is set, PostgreSQL otherwise.
 * Consumers pass `listen: true` (PostgreSQL LISTEN/NOTIFY wake-up; close the queue when done);
 * senders need not. With `wakeups` (Redis), senders signal and consumers wake through it instead.
 */
export function createScanQueue(
  config: Pick<Config, 'queue' | 'sources'>,
  pool: pg.Pool,
  options: { listen?: boolean; wakeups?: Signals } = {},
): Queue {
  const q = config.queue;
  if (q.kind === 'sqs' && q.url) {
    return new SqsQueue({
      queueUrl: q.url,
      dlqUrl: q.dlqUrl,
      visibilitySeconds: q.visibilityTimeoutSeconds,
      region: config.sources.s3.region,
      endpoint: q.sqsEndpoint,
    });
  }
  // The table-level redrive sits one receive above the worker's own limit, as a backstop for crashes.
  return new PgQueue(pool, {
    name: q.name,
    visibilitySeconds: q.visibilityTimeoutSeconds,
    maxReceives: q.maxReceives + 1,
    listen: options.listen ?? false,
    wakeups: options.wakeups,
  });
}
