import pg from 'pg';
import { createApiApp } from '../api/api-runtime.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { guardPool } from '../store/guard-pool.ts';

/**
 * The API app as a Lambda function runs it: built once per container from the environment
 * (`DATABASE_URL`, `SCAN_QUEUE_URL`, `SCAN_S3_BUCKETS`, JWT settings), with a small pool the
 * container reuses across invocations. Lambda never reads local files, so `file://` stays off.
 */
export function createLambdaApp() {
  const config = loadConfig({ ...process.env, DATA_SCANNER_LOCAL_ROOTS: '' });
  const logger = createLogger({ name: 'data-scanner-api', level: config.logLevel });
  const pool = guardPool(
    new pg.Pool({
      connectionString: config.database.url,
      max: 2,
      idleTimeoutMillis: 60_000,
      connectionTimeoutMillis: 5_000,
    }),
    logger,
  );
  return createApiApp({ config, pool, logger });
}
