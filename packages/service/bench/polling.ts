/**
 * The polling scenario of `npm run bench:api:scenarios`: BENCH_POLL_CLIENTS clients (default 200) each poll
 * `GET /jobs/{id}` of a running job (20,000 findings so far) once a second, while a worker records
 * one object every 200 ms through its job store. Runs once on PostgreSQL alone and once with a
 * throwaway redis-server, each on a database of its own, and prints the database load of each:
 * queries the API sent (counted at its pool) and transactions that database committed
 * (`pg_stat_database.xact_commit`, the worker's writes included). BENCH_LOG=info shows the service's logs.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { createApp } from '../src/api/app.ts';
import { PgApiStore } from '../src/api/pg-api-store.ts';
import type { Config } from '../src/config.ts';
import { createJobCommands } from '../src/jobs/job-commands.ts';
import { enqueuePlanOn } from '../src/jobs/submit-job.ts';
import { createApiKey } from '../src/keys/key-store.ts';
import { createLogger } from '../src/log.ts';
import { PgQueue } from '../src/queue/pg-queue.ts';
import { startLocalRedis } from '../src/redis/local-redis-server.ts';
import { createSharedState } from '../src/shared-state.ts';
import { PgJobStore } from '../src/store/jobs-repository.ts';
import { migrate } from '../src/store/migrate.ts';
import { PublishingJobStore } from '../src/store/publishing-job-store.ts';

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const FINDINGS = 20_000;
const PROGRESS_MS = 200;
/** Limits on, but out of the way: the scenario measures reads, and the limiter's Redis calls are part of them. */
const UNLIMITED = { perSecond: 1_000_000, burst: 1_000_000 };

interface Row {
  mode: string;
  requests: number;
  non2xx: number;
  apiQueries: number;
  transactions: number;
  progressWrites: number;
}

