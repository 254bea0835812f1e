/**
 * Short-lived copies of values whose truth lives in PostgreSQL: a miss, a failure or an outage costs
 * one database read, never data. Adapters swallow and report their own failures (reads miss, writes drop).
 */
export interface Cache {
  /** The values of `keys` in one round trip; undefined for each key missing (or unreadable). */
  get(keys: readonly string[]): Promise<(string | undefined)[]>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Adds one to a counter (a missing counter counts from 0) and keeps it for `ttlSeconds`. */
  increment(key: string, ttlSeconds: number): Promise<void>;
}
