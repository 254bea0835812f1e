import pg from 'pg';
import { createApiApp } from '../api/api-runtime.ts';
import { touchApiKeys } from '../auth/key-store.ts';
import { KeyUsage } from '../auth/key-usage.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';

/**
 * The API app as a Lambda function runs it: built once per container from the environment
 * (`DATABASE_URL`, `SCAN_QUEUE_URL`, `SCAN_S3_BUCKETS`, JWT settings), with a small pool the
 * container reuses across invocations. Lambda never reads local files, so `file://` stays off.
 */
export function createLambdaApp() {
  const config = loadConfig({ ...process.env, DATA_SCANNER_LOCAL_ROOTS: '' });
  const logger = createLogger({ name: 'data-scanner-api', level: config.logLevel });
  const pool = new pg.Pool({
    connectionString: config.database.url,
    max: 2,
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (err) => logger.warn({ err: err.message }, 'idle database connection failed'));
  // A frozen container may never run a later timer: key uses are written during the request that notes them.
  const keyUsage = new KeyUsage((ids) => touchApiKeys(pool, ids), {
    batchMs: 0,
    onError: (err) => logger.warn({ err: (err as Error).message }, 'could not record API key use'),
  });
  return createApiApp({ config, pool, logger, keyUsage });
}
