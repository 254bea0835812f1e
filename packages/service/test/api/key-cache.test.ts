import type pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { ApiKeyCache } from '../../src/api/auth/api-key-cache.ts';
import { PgApiStore } from '../../src/api/pg-api-store.ts';
import { createJobCommands } from '../../src/jobs/job-commands.ts';
import { enqueuePlanOn } from '../../src/jobs/submit-job.ts';
import { apiKeysByPrefix, createApiKey } from '../../src/keys/key-store.ts';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { useTestDatabase } from '../support/database.ts';

/** Notifications cross a real PostgreSQL connection: on a loaded machine they take more than vitest's default 1 s. */
const WAIT = { timeout: 15_000, interval: 50 };

const db = useTestDatabase();
let cache: ApiKeyCache | undefined;
afterEach(async () => {
  await cache?.close();
  cache = undefined;
});

/** The API over a key cache whose lookups are counted. */
function apiWithCache(pool: pg.Pool, options: { listen: boolean; ttlMs?: number }) {
  const lookups: string[] = [];
  cache = new ApiKeyCache(
    (prefix) => {
      lookups.push(prefix);
      return apiKeysByPrefix(pool, prefix);
    },
    { ttlMs: options.ttlMs ?? 60_000 },
  );
  if (options.listen) cache.listen(pool);
  const app = createApp({
    store: new PgApiStore(
      pool,
      createJobCommands(new PgJobStore(pool), enqueuePlanOn(new PgQueue(pool, { name: 'scan' }))),
    ),
    config: { s3Buckets: [], fileRoots: [] },
    logger: createLogger({ level: 'silent' }),
    keyCache: cache,
  });
  const call = async (key: string) =>
    (await app.request('/jobs', { headers: { authorization: `Bearer ${key}` } })).status;
  return { call, lookups, cache };
}

describe('API key lookups kept in memory', () => {
  it('answers repeated requests without a lookup and refuses a key as soon as it is revoked', async () => {
    const { key, keyId } = await createApiKey(db().pool, 'acme');
    const api = apiWithCache(db().pool, { listen: true });
    await vi.waitFor(() => expect(api.cache.listening).toBe(true), WAIT);
    expect(await api.call(key)).toBe(200);
    expect(await api.call(key)).toBe(200);
    expect(await api.call(key)).toBe(200);
    expect(api.lookups).toHaveLength(1);

    // Another process (the CLI, plain SQL) revokes it; the 60 s TTL plays no part while the feed listens.
    await db().pool.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [keyId]);
    await vi.waitFor(async () => expect(await api.call(key)).toBe(401), WAIT);
    expect(api.lookups).toHaveLength(2);
  });

  it('forgets an unknown prefix once a key is created under it, and ignores last_used_at writes', async () => {
    const api = apiWithCache(db().pool, { listen: true });
    await vi.waitFor(() => expect(api.cache.listening).toBe(true), WAIT);
    const { key, keyId, prefix } = await createApiKey(db().pool, 'acme');
    await db().pool.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [keyId]);
    // Cache the prefix as having no usable key.
    await vi.waitFor(async () => expect(await api.call(key)).toBe(401), WAIT);
    await db().pool.query('UPDATE api_keys SET revoked_at = NULL WHERE id = $1', [keyId]);
    await vi.waitFor(async () => expect(await api.call(key)).toBe(200), WAIT);
    // Notifications arrive in order on one connection: once a later one for another prefix has
    // dropped that prefix's entry, every earlier one (the key's insert and updates) has landed too.
    const settle = async (sentinelPrefix: string) => {
      const sentinel = `${sentinelPrefix}_${'x'.repeat(43)}`;
      expect(await api.call(sentinel)).toBe(401);
      await db().pool.query("SELECT pg_notify('data_scanner_api_keys', $1)", [sentinelPrefix]);
      await vi.waitFor(async () => {
        expect(await api.call(sentinel)).toBe(401);
        expect(api.lookups.filter((p) => p === sentinelPrefix).length).toBeGreaterThan(1);
      }, WAIT);
    };
    const lookupsOfKey = () => api.lookups.filter((p) => p === prefix).length;
    await settle('dsk_SENTINEL0000');
    expect(await api.call(key)).toBe(200);
    const before = lookupsOfKey();
    await db().pool.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [keyId]);
    await settle('dsk_SENTINEL0001');
    expect(await api.call(key)).toBe(200);
    expect(lookupsOfKey()).toBe(before);
  });

  it('without the feed, serves an entry for its TTL only', async () => {
    const { key, keyId } = await createApiKey(db().pool, 'acme');
    const api = apiWithCache(db().pool, { listen: false, ttlMs: 0 });
    expect(await api.call(key)).toBe(200);
    await db().pool.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [keyId]);
    expect(await api.call(key)).toBe(401);
    expect(api.lookups).toHaveLength(2);
  });
});
