/**
 * `npm run bench:rate-limit`: what a shared token bucket in PostgreSQL would cost per request,
 * beside the in-process bucket `serve --workers N` uses without Redis. The PostgreSQL bucket is the
 * same arithmetic as token-bucket.ts in one upsert on an UNLOGGED table (no WAL), the cheapest
 * shared form; BENCH_TAKES takes (default 20000) from 32 concurrent callers on one key, as 32 API
 * connections of one client would, then on 1000 keys. CPU is this process's and PostgreSQL's, per take.
 */

import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { cpuUsage } from 'node:process';
import { MemoryRateLimiter } from '../src/rate-limit/memory-rate-limiter.ts';
import { startBenchDatabase } from './bench-database.ts';
import { treeCpuMs } from './process-cpu.ts';

const TAKES = Number(process.env.BENCH_TAKES ?? 20_000);
const CONCURRENCY = 32;
const rule = { perSecond: 1e9, burst: 1e9 };

const TAKE_SQL = `
INSERT INTO bench_rate_buckets AS b (key, tokens, at) VALUES ($1, $3 - 1, clock_timestamp())
ON CONFLICT (key) DO UPDATE SET
  tokens = CASE WHEN least($3, b.tokens + extract(epoch FROM clock_timestamp() - b.at) * $2) >= 1
    THEN least($3, b.tokens + extract(epoch FROM clock_timestamp() - b.at) * $2) - 1
    ELSE least($3, b.tokens + extract(epoch FROM clock_timestamp() - b.at) * $2) END,
  at = clock_timestamp()
RETURNING tokens`;

const db = await startBenchDatabase('rate-limit', CONCURRENCY);
try {
  await db.pool.query(
    'CREATE UNLOGGED TABLE bench_rate_buckets (key text PRIMARY KEY, tokens float8, at timestamptz)',
  );
  const postmaster = Number(
    (await readFile(path.join(db.dir, 'data', 'postmaster.pid'), 'utf8')).split('\n')[0],
  );
  const memory = new MemoryRateLimiter({ processes: 2 });
  const sides: Record<string, (key: string) => Promise<unknown>> = {
    'in process': (key) => memory.take(key, rule),
    'PostgreSQL upsert': (key) =>
      db.pool.query({ name: 'bench-take', text: TAKE_SQL, values: [key, rule.perSecond, rule.burst] }),
  };
  process.stdout.write(
    `${TAKES} takes, ${CONCURRENCY} callers; load average (1 min) ${loadavg()[0]?.toFixed(1)}\n\n`,
  );
  process.stdout.write(
    '| bucket | keys | takes/s | CPU µs/take (this process + PostgreSQL) | load |\n|---|---:|---:|---:|---:|\n',
  );
  for (const keys of [1, 1000]) {
    for (const [name, take] of Object.entries(sides)) {
      // Warm-up: prepared statement, pool connections.
      await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => take(`warm:${i}`)));
      let next = 0;
      const own = cpuUsage();
      const database = await treeCpuMs(postmaster);
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < TAKES) await take(`key:${next++ % keys}`);
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const used = cpuUsage(own);
      const databaseMs = (await treeCpuMs(postmaster)) - database;
      const ownUs = (used.user + used.system) / TAKES;
      process.stdout.write(
        `| ${name} | ${keys} | ${Math.round(TAKES / seconds)} | ${ownUs.toFixed(1)} + ${((databaseMs * 1000) / TAKES).toFixed(1)} | ${loadavg()[0]?.toFixed(1)} |\n`,
      );
    }
  }
} finally {
  await db.close();
}
