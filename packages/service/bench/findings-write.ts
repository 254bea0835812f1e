/**
 * Findings per second into one PostgreSQL from N worker processes (N = 1, 2, 4): each process
 * records objects the way a worker does (`PgJobStore.recordObject`, one transaction per object with
 * its findings, WORKER_CONCURRENCY lanes), with findings made by the real engine; no scanning, so
 * the database is the bottleneck. Prints findings/s, objects/s, and the cores PostgreSQL and the
 * writers kept busy. The server runs with durable commits (fsync and synchronous_commit on, as RDS);
 * `BENCH_FAST=1` turns them off.
 *
 *   npm run bench:findings-write -w @data-scanner/service   [BENCH_OBJECTS=2000 BENCH_FINDINGS=20 BENCH_WORKERS=1,2,4]
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Scanner } from '@data-scanner/detect';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../src/store/embedded-postgres.ts';
import { PgJobStore } from '../src/store/jobs-repository.ts';
import { migrate } from '../src/store/migrate.ts';
import { PgTenantStore } from '../src/store/tenants-repository.ts';
import { awsKeyLine } from '../test/support/fake-secrets.ts';
import { treeCpuMs } from './process-cpu.ts';

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 2000);
const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 20);
const CONCURRENCY = 4;

/** A child: records objects `index`, `index + n`, ... of the job, CONCURRENCY at a time. */
async function writer(url: string, jobId: string, index: number, n: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const jobs = new PgJobStore(pool);
  const scanner = new Scanner({ fingerprintKey: 'bench-findings-key' });
  const keys = Array.from({ length: OBJECTS }, (_, i) => i).filter((i) => i % n === index);
  await pool.query('SELECT 1');
  // Started and connected: wait for the parent's go, so start-up is not measured.
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    process.send?.('ready');
  });
  const cpu0 = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < keys.length) {
        const i = keys[next++] as number;
        // Distinct secrets per object, so every finding is its own row and its own fingerprint.
        const text = Array.from({ length: FINDINGS }, (_, f) => awsKeyLine(i * FINDINGS + f)).join('');
        const result = await scanner.scanObject([Buffer.from(text)], { name: `o/${i}.log` });
        await jobs.recordObject(jobId, {
          key: `o/${i}.log`,
          status: result.status,
          result,
          findings: result.findings,
          aggregates: result.aggregates ?? [],
        });
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  process.send?.({ cpuMs: (cpu.user + cpu.system) / 1000 });
  await pool.end();
  process.disconnect?.();
}

async function run(url: string, pool: pg.Pool, postmaster: number, workers: number) {
  const jobs = new PgJobStore(pool);
  const tenant = await new PgTenantStore(pool).ensureTenant(`bench-${workers}`);
  const job = await jobs.createJob({ tenantId: tenant.id, source: 's3://bench-bucket/' });
  await jobs.startListing(job.id);
  for (let i = 0; i < OBJECTS; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, OBJECTS - i) }, (_, k) => ({
      key: `o/${i + k}.log`,
      size: 100,
      shard: 0,
    }));
    await jobs.addObjects(job.id, batch);
  }
  await jobs.finishListing(job.id, { shards: 1, objects: OBJECTS, bytes: OBJECTS * 100 });
  const children = Array.from({ length: workers }, (_, index) =>
    spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        'writer',
        url,
        job.id,
        String(index),
        String(workers),
      ],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    ),
  );
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('message', resolve))));
  const finished = children.map(
    (child) =>
      new Promise<number>((resolve, reject) => {
        let cpuMs = 0;
        child.on('message', (m: { cpuMs?: number }) => {
          cpuMs = m.cpuMs ?? cpuMs;
        });
        child.once('exit', (code) =>
          code === 0 ? resolve(cpuMs) : reject(new Error(`a writer exited with ${code}`)),
        );
      }),
  );
  const db0 = await treeCpuMs(postmaster);
  const started = process.hrtime.bigint();
  for (const child of children) child.send('go');
  const writerCpu = await Promise.all(finished);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const dbCores = ((await treeCpuMs(postmaster)) - db0) / 1000 / seconds;
  const done = await jobs.getJob(job.id);
  if (done?.findingsCount !== OBJECTS * FINDINGS) {
    throw new Error(`expected ${OBJECTS * FINDINGS} findings, the job counts ${done?.findingsCount}`);
  }
  return {
    workers,
    seconds,
    findingsPerSecond: (OBJECTS * FINDINGS) / seconds,
    objectsPerSecond: OBJECTS / seconds,
    dbCores,
    writerCores: writerCpu.reduce((a, b) => a + b, 0) / 1000 / seconds,
  };
}

if (process.argv[2] === 'writer') {
  const [, , , url, jobId, index, n] = process.argv;
  await writer(url as string, jobId as string, Number(index), Number(n));
} else {
  const work = await mkdtemp(path.join(tmpdir(), 'bench-findings-'));
  await chmod(work, 0o755);
  const dataDir = path.join(work, 'pg');
  // BENCH_FAST=1: fsync and synchronous_commit off, to see what the database's CPU allows once commits are free.
  const fast = process.env.BENCH_FAST === '1';
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), throwaway: true, fast });
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  pool.on('error', () => {});
  try {
    await migrate(pool);
    const postmaster = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    console.log(
      `${OBJECTS} objects x ${FINDINGS} credential findings, ${CONCURRENCY} lanes per process, ${fast ? 'fsync off' : 'durable commits'}, load average ${loadavg()[0]?.toFixed(1)}`,
    );
    for (const workers of (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number)) {
      const r = await run(server.url, pool, postmaster, workers);
      console.log(
        `${r.workers} worker process(es): ${r.findingsPerSecond.toFixed(0)} findings/s, ${r.objectsPerSecond.toFixed(0)} objects/s, ` +
          `${r.seconds.toFixed(1)} s; PostgreSQL ${r.dbCores.toFixed(2)} cores (${(r.findingsPerSecond / r.dbCores).toFixed(0)} findings per its CPU-second), writers ${r.writerCores.toFixed(2)} cores; load average ${loadavg()[0]?.toFixed(1)}`,
      );
    }
  } finally {
    await pool.end();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}
