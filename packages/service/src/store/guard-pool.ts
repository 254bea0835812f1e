import type pg from 'pg';
import type { Logger } from '../log.ts';

/**
 * Gives a pool, and every client it opens, an `error` listener. pg emits `error` on a client
 * whose connection drops (a PostgreSQL restart, a failover), checked out or not; with no
 * listener that ends the process. The query in flight still rejects, so callers retry as usual,
 * and the pool opens a new connection for the next query.
 */
export function guardPool(pool: pg.Pool, logger?: Logger): pg.Pool {
  pool.on('error', (err) => logger?.warn({ err: err.message }, 'idle database connection failed'));
  pool.on('connect', (client) => {
    client.on('error', (err) => logger?.warn({ err: err.message }, 'database connection failed'));
  });
  return pool;
}
