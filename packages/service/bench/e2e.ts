/**
 * End-to-end throughput: local objects (>= 500 MB) scanned through the real path (job →
 * PostgreSQL queue → worker processes → findings in PostgreSQL) by 1 and by 2 worker processes.
 * Prints GB/min for each and the ratio. The workers use @data-scanner/detect's Scanner.
 *
 *   npm run bench:e2e [-- --mb 512 --files 64]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PgQueue } from '../src/queue/pg-queue.ts';
import { freePort, startEmbeddedPostgres } from '../src/store/embedded-postgres.ts';
import { PgJobStore } from '../src/store/jobs-repository.ts';
import { migrate } from '../src/store/migrate.ts';
import { PgTenantStore } from '../src/store/tenants-repository.ts';
import { awsKeyLine } from '../test/support/fake-secrets.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../bin/data-scanner.mjs');

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '512' }, files: { type: 'string', default: '64' } },
});
const totalBytes = Number(values.mb) * 1024 * 1024;
const fileCount = Number(values.files);

async function writeCorpus(dir: string): Promise<number> {
  const line = Buffer.from(
    'ts=2026-11-22T02:00:00Z level=info user=alice@example.com path=/api/v1/items status=200 took=12ms\n',
  );
  const secret = Buffer.from(`config ${awsKeyLine(7)}`);
  const block = Buffer.concat([...Array.from({ length: 600 }, () => line), secret]);
  const perFile = Math.ceil(totalBytes / fileCount);
  let written = 0;
  for (let i = 0; i < fileCount; i++) {
    const handle = await open(path.join(dir, `log-${String(i).padStart(4, '0')}.txt`), 'w');
    let size = 0;
    while (size < perFile) {
      await handle.write(block);
      size += block.length;
    }
    await handle.close();
    written += size;
  }
  return written;
}

async function run(url: string, root: string, workers: number) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const tenant = await new PgTenantStore(pool).ensureTenant('bench');
  const jobs = new PgJobStore(pool);
  const children: ChildProcess[] = [];
  for (let i = 0; i < workers; i++) {
    children.push(
      spawn(process.execPath, [BIN, 'serve', '--role', 'worker'], {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: url,
          FINGERPRINT_KEY: 'bench-key',
          DATA_SCANNER_LOCAL_ROOTS: root,
          QUEUE_WAIT_SECONDS: '1',
          WORKER_CONCURRENCY: '2',
          WORKER_SHARD_MAX_OBJECTS: '4',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
  }
  await sleep(3000);
  const job = await jobs.createJob({
    tenantId: tenant.id,
    source: pathToFileURL(path.join(root, 'corpus')).href,
  });
  const started = process.hrtime.bigint();
  await new PgQueue(pool, { name: 'scan' }).send([JSON.stringify({ type: 'plan', job_id: job.id })]);
  let done = await jobs.getJob(job.id);
  while (done && !['succeeded', 'partial', 'failed', 'cancelled'].includes(done.status)) {
    await sleep(100);
    done = await jobs.getJob(job.id);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
  );
  await pool.end();
  const bytes = done?.bytesScanned ?? 0;
  return { workers, seconds, bytes, status: done?.status, findings: done?.findingsCount ?? 0 };
}

const work = await mkdtemp(path.join(tmpdir(), 'bench-e2e-'));
await chmod(work, 0o755);
const server = await startEmbeddedPostgres({
  dataDir: path.join(work, 'pg'),
  port: await freePort(),
  throwaway: true,
});
try {
  await mkdir(path.join(work, 'corpus'));
  const written = await writeCorpus(path.join(work, 'corpus'));
  const admin = new pg.Pool({ connectionString: server.url, max: 1 });
  for (const db of ['bench1', 'bench2']) await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  console.log(
    `corpus: ${fileCount} files, ${(written / 1e6).toFixed(0)} MB; engine: @data-scanner/detect Scanner`,
  );
  const results = [];
  for (const [workers, db] of [
    [1, 'bench1'],
    [2, 'bench2'],
  ] as const) {
    const url = server.url.replace(/\/postgres$/, `/${db}`);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    await migrate(pool);
    await pool.end();
    const r = await run(url, work, workers);
    const gbPerMin = r.bytes / 1e9 / (r.seconds / 60);
    results.push(gbPerMin);
    console.log(
      `${workers} worker process(es): ${(r.bytes / 1e6).toFixed(0)} MB in ${r.seconds.toFixed(1)} s = ${gbPerMin.toFixed(2)} GB/min (job ${r.status}, ${r.findings} findings)`,
    );
  }
  console.log(`ratio 2 workers / 1 worker: ${((results[1] ?? 0) / (results[0] ?? 1)).toFixed(2)}x`);
} finally {
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
