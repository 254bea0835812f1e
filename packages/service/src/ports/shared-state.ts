import type { RedisConnection } from '../redis/redis-connection.ts';
import type { Cache } from './cache.ts';
import type { JobEvents } from './job-events.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { Signals } from './signals.ts';

/**
 * What the processes of a deployment share: Redis when `REDIS_URL` is set, else this process's own.
 * Redis only ever holds copies and counters; losing it costs latency and per-instance limits, never data.
 */
export interface SharedState {
  /** Redis token buckets (in-process while Redis is away), or in-process ones. */
  rateLimiter: RateLimiter;
  /** Job view cache; none without Redis (reads go to PostgreSQL). */
  cache: Cache | undefined;
  /** Cross-process queue wake-ups; none without Redis (the PostgreSQL queue uses LISTEN/NOTIFY). */
  wakeups: Signals | undefined;
  /** Job change announcements: the job store publishes, the API's cache and waiting clients listen. */
  jobEvents: JobEvents;
  /** The Redis connection when configured. */
  redis: RedisConnection | undefined;
  /** Closes the Redis connections. */
  close(): Promise<void>;
}
