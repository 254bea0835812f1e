import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { serve } from '@hono/node-server';
import { createApiApp } from '../src/api/api-runtime.ts';
import { ApiKeyCache } from '../src/api/auth/api-key-cache.ts';
import { loadConfig } from '../src/config.ts';
import { apiKeysByPrefix, createApiKey } from '../src/keys/key-store.ts';
import { createLogger } from '../src/log.ts';
import { startBenchDatabase } from './bench-database.ts';

// `GET /findings` over 1,000,000 findings forming 50,000 exposures across 20 jobs, seeded set-based.
const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 1_000_000);
const EXPOSURES = Number(process.env.BENCH_EXPOSURES ?? 50_000);
const JOBS = Number(process.env.BENCH_JOBS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const TRIAGE_ROUNDS = Number(process.env.BENCH_TRIAGE_ROUNDS ?? 30);
/** The first page's p99 must stay under this (ms). */
const FIRST_PAGE_P99_MS = 50;

for (const [name, value] of Object.entries({ FINDINGS, EXPOSURES, JOBS, ROUNDS, TRIAGE_ROUNDS })) {
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`bench:findings: BENCH_${name} must be a positive integer\n`);
    process.exit(2);
  }
}

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const db = await startBenchDatabase('findings', 10);
const { pool } = db;
let failed = false;
try {
  const { key, tenantId } = await createApiKey(pool, 'bench', 'bench-key');
  const seedStarted = performance.now();
  const { rows: jobs } = await pool.query<{ id: string }>(
    `INSERT INTO jobs (tenant_id, source, status, objects_total, objects_done, created_at, finished_at, scope_key)
     SELECT $1, 's3://bench-bucket/data/', 'succeeded', 1000, 1000,
       now() - make_interval(days => $2 - g), now() - make_interval(days => $2 - g), 'bench'
     FROM generate_series(1, $2) AS g ORDER BY g RETURNING id`,
    [tenantId, JOBS],
  );
  const jobIds = jobs.map((j) => j.id);
  // Exposure n: one of eight detectors, a severity mix skewed low, mostly open, seen over the jobs' days.
  await pool.query(
    `INSERT INTO exposures (tenant_id, kind, detector, category, severity, severity_rank, fingerprint, redacted,
       bucket, object_key, state, first_seen_at, last_seen_at, first_job_id, last_job_id, occurrence_count,
       object_count, sources)
     SELECT $1, 'value', d.detector, d.category, s.severity, s.rank, md5('x' || g) || md5('y' || g), 'AKIA************MPLE',
       'bench-bucket', 'data/obj-' || (g % 1000) || '.txt',
       CASE WHEN g % 20 = 0 THEN 'resolved' WHEN g % 20 = 1 THEN 'false_positive'
            WHEN g % 20 = 2 THEN 'accepted_risk' ELSE 'open' END,
       now() - make_interval(days => $2, secs => g), now() - make_interval(secs => g * 7 % 86400),
       ($3::uuid[])[1], ($3::uuid[])[$2], $4 / $5, $4 / $5, ARRAY['s3://bench-bucket/data/']
     FROM generate_series(1, $5) AS g
     CROSS JOIN LATERAL (SELECT (ARRAY['aws-access-key-id', 'github-token', 'slack-token', 'private-key',
       'email', 'phone-number', 'iban', 'credit-card'])[1 + g % 8] AS detector,
       (ARRAY['credentials', 'credentials', 'credentials', 'credentials', 'personal', 'personal', 'financial',
       'financial'])[1 + g % 8] AS category) d
     CROSS JOIN LATERAL (SELECT CASE WHEN g % 50 = 0 THEN 'critical' WHEN g % 10 = 0 THEN 'high'
       WHEN g % 3 = 0 THEN 'medium' ELSE 'low' END AS severity) s0
     CROSS JOIN LATERAL (SELECT s0.severity,
       CASE s0.severity WHEN 'critical' THEN 5 WHEN 'high' THEN 4 WHEN 'medium' THEN 3 ELSE 2 END AS rank) s`,
    [tenantId, JOBS, jobIds, FINDINGS, EXPOSURES],
  );
  // Finding g belongs to exposure g % EXPOSURES (by insertion order) and job g % JOBS.
  await pool.query(
    `WITH e AS (SELECT id, row_number() OVER (ORDER BY first_seen_at DESC, id) - 1 AS n, detector, category, severity,
                  fingerprint FROM exposures WHERE tenant_id = $1)
     INSERT INTO findings (job_id, tenant_id, exposure_id, finding_key, bucket, object_key, detector, category, severity,
       confidence, byte_start, byte_end, line, col, redacted, fingerprint)
     SELECT ($2::uuid[])[1 + g % $3], $1, e.id, 'k' || g, 'bench-bucket', 'data/obj-' || (g % 1000) || '.txt',
       e.detector, e.category, e.severity, 0.9, g * 10, g * 10 + 20, 1 + g % 5000, 1, 'AKIA************MPLE',
       e.fingerprint
     FROM generate_series(0, $4 - 1) AS g JOIN e ON e.n = g % $5`,
    [tenantId, jobIds, JOBS, FINDINGS, EXPOSURES],
  );
  await pool.query(
    `INSERT INTO exposure_sightings (job_id, exposure_id, occurrence_count, object_count)
     SELECT job_id, exposure_id, count(*), count(DISTINCT object_key) FROM findings GROUP BY job_id, exposure_id`,
  );
  await pool.query('ANALYZE');
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const env = {
    DATABASE_URL: db.url,
    DATA_SCANNER_DATA_DIR: db.dir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_KEY: '0',
    RATE_LIMIT_PER_IP: '0',
  };
  // The API as `serve --role api` builds it: key lookups kept in memory, invalidated by PostgreSQL.
  const keyCache = new ApiKeyCache((prefix) => apiKeysByPrefix(pool, prefix)).listen(pool);
  const app = createApiApp({
    config: loadConfig(env),
    pool,
    logger: createLogger({ level: 'silent' }),
    keyCache,
  });
  const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => http.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { items: { id: string }[]; next_cursor: string | null };
  };
  const time = async (label: string, run: () => Promise<unknown>, rounds = ROUNDS) => {
    for (let i = 0; i < 5; i++) await run();
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      await run();
      ms.push(performance.now() - started);
    }
    ms.sort((a, b) => a - b);
    const row = { label, p50: percentile(ms, 50), p99: percentile(ms, 99) };
    process.stdout.write(
      `| ${label} | ${rounds} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${uptime().replace(/.*load/, 'load')} |\n`,
    );
    return row;
  };

  process.stdout.write(
    `Findings benchmark: ${FINDINGS.toLocaleString('en')} findings, ${EXPOSURES.toLocaleString('en')} exposures, ` +
      `${JOBS} jobs (seeded in ${seedSeconds.toFixed(1)} s), HTTP on 127.0.0.1, Node ${process.version}, ${cpus().length} CPUs\n` +
      `uptime at the start: ${uptime()}\n\n` +
      '| request | rounds | p50 ms | p99 ms | load |\n|---|---:|---:|---:|---|\n',
  );
  // The floor: an authenticated request that reads one job, under the same load.
  await time('GET /jobs?limit=1 (floor: auth, one small query)', () => get('/jobs?limit=1'));
  const first = await time('GET /findings (first page, 50, default order)', () => get('/findings'));
  // A cursor half-way down the list: 500 pages of 50 walked once, then requested repeatedly.
  let cursor: string | null = null;
  for (let i = 0; i < 500; i++) {
    const page = await get(`/findings?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  if (cursor)
    await time('GET /findings (page 501, deep keyset cursor)', () => get(`/findings?cursor=${cursor}`));
  await time('GET /findings?state=open&severity=high', () => get('/findings?state=open&severity=high'));
  await time('GET /findings?state=open&category=credentials&sort=-lastSeen', () =>
    get('/findings?state=open&category=credentials&sort=-lastSeen'),
  );
  await time('GET /findings?detector=iban&sort=count', () => get('/findings?detector=iban&sort=count'));
  await time(`GET /findings?job=<job 10 of ${JOBS}>`, () => get(`/findings?job=${jobIds[9]}`));
  await time('GET /findings?object=data/obj-42.', () => get('/findings?object=data/obj-42.'));

  const ids = (await pool.query<{ id: string }>('SELECT id FROM exposures ORDER BY id LIMIT 1000')).rows.map(
    (r) => r.id,
  );
  let flip = 0;
  await time(
    'POST /findings/triage (1,000 ids)',
    async () => {
      const state = flip++ % 2 === 0 ? 'false_positive' : 'accepted_risk';
      const res = await fetch(`${base}/findings/triage`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ids, state, note: 'bench' }),
      });
      const body = (await res.json()) as { updated: number; unchanged: number };
      if (res.status !== 200 || body.updated + body.unchanged !== ids.length)
        throw new Error(`triage answered ${res.status}: ${JSON.stringify(body)}`);
    },
    TRIAGE_ROUNDS,
  );
  // The database's own time for the first page's statement (EXPLAIN ANALYZE), less noisy than HTTP under load.
  const planned: number[] = [];
  let plan = '';
  for (let i = 0; i < 50; i++) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM exposures e WHERE e.tenant_id = $1
       ORDER BY e.severity_rank DESC, e.last_seen_at DESC, e.id DESC LIMIT 51`,
      [tenantId],
    );
    plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    planned.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN));
  }
  planned.sort((a, b) => a - b);
  process.stdout.write(
    `\nfirst page statement in PostgreSQL (EXPLAIN ANALYZE, 50 runs): p50 ${percentile(planned, 50).toFixed(2)} ms, ` +
      `p99 ${percentile(planned, 99).toFixed(2)} ms; plan:\n${plan.split('\n').slice(0, 3).join('\n')}\n`,
  );
  process.stdout.write(`\nuptime at the end: ${uptime()}\n`);
  if (first.p99 >= FIRST_PAGE_P99_MS) {
    process.stderr.write(
      `bench:findings: the first page's p99 is ${first.p99.toFixed(1)} ms, over ${FIRST_PAGE_P99_MS} ms\n`,
    );
    failed = true;
  }
  await keyCache.close();
  await new Promise<void>((resolve) => {
    http.close(() => resolve());
    (http as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
} finally {
  await db.close();
}
process.exitCode = failed ? 1 : 0;
