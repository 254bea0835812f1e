/**
 * `npm run bench:api:scenarios`: requests/s and p50/p99 latency of the API on 127.0.0.1 (autocannon), against a
 * throwaway embedded PostgreSQL holding one job with 100,000 findings. Bounded: BENCH_SECONDS per
 * scenario (default 10), BENCH_CONNECTIONS concurrent connections (default 10). Then the polling scenario
 * (bench/polling.ts): BENCH_POLL_CLIENTS clients (default 200) polling a running job, database load
 * without and with Redis (a throwaway redis-server).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../src/api/app.ts';
import { PgApiStore } from '../src/api/pg-api-store.ts';
import { createJobCommands } from '../src/jobs/job-commands.ts';
import { enqueuePlanOn } from '../src/jobs/submit-job.ts';
import { createApiKey } from '../src/keys/key-store.ts';
import { createLogger } from '../src/log.ts';
import { PgQueue } from '../src/queue/pg-queue.ts';
import { PgJobStore } from '../src/store/jobs-repository.ts';
import { startBenchDatabase } from './bench-database.ts';
import { pollingScenario } from './polling.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const POLL_CLIENTS = Number(process.env.BENCH_POLL_CLIENTS ?? 200);
const FINDINGS = 100_000;
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface Load {
  url: string;
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

interface Figures {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

/** Runs autocannon in its own process, so the load generator does not share the server's event loop. */
async function drive(load: Load): Promise<Figures> {
  const args = [
    AUTOCANNON,
    '-j',
    '-c',
    String(CONNECTIONS),
    '-d',
    String(SECONDS),
    '-m',
    load.method ?? 'GET',
  ];
  for (const [name, value] of Object.entries(load.headers)) args.push('-H', `${name}=${value}`);
  if (load.body) args.push('-b', load.body);
  args.push(load.url);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Figures;
}

const db = await startBenchDatabase('api-scenarios', 10);
const { pool } = db;
try {
  const { key, tenantId } = await createApiKey(pool, 'bench');
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO jobs (tenant_id, source, status, objects_total, objects_done, findings_count)
     VALUES ($1, 's3://bench-bucket/data/', 'succeeded', 1000, 1000, $2) RETURNING id`,
    [tenantId, FINDINGS],
  );
  const jobId = (rows[0] as { id: string }).id;
  await pool.query(
    `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
       byte_start, byte_end, line, col, json_path, redacted, fingerprint)
     SELECT $1, $2, 'k' || g, 'exports/part-' || (g % 1000) || '.jsonl',
       (ARRAY['aws-access-key-id', 'email', 'payment-card', 'us-ssn'])[1 + g % 4], 'credentials', 'high', 0.9,
       g * 10, g * 10 + 20, g % 5000 + 1, 7, '$.records[' || g || '].value', 'AKIA************MPLE',
       encode(sha256(g::text::bytea), 'hex')
     FROM generate_series(1, $3) AS g`,
    [jobId, tenantId, FINDINGS],
  );
  await pool.query('ANALYZE');

  const app = createApp({
    store: new PgApiStore(
      pool,
      createJobCommands(new PgJobStore(pool), enqueuePlanOn(new PgQueue(pool, { name: 'scan' }))),
    ),
    config: { s3Buckets: ['bench-bucket'], fileRoots: [] },
    logger: createLogger({ level: 'silent' }),
  });
  const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => http.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const auth = { authorization: `Bearer ${key}` };

  const deep = await (await fetch(`${base}/results?job_id=${jobId}&limit=1000`, { headers: auth })).json();
  let cursor = (deep as { next_cursor: string }).next_cursor;
  for (let i = 0; i < 49; i++) {
    const page = (await (
      await fetch(`${base}/results?job_id=${jobId}&limit=1000&cursor=${cursor}`, { headers: auth })
    ).json()) as { next_cursor: string };
    cursor = page.next_cursor;
  }

  const scenarios: { name: string; options: Load }[] = [
    { name: `GET /jobs/{id}`, options: { url: `${base}/jobs/${jobId}`, headers: auth } },
    {
      name: `GET /results (first page of 100, ${FINDINGS.toLocaleString('en')} findings stored)`,
      options: { url: `${base}/results?job_id=${jobId}&limit=100`, headers: auth },
    },
    {
      name: 'GET /results (page of 100 after finding 50,000: keyset cursor)',
      options: { url: `${base}/results?job_id=${jobId}&limit=100&cursor=${cursor}`, headers: auth },
    },
    {
      name: 'POST /scan (job row + queue message per request)',
      options: {
        url: `${base}/scan`,
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ source: 's3://bench-bucket/incoming/', name: 'bench' }),
      },
    },
  ];

  process.stdout.write(
    `API benchmark: ${SECONDS} s per scenario, ${CONNECTIONS} connections, 127.0.0.1, Node ${process.version}, ` +
      `load average (1 min) at the start: ${loadavg()[0]?.toFixed(1)}\n\n`,
  );
  process.stdout.write('| scenario | requests/s | p50 ms | p99 ms | non-2xx |\n|---|---:|---:|---:|---:|\n');
  for (const scenario of scenarios) {
    const result = await drive(scenario.options);
    process.stdout.write(
      `| ${scenario.name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx + result.errors} |\n`,
    );
  }
  process.stdout.write(await pollingScenario({ adminUrl: db.url, seconds: SECONDS, clients: POLL_CLIENTS }));
  process.stdout.write(
    `\nload average (1 min) at the end: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs\n`,
  );
  await new Promise<void>((resolve) => {
    http.close(() => resolve());
    (http as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
} finally {
  await db.close();
}
