import type { Redis } from 'ioredis';
import type { RateDecision, RateLimiter, RateRule } from '../ports/rate-limiter.ts';
import type { RedisConnection } from '../redis/redis-connection.ts';
import { MemoryRateLimiter } from './memory-rate-limiter.ts';

/**
 * `takeToken` of token-bucket.ts, atomic in Redis and on Redis's clock, so every API instance draws
 * from the same bucket. KEYS[1] bucket; ARGV perSecond, burst. Returns {allowed 0|1, retry after ms}.
 */
const TAKE_TOKEN = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local allowed, wait = 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {allowed, wait}
`;

type BucketClient = Redis & {
  dataScannerTakeToken(key: string, perSecond: number, burst: number): Promise<[number, number]>;
};

/**
 * Token buckets in Redis, shared by all API instances. While Redis is unusable each instance falls
 * back to its own in-process buckets: limits stay enforced, per instance, and nothing waits on Redis.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly client: BucketClient;

  constructor(
    private readonly connection: RedisConnection,
    private readonly fallback: RateLimiter = new MemoryRateLimiter(),
  ) {
    connection.client.defineCommand('dataScannerTakeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
    this.client = connection.client as BucketClient;
  }

  async take(key: string, rule: RateRule): Promise<RateDecision> {
    if (!this.connection.usable) return this.fallback.take(key, rule);
    try {
      const [allowed, wait] = await this.client.dataScannerTakeToken(
        `data-scanner:rate:${key}`,
        rule.perSecond,
        rule.burst,
      );
      return { allowed: allowed === 1, retryAfterMs: wait };
    } catch (err) {
      this.connection.failed(err);
      return this.fallback.take(key, rule);
    }
  }
}
