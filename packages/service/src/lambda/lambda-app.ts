import pg from 'pg';
import { readApiConfig } from '../api/api-config.ts';
import { createApp } from '../api/app.ts';
import { PgApiStore } from '../api/pg-api-store.ts';
import { createLogger } from '../log.ts';

/**
 * The API app as a Lambda function runs it: built once per container from the environment
 * (`DATABASE_URL`, `SCAN_S3_BUCKETS`, JWT settings), with a small pool the container reuses.
 */
export function createLambdaApp() {
  const logger = createLogger({ name: 'data-scanner-api' });
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 2,
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (err) => logger.warn({ err: err.message }, 'idle database connection failed'));
  return createApp({ store: new PgApiStore(pool), config: readApiConfig(), logger });
}
