import { RedisCache } from './cache/redis-cache.ts';
import type { Config } from './config.ts';
import { SignalJobEvents } from './events/job-events.ts';
import type { Logger } from './log.ts';
import { createMemorySharedState } from './memory-shared-state.ts';
import type { Cache } from './ports/cache.ts';
import type { JobEvents } from './ports/job-events.ts';
import type { RateLimiter } from './ports/rate-limiter.ts';
import type { Signals } from './ports/signals.ts';
import { RedisRateLimiter } from './rate-limit/redis-rate-limiter.ts';
import { RedisConnection, type RedisConnectionOptions } from './redis/redis-connection.ts';
import { RedisSignals } from './signals/redis-signals.ts';

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

/** Builds the shared state from the `redis` configuration (one per process role; close it on stop). */
export function createSharedState(
  config: Pick<Config, 'redis'>,
  logger: Logger,
  options: Omit<RedisConnectionOptions, 'logger'> = {},
): SharedState {
  const { url, authToken, tls } = config.redis;
  if (!url) return createMemorySharedState();
  const redis = new RedisConnection({ url, authToken, tls }, { logger, ...options });
  const cache = new RedisCache(redis);
  const signals = new RedisSignals(redis);
  const { host, port } = new URL(url);
  logger.info(
    { redis: `${host}${port ? '' : ':6379'}`, tls },
    'redis: shared rate limits, job cache, wake-ups',
  );
  return {
    rateLimiter: new RedisRateLimiter(redis),
    cache,
    wakeups: signals,
    jobEvents: new SignalJobEvents({ signals, cache }),
    redis,
    close: () => redis.close(),
  };
}