async function committed(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

async function runningJob(
  jobs: PgJobStore,
  pool: pg.Pool,
  tenantId: string,
  objects: number,
): Promise<string> {
  const job = await jobs.createJob({ tenantId, source: 's3://bench-bucket/running/' });
  await jobs.startListing(job.id);
  await jobs.addObjects(
    job.id,
    Array.from({ length: objects }, (_, i) => ({
      key: `part-${String(i).padStart(6, '0')}`,
      size: 100,
      shard: 0,
    })),
  );
  await jobs.finishListing(job.id, { shards: 1, objects, bytes: objects * 100 });
  await pool.query(
    `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
       byte_start, byte_end, line, col, redacted, fingerprint)
     SELECT $1, $2, 'k' || g, 'part-' || (g % 1000), (ARRAY['aws-access-key-id', 'email', 'us-ssn'])[1 + g % 3],
       'credentials', 'high', 0.9, g, g + 20, 1, 1, 'AKIA************MPLE', md5(g::text)
     FROM generate_series(1, $3) AS g`,
    [job.id, tenantId, FINDINGS],
  );
  await pool.query('ANALYZE findings');
  return job.id;
}

async function measure(
  mode: string,
  options: { url: string; seconds: number; clients: number },
  redis: Pick<Config, 'redis'>,
): Promise<Row> {
  const silent = createLogger({ level: process.env.BENCH_LOG ?? 'silent' });
  const setup = new pg.Pool({ connectionString: options.url, max: 2 });
  await migrate(setup);
  const { key: apiKey, tenantId } = await createApiKey(setup, 'bench-polling');
  const jobId = await runningJob(
    new PgJobStore(setup),
    setup,
    tenantId,
    Math.ceil((options.seconds * 1000) / PROGRESS_MS) + 50,
  );
  await setup.end();

  const apiPool = new pg.Pool({ connectionString: options.url, max: 10 });
  const workerPool = new pg.Pool({ connectionString: options.url, max: 2 });
  for (const pool of [apiPool, workerPool]) pool.on('error', () => {});
  const apiState = createSharedState(redis, silent, { name: 'bench-api' });
  const workerState = createSharedState(redis, silent, { name: 'bench-worker' });
  await Promise.all([apiState.redis?.whenReady(), workerState.redis?.whenReady()]);
  const jobs = new PublishingJobStore(new PgJobStore(workerPool), workerState.jobEvents);
  const app = createApp({
    store: new PgApiStore(
      apiPool,
      createJobCommands(jobs, enqueuePlanOn(new PgQueue(apiPool, { name: 'scan' }))),
    ),
    config: { s3Buckets: ['bench-bucket'], fileRoots: [] },
    logger: silent,
    rateLimit: { limiter: apiState.rateLimiter, perKey: UNLIMITED, perIp: UNLIMITED, trustProxy: false },
    cache: apiState.cache,
    jobEvents: apiState.jobEvents,
  });
  const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => http.once('listening', () => resolve()));
  const target = `http://127.0.0.1:${(http.address() as AddressInfo).port}/jobs/${jobId}`;

  let apiQueries = 0;
  apiPool.on('acquire', () => {
    apiQueries += 1;
  });
  let progressWrites = 0;
  let next = 0;
  const before = await committed(options.url);
  const progress = setInterval(() => {
    const key = `part-${String(next++).padStart(6, '0')}`;
    jobs
      .recordObject(jobId, {
        key,
        status: 'COMPLETE',
        result: { bytes_read: 100, bytes_scanned: 100 },
        findings: [],
      })
      .then(
        () => {
          progressWrites += 1;
        },
        () => undefined,
      );
  }, PROGRESS_MS);
  const args = [AUTOCANNON, '-j', '-c', String(options.clients), '-r', '1', '-d', String(options.seconds)];
  args.push('-H', `authorization=Bearer ${apiKey}`, target);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  clearInterval(progress);
  await sleep(PROGRESS_MS);
  const figures = JSON.parse(stdout) as { requests: { total: number }; non2xx: number; errors: number };
  const queries = apiQueries;

  await new Promise<void>((resolve) => {
    http.close(() => resolve());
    (http as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
  await Promise.all([apiState.close(), workerState.close()]);
  // Backends report their statistics when they exit: close the pools, then read the counter.
  await Promise.all([apiPool.end(), workerPool.end()]);
  await sleep(500);
  const transactions = (await committed(options.url)) - before - 1;
  return {
    mode,
    requests: figures.requests.total,
    non2xx: figures.non2xx + figures.errors,
    apiQueries: queries,
    transactions,
    progressWrites,
  };
}

/** Runs `work` on a new database of the server at `adminUrl` (its `postgres` database), dropped afterwards. */
async function onNewDatabase<T>(
  adminUrl: string,
  name: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      return await work(adminUrl.replace(/\/postgres$/, `/${name}`));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

/** Runs the scenario without and with Redis; returns the Markdown table to print. */
export async function pollingScenario(options: {
  adminUrl: string;
  seconds: number;
  clients: number;
}): Promise<string> {
  const run = { seconds: options.seconds, clients: options.clients };
  const rows = [
    await onNewDatabase(options.adminUrl, 'bench_polling_pg', (url) =>
      measure(
        'PostgreSQL only',
        { ...run, url },
        { redis: { url: undefined, authToken: undefined, tls: false } },
      ),
    ),
  ];
  const redis = await startLocalRedis();
  try {
    rows.push(
      await onNewDatabase(options.adminUrl, 'bench_polling_redis', (url) =>
        measure(
          'with Redis',
          { ...run, url },
          { redis: { url: redis.url, authToken: undefined, tls: false } },
        ),
      ),
    );
  } finally {
    await redis.stop();
  }
  const perSecond = (n: number) => Math.round(n / options.seconds);
  const lines = [
    `\nPolling: ${options.clients} clients each GET /jobs/{id} of a running job once a second, ` +
      `a worker recording an object every ${PROGRESS_MS} ms, ${options.seconds} s per run\n`,
    '| mode | requests/s | non-2xx | API queries/s | queries per request | DB transactions/s (all) |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.mode} | ${perSecond(r.requests)} | ${r.non2xx} | ${perSecond(r.apiQueries)} | ` +
        `${(r.apiQueries / Math.max(r.requests, 1)).toFixed(2)} | ${perSecond(r.transactions)} |`,
    ),
    `\n(progress writes per run: ${rows.map((r) => r.progressWrites).join(', ')}; they are in "all")\n`,
  ];
  return `${lines.join('\n')}\n`;
}
