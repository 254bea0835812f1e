import type pg from 'pg';
import type { StoredKey } from '../../keys/key-store.ts';
import { PgListener } from '../../store/pg-listener.ts';

/** Options of `ApiKeyCache`. */
export interface ApiKeyCacheOptions {
  /**
   * How long an entry is served while no invalidation feed is listening (a Lambda container, a lost
   * listener connection): the longest a revoked key keeps working there. @default 5000
   */
  ttlMs?: number;
  /** How long an entry is served while the feed listens: a bound on a lost notification. @default 600000 */
  maxAgeMs?: number;
  /** Prefixes kept (known and unknown ones); the oldest go first. @default 10000 */
  maxEntries?: number;
}

/** PostgreSQL channel on which migration 045's trigger announces a changed key's prefix. */
export const API_KEY_CHANNEL = 'data_scanner_api_keys';

interface Entry {
  keys: StoredKey[];
  at: number;
}

/**
 * In-process copy of API key lookups by public prefix, so authentication needs no database round
 * trip. With `listen(pool)`, PostgreSQL announces every created, revoked, deleted or rehashed key
 * (migration 045's trigger, `LISTEN/NOTIFY`) and the prefix's entry is dropped the moment the
 * notification lands, in every API process; while that feed is down, entries live `ttlMs`.
 * Concurrent misses for one prefix share one lookup, and a lookup that overlaps an invalidation is
 * not kept.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<StoredKey[]>>();
  private generation = 0;
  private listener: PgListener | undefined;
  private readonly ttlMs: number;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly lookup: (prefix: string) => Promise<StoredKey[]>,
    options: ApiKeyCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.maxAgeMs = options.maxAgeMs ?? 600_000;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** Starts the invalidation feed on the pool's database; `close()` stops it. */
  listen(pool: pg.Pool, onLost?: (err: unknown) => void): this {
    this.listener ??= new PgListener(pool, API_KEY_CHANNEL, {
      onNotify: (prefix) => this.invalidate(prefix),
      // Notifications sent while the feed was away are lost: forget everything.
      onListening: () => this.clear(),
      onLost: (err) => {
        this.clear();
        onLost?.(err);
      },
    });
    return this;
  }

  /** Whether the invalidation feed is up (entries then live until invalidated). */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  /** The unrevoked keys with this prefix, from memory when a valid entry is there. */
  async get(prefix: string): Promise<StoredKey[]> {
    const entry = this.entries.get(prefix);
    if (entry && Date.now() - entry.at < (this.listening ? this.maxAgeMs : this.ttlMs)) return entry.keys;
    let loaded = this.loading.get(prefix);
    if (!loaded) {
      loaded = this.load(prefix).finally(() => this.loading.delete(prefix));
      this.loading.set(prefix, loaded);
    }
    return loaded;
  }

  private async load(prefix: string): Promise<StoredKey[]> {
    const generation = this.generation;
    const keys = await this.lookup(prefix);
    if (generation === this.generation) {
      this.entries.delete(prefix);
      if (this.entries.size >= this.maxEntries)
        this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(prefix, { keys, at: Date.now() });
    }
    return keys;
  }

  /** Drops one prefix's entry (its keys changed). */
  invalidate(prefix: string): void {
    this.generation++;
    this.entries.delete(prefix);
    this.loading.delete(prefix);
  }

  /** Drops every entry. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  /** Stops the invalidation feed. */
  async close(): Promise<void> {
    await this.listener?.close();
    this.listener = undefined;
  }
}
