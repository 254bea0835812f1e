// `npm run bench:watch -w @data-scanner/service`: how long a file written into a watched folder
// takes to become a finding in its rolling job, through the production path: the scheduler role's
// folder watch (settled 1 s, as deployed) → `watch-objects` message → worker → shard message →
// scan → finding row. Real embedded PostgreSQL, PostgreSQL queue with LISTEN/NOTIFY (as `serve`
// runs it locally). Prints each file's latency, p50, p95, max and the load average.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { enqueuePlanOn } from '../src/jobs/submit-job.ts';
import { createLogger } from '../src/log.ts';
import { PgQueue } from '../src/queue/pg-queue.ts';
import { Scheduler } from '../src/schedules/scheduler.ts';
import { PgScheduleStore } from '../src/schedules/schedules-repository.ts';
import { createSource } from '../src/sources/create-source.ts';
import { PgJobStore } from '../src/store/jobs-repository.ts';
import { PgTenantStore } from '../src/store/tenants-repository.ts';
import { FolderWatches } from '../src/watch/folder-watches.ts';
import { PgWatchStore } from '../src/watch/watches-repository.ts';
import { scannerFactory } from '../src/worker/scan-engine-factory.ts';
import { ScanWorker } from '../src/worker/scan-worker.ts';
import { startBenchDatabase } from './bench-database.ts';

const FILES = Number(process.env.BENCH_FILES ?? 20);
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
process.stderr.write('starting database\n');
const db = await startBenchDatabase('watch', 10);
process.stderr.write('database up\n');
const root = await mkdtemp(path.join(tmpdir(), 'bench-watch-'));
const logger = createLogger({ level: (process.env.BENCH_LOG_LEVEL ?? 'silent') as 'silent' });
const pool = db.pool;
const queue = new PgQueue(pool, { name: 'scan', listen: true });
const watches = new PgWatchStore(pool);
const worker = new ScanWorker(
  {
    jobs: new PgJobStore(pool),
    queue,
    watches,
    openSource: (uri) => createSource(uri, { roots: [root] }),
    engineFor: scannerFactory('bench-fingerprint-key'),
    logger,
    limits: { maxObjects: 1000, maxBytes: 64 * 1024 * 1024 },
    concurrency: 4,
  },
  { visibilitySeconds: 60, maxReceives: 3, waitSeconds: 10 },
).start();
const folders = new FolderWatches({ watches, queue, logger });
const tenant = await new PgTenantStore(pool).ensureTenant('bench');
const watch = await watches.create(tenant.id, { source: pathToFileURL(root).href });
const scheduler = new Scheduler(
  {
    pool,
    schedules: new PgScheduleStore(pool),
    enqueue: enqueuePlanOn(queue),
    logger,
    tasks: [{ name: 'follow watched folders', run: () => folders.sync() }],
  },
  { tickSeconds: 15 },
).start();
process.stderr.write('waiting for the folder watch\n');
while (!folders.following.includes(watch.id)) await sleep(20);

const latencies: number[] = [];
for (let i = 0; i < FILES; i++) {
  const key = `upload-${i}.env`;
  const started = performance.now();
  const suffix = [...i.toString(32).toUpperCase().padStart(4, 'A')]
    .map((c) => BASE32[Number.parseInt(c, 32)])
    .join('');
  await writeFile(path.join(root, key), `aws_access_key_id=AKIAZ7QW3RTY5UIO${suffix}\n`);
  for (;;) {
    const { rowCount } = await pool.query('SELECT 1 FROM findings WHERE object_key = $1', [key]);
    if (rowCount) break;
    await sleep(10);
  }
  latencies.push(performance.now() - started);
  process.stdout.write(`${key}: ${(latencies.at(-1) as number).toFixed(0)} ms\n`);
}
const sorted = [...latencies].sort((a, b) => a - b);
const at = (q: number) =>
  (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number).toFixed(0);
process.stdout.write(
  `files=${FILES} p50=${at(0.5)} ms p95=${at(0.95)} max=${at(1)} ms (write → finding; 1000 ms of it is the settle time) load=${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
await scheduler.stop();
await folders.close();
await worker.drain(5000);
await queue.close?.();
await rm(root, { recursive: true, force: true });
await db.close();
