import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { redisOptions } from '../../src/redis/redis-connection.ts';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as ConfigError).problems;
  }
  return [];
};

describe('redis and rate-limit configuration', () => {
  it('defaults: no Redis, limits on that a polling dashboard stays far below, the socket address', () => {
    const config = loadConfig({});
    expect(config.redis).toEqual({ url: undefined, authToken: undefined, tls: false });
    expect(config.rateLimit).toEqual({
      perKey: { perSecond: 20, burst: 100 },
      perIp: { perSecond: 50, burst: 200 },
      trustProxy: false,
    });
  });

  it('takes REDIS_URL and REDIS_AUTH_TOKEN as the infra passes them; TLS follows rediss:// unless REDIS_TLS says', () => {
    const token = 'elasticache-token-0123456789abcdef';
    expect(
      loadConfig({ REDIS_URL: 'rediss://cache.example.internal:6379', REDIS_AUTH_TOKEN: token }).redis,
    ).toEqual({
      url: 'rediss://cache.example.internal:6379',
      authToken: token,
      tls: true,
    });
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redis.tls).toBe(false);
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379', REDIS_TLS: 'true' }).redis.tls).toBe(true);
  });

  it('turns a limit off with 0 and takes decimal rates and bursts', () => {
    const config = loadConfig({
      RATE_LIMIT_PER_KEY: '0',
      RATE_LIMIT_PER_IP: '0.5',
      RATE_LIMIT_PER_IP_BURST: '3',
      TRUST_PROXY: 'yes',
    });
    expect(config.rateLimit).toEqual({ perKey: null, perIp: { perSecond: 0.5, burst: 3 }, trustProxy: true });
  });

  it('names every bad value in one error, and never echoes the URL or the token', () => {
    const token = 'hunter2-secret-token\n';
    const found = problems({
      REDIS_URL: 'http://user:hunter2@cache:6379',
      REDIS_AUTH_TOKEN: token,
      RATE_LIMIT_PER_KEY: 'lots',
      RATE_LIMIT_PER_IP_BURST: '0',
    });
    expect(found).toEqual([
      'REDIS_URL must be a redis:// or rediss:// URL with a host, e.g. rediss://my-cache:6379',
      'REDIS_AUTH_TOKEN must not contain whitespace (a trailing newline in the secret?)',
      'RATE_LIMIT_PER_KEY must be requests per second, a number >= 0; 0 turns the limit off (got "lots")',
      'RATE_LIMIT_PER_IP_BURST must be an integer >= 1 (got "0")',
    ]);
    expect(JSON.stringify(found)).not.toContain('hunter2');
    expect(problems({ REDIS_AUTH_TOKEN: 'orphan-token' })).toEqual([
      'REDIS_AUTH_TOKEN is set but REDIS_URL is not; set both or neither',
    ]);
    expect(problems({ REDIS_URL: 'rediss://cache:6379', REDIS_TLS: 'false' })).toEqual([
      'REDIS_TLS=false contradicts a rediss:// URL; use redis:// for a connection without TLS',
    ]);
    expect(problems({ REDIS_URL: 'redis://cache:6379/cache' })).toEqual([
      'REDIS_URL may only carry a database number as its path, e.g. rediss://my-cache:6379/0',
    ]);
    expect(() => loadConfig({ REDIS_URL: 'nope' })).toThrow(ConfigError);
  });

  it('connects with the token, TLS when asked, and never queues a command while disconnected', () => {
    const options = redisOptions(
      { url: 'rediss://cache.example.internal:6380/2', authToken: 'token-from-secrets-manager', tls: true },
      'data-scanner-api',
    );
    expect(options).toMatchObject({
      host: 'cache.example.internal',
      port: 6380,
      db: 2,
      password: 'token-from-secrets-manager',
      tls: {},
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    expect(options.commandTimeout).toBeLessThanOrEqual(1000);
    expect(options.username).toBeUndefined();
    const plain = redisOptions({ url: 'redis://127.0.0.1', authToken: undefined, tls: false }, 'worker');
    expect(plain).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0 });
    expect(plain.tls).toBeUndefined();
    expect(plain.password).toBeUndefined();
  });
});
