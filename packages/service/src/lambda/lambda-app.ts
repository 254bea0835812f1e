import pg from 'pg';
import { readApiConfig } from '../api/api-config.ts';
import { createApp } from '../api/app.ts';
import { createJobCommands, type EnqueuePlan } from '../api/job-commands.ts';
import { PgApiStore } from '../api/pg-api-store.ts';
import { createLogger } from '../log.ts';
import { PgJobStore } from '../store/jobs-repository.ts';

const notWired: EnqueuePlan = async () => {
  throw new Error('the scan queue is not wired into the Lambda handlers yet');
};

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
  const commands = createJobCommands(new PgJobStore(pool), notWired);
  return createApp({ store: new PgApiStore(pool, commands), config: readApiConfig(), logger });
}
