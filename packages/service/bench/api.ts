/**
 * `npm run bench:api`: Data Scanner's API beside the FastAPI twin (the seeds' own stack, see
 * shared/anchors/fastapi-twin) on one throwaway embedded PostgreSQL holding the same data shape
 * (one job with 100,000 findings, one API key). For each process count (1 and 2) both servers run,
 * and `wrk -t2 -c32` drives `GET /jobs/{id}` and a `GET /results` page of 50, each of an ended job
 * and of a running one (the twin reads its one job from the database either way), each side in turn
 * (A B A B), BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS (default 10), BENCH_ENDPOINTS (names
 * of the table, comma-separated) to run fewer; the table shows medians
 * and the 1-minute load average at each run. Without the twin's Debian packages it measures Data
 * Scanner alone and says how to install them. The older autocannon scenarios (deep cursor, POST
 * /scan, polling): `npm run bench:api:scenarios`.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createApiKey } from '../src/keys/key-store.ts';
import { SERVICE_ROOT } from '../src/service-root.ts';
import { freePort } from '../src/store/embedded-postgres.ts';
import {
  type BenchServer,
  findTwin,
  startDataScanner,
  startTwin,
  TWIN_PACKAGES,
  twinPackagesPresent,
} from './api-servers.ts';
import { startBenchDatabase } from './bench-database.ts';
import { treeCpuMs } from './process-cpu.ts';
import { hasWrk, runWrk, type WrkFigures } from './wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PROCESSES = (process.env.BENCH_PROCESSES ?? '1,2').split(',').map(Number);
const CONNECTIONS = 32;
const FINDINGS = 100_000;
const TWIN_KEY = 'twin-key-0123456789abcdef';

interface Side {
  name: string;
  start(workers: number): Promise<BenchServer>;
  header: string;
  paths: Record<string, string>;
}

interface Run {
  figures: WrkFigures;
  load: number;
  /** Transactions the database committed per request answered (autocommit: one per statement). */
  queries: number;
  /** CPU time per request of the server's processes and of PostgreSQL's, microseconds. */
  serverCpuUs: number;
  databaseCpuUs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const load = () => loadavg()[0] ?? 0;

if (!(await hasWrk())) {
  process.stderr.write(`bench:api drives the servers with wrk: apt-get install -y ${TWIN_PACKAGES}\n`);
  process.exit(1);
}
const twinDir = findTwin();
const twinReady = twinDir !== undefined && (await twinPackagesPresent());
if (!twinReady) {
  process.stdout.write(
    twinDir
      ? `The FastAPI twin needs Debian packages: apt-get install -y ${TWIN_PACKAGES}\n`
      : 'No FastAPI twin found (set FASTAPI_TWIN_DIR to shared/anchors/fastapi-twin)\n',
  );
  process.stdout.write('Measuring Data Scanner alone.\n\n');
}

process.stdout.write('Building the service bundle (production runs built JavaScript)...\n');
await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: SERVICE_ROOT });

