import type { Cache } from '../ports/cache.ts';
import type { RedisConnection } from '../redis/redis-connection.ts';

/** Cache on Redis. While Redis is unusable, reads miss and writes are dropped without waiting. */
export class RedisCache implements Cache {
  constructor(private readonly connection: RedisConnection) {}

  async get(keys: readonly string[]): Promise<(string | undefined)[]> {
    const misses = keys.map(() => undefined);
    if (keys.length === 0 || !this.connection.usable) return misses;
    try {
      return (await this.connection.client.mget(...keys)).map((value) => value ?? undefined);
    } catch (err) {
      this.connection.failed(err);
      return misses;
    }
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    if (!this.connection.usable) return;
    await this.connection.client
      .set(key, value, 'EX', ttlSeconds)
      .catch((err) => this.connection.failed(err));
  }

  async increment(key: string, ttlSeconds: number): Promise<void> {
    if (!this.connection.usable) return;
    try {
      const results = await this.connection.client.multi().incr(key).expire(key, ttlSeconds).exec();
      const failed = results?.find(([err]) => err)?.[0];
      if (failed) throw failed;
    } catch (err) {
      this.connection.failed(err);
    }
  }
}
