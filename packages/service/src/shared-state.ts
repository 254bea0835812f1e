import { RedisCache } from './cache/redis-cache.ts';
import type { Config } from './config.ts';
import { SignalJobEvents } from './events/job-events.ts';
import type { Logger } from './log.ts';
import { createMemorySharedState } from './memory-shared-state.ts';
import type { SharedState } from './ports/shared-state.ts';
import { MemoryRateLimiter } from './rate-limit/memory-rate-limiter.ts';
import { RedisRateLimiter } from './rate-limit/redis-rate-limiter.ts';
import { RedisConnection, type RedisConnectionOptions } from './redis/redis-connection.ts';
import { RedisSignals } from './signals/redis-signals.ts';

export type { SharedState } from './ports/shared-state.ts';

/**
 * Builds the shared state from the `redis` configuration (one per process role; close it on stop).
 * `processes`: API processes of this task (`serve --workers N`); without Redis, or while it is
 * away, each limits requests to its share of every rate limit.
 */
export function createSharedState(
  config: Pick<Config, 'redis'>,
  logger: Logger,
  { processes = 1, ...options }: Omit<RedisConnectionOptions, 'logger'> & { processes?: number } = {},
): SharedState {
  const { url, authToken, tls } = config.redis;
  if (!url) return createMemorySharedState(processes);
  const redis = new RedisConnection({ url, authToken, tls }, { logger, ...options });
  const cache = new RedisCache(redis);
  const signals = new RedisSignals(redis);
  const { host, port } = new URL(url);
  logger.info(
    { redis: `${host}${port ? '' : ':6379'}`, tls },
    'redis: shared rate limits, job cache, wake-ups',
  );
  return {
    rateLimiter: new RedisRateLimiter(redis, new MemoryRateLimiter({ processes })),
    cache,
    wakeups: signals,
    jobEvents: new SignalJobEvents({ signals, cache }),
    redis,
    close: () => redis.close(),
  };
}