const db = await startBenchDatabase('api', 2);
const { pool } = db;
const servers: BenchServer[] = [];
try {
  const { key, tenantId } = await createApiKey(pool, 'bench');
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO jobs (tenant_id, source, status, objects_total, objects_done, findings_count, finished_at)
     VALUES ($1, 's3://bucket/prefix/', 'succeeded', 1000, 1000, $2, now()) RETURNING id`,
    [tenantId, FINDINGS],
  );
  const jobId = (rows[0] as { id: string }).id;
  // A running job's view changes as objects are recorded, so it is read from the database each time.
  const { rows: running } = await pool.query<{ id: string }>(
    `INSERT INTO jobs (tenant_id, source, status, objects_total, objects_done, findings_count)
     VALUES ($1, 's3://bucket/prefix/', 'scanning', 1000, 400, 0) RETURNING id`,
    [tenantId],
  );
  const runningId = (running[0] as { id: string }).id;
  // The running job holds findings too: its pages are read from the database every time.
  for (const [job, count] of [
    [jobId, FINDINGS],
    [runningId, 1000],
  ] as const)
    await pool.query(
      `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
         byte_start, byte_end, line, col, redacted, fingerprint)
       SELECT $1, $2, 'k' || g, 'prefix/object-' || (g % 1000) || '.txt', 'aws-access-key-id', 'credentials', 'high',
         0.9, g * 10, g * 10 + 20, g % 500, 17, 'AKIA************MPLE', md5(g::text) || md5((g * 7)::text)
       FROM generate_series(1, $3) AS g`,
      [job, tenantId, count],
    );
  if (twinReady) await pool.query(await readFile(path.join(twinDir, 'seed.sql'), 'utf8'));
  // Vacuumed now, so no autovacuum worker runs during the measurements.
  await pool.query('VACUUM ANALYZE');
  const postmaster = Number(
    (await readFile(path.join(db.dir, 'data', 'postmaster.pid'), 'utf8')).split('\n')[0],
  );

  const sides: Side[] = [
    {
      name: 'data-scanner',
      start: async (workers) => startDataScanner({ databaseUrl: db.url, port: await freePort(), workers }),
      header: `Authorization: Bearer ${key}`,
      paths: {
        'GET /jobs/{id}': `/jobs/${jobId}`,
        'GET /jobs/{id} running': `/jobs/${runningId}`,
        'GET /results': `/results?job_id=${jobId}&limit=50`,
        'GET /results running': `/results?job_id=${runningId}&limit=50`,
      },
    },
  ];
  if (twinReady) {
    sides.push({
      name: 'fastapi-twin',
      start: async (workers) =>
        startTwin({ dir: twinDir, databaseUrl: db.url, port: await freePort(), workers }),
      header: `Authorization: Bearer ${TWIN_KEY}`,
      // The twin reads its one job and its findings from the database every time, ended or not.
      paths: {
        'GET /jobs/{id}': '/jobs/job-1',
        'GET /jobs/{id} running': '/jobs/job-1',
        'GET /results': '/results?job_id=job-1&limit=50',
        'GET /results running': '/results?job_id=job-1&limit=50',
      },
    });
  }
  /** Transactions committed in the database so far (the statistics lag by up to a second). */
  const committed = async () => {
    await sleep(1100);
    const { rows } = await pool.query<{ n: string }>(
      'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0]?.n);
  };
  const only = process.env.BENCH_ENDPOINTS?.split(',').map((e) => e.trim());
  const endpoints = Object.keys(sides[0]?.paths ?? {}).filter((e) => !only || only.includes(e));

  process.stdout.write(
    `\nwrk -t2 -c${CONNECTIONS} -d${SECONDS}s, ${ROUNDS} rounds, sides in turn; Node ${process.version}, ` +
      `${cpus().length} CPUs, load average (1 min) ${load().toFixed(1)} at the start\n\n`,
  );
  const results = new Map<string, Run[]>();
  for (const workers of PROCESSES) {
    const running = new Map<string, BenchServer>();
    for (const side of sides) {
      const server = await side.start(workers);
      servers.push(server);
      running.set(side.name, server);
      // Warm-up: JIT, prepared statements, pools, key caches (each process of its own).
      for (const endpoint of endpoints)
        await runWrk({
          url: server.base + side.paths[endpoint],
          header: side.header,
          seconds: 5,
          threads: 2,
          connections: CONNECTIONS,
        });
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const endpoint of endpoints) {
        for (const side of sides) {
          const server = running.get(side.name) as BenchServer;
          const before = await committed();
          const cpuBefore = [await treeCpuMs(server.pid), await treeCpuMs(postmaster)];
          const figures = await runWrk({
            url: server.base + side.paths[endpoint],
            header: side.header,
            seconds: SECONDS,
            threads: 2,
            connections: CONNECTIONS,
          });
          const cpuAfter = [await treeCpuMs(server.pid), await treeCpuMs(postmaster)];
          const requests = figures.requestsPerSecond * SECONDS;
          const run = {
            figures,
            load: load(),
            queries: ((await committed()) - before) / requests,
            serverCpuUs: ((cpuAfter[0] as number) - (cpuBefore[0] as number)) * (1000 / requests),
            databaseCpuUs: ((cpuAfter[1] as number) - (cpuBefore[1] as number)) * (1000 / requests),
          };
          const id = `${workers}|${endpoint}|${side.name}`;
          results.set(id, [...(results.get(id) ?? []), run]);
          process.stdout.write(
            `round ${round} processes=${workers} ${side.name.padEnd(12)} ${endpoint.padEnd(22)} ` +
              `${Math.round(figures.requestsPerSecond)} req/s p50 ${figures.p50Ms} ms p99 ${figures.p99Ms} ms ` +
              `${run.queries.toFixed(2)} transactions/request, CPU/request ${Math.round(run.serverCpuUs)} us server ` +
              `${Math.round(run.databaseCpuUs)} us PostgreSQL` +
              `${figures.failures ? ` FAILURES ${figures.failures}` : ''} (load ${run.load.toFixed(1)})\n`,
          );
        }
      }
    }
    for (const server of running.values()) await server.stop();
  }

  process.stdout.write(
    `\nMedians of ${ROUNDS} rounds (load: 1-minute load average, min-max over the rounds)\n\n` +
      '| processes | endpoint | side | req/s | p50 ms | p99 ms | DB transactions/request | CPU µs/request (server + PostgreSQL) | load | req/s vs twin |\n' +
      '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n',
  );
  for (const workers of PROCESSES) {
    for (const endpoint of endpoints) {
      const twin = results.get(`${workers}|${endpoint}|fastapi-twin`);
      const twinRps = twin ? median(twin.map((r) => r.figures.requestsPerSecond)) : undefined;
      for (const side of sides) {
        const runs = results.get(`${workers}|${endpoint}|${side.name}`) ?? [];
        const rps = median(runs.map((r) => r.figures.requestsPerSecond));
        const loads = runs.map((r) => r.load);
        const failures = runs.reduce((sum, r) => sum + r.figures.failures, 0);
        const ratio = twinRps ? `${(rps / twinRps).toFixed(2)}x` : '';
        process.stdout.write(
          `| ${workers} | ${endpoint} | ${side.name}${failures ? ` (${failures} failures)` : ''} | ${Math.round(rps)} | ` +
            `${median(runs.map((r) => r.figures.p50Ms)).toFixed(2)} | ${median(runs.map((r) => r.figures.p99Ms)).toFixed(2)} | ` +
            `${median(runs.map((r) => r.queries)).toFixed(2)} | ` +
            `${Math.round(median(runs.map((r) => r.serverCpuUs)))} + ${Math.round(median(runs.map((r) => r.databaseCpuUs)))} | ` +
            `${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} | ${ratio} |\n`,
        );
      }
    }
  }
} finally {
  for (const server of servers) await server.stop().catch(() => undefined);
  await db.close();
}
