import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { serve } from '@hono/node-server';
import type pg from 'pg';
import { createApiApp } from '../src/api/api-runtime.ts';
import { loadConfig } from '../src/config.ts';
import { createApiKey } from '../src/keys/key-store.ts';
import { createLogger } from '../src/log.ts';
import { EXPORT_FORMATS } from '../src/reports/index.ts';
import { startBenchDatabase } from './bench-database.ts';

const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 1_000_000);
const FORMATS = (process.env.BENCH_FORMATS ?? 'jsonl').split(',').map((f) => f.trim());
/** Formats with one finding per line, where the client's progress is counted in findings. */
const LINE_FORMATS = new Set(['jsonl', 'csv']);
const BATCH_QUERY = /FROM findings WHERE job_id = \$1 AND seq > \$2 ORDER BY seq LIMIT \$3/;

for (const format of FORMATS) {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    process.stderr.write(`bench:export: unknown format "${format}" (one of ${EXPORT_FORMATS.join(', ')})\n`);
    process.exit(2);
  }
}
if (!Number.isInteger(FINDINGS) || FINDINGS < 1) {
  process.stderr.write(
    `bench:export: BENCH_FINDINGS must be a positive integer, not "${process.env.BENCH_FINDINGS}"\n`,
  );
  process.exit(2);
}

/** What one export measured. */
interface Figures {
  format: string;
  seconds: number;
  cpuSeconds: number;
  bytes: number;
  lines: number;
  batches: number;
  maxBatchRows: number;
  /** Most findings queried beyond what the client had received when a batch query started (line formats). */
  maxAhead: number | undefined;
  rssGrowthMiB: number;
  inOrder: boolean;
}

/** The client's progress and the exporter's batch queries, shared with the pool's `query` wrapper. */
const progress = { received: 0, batches: 0, queried: 0, maxBatchRows: 0, maxAhead: 0, maxRss: 0 };

/** Wraps the pool's `query` to watch the exporter's batch queries. */
function watchBatches(pool: pg.Pool): void {
  const query = pool.query.bind(pool) as (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
  pool.query = (async (text: string, values?: unknown[]) => {
    const result = await query(text, values);
    if (typeof text === 'string' && BATCH_QUERY.test(text)) {
      progress.maxAhead = Math.max(progress.maxAhead, progress.queried - progress.received);
      progress.batches++;
      progress.queried += result.rows.length;
      progress.maxBatchRows = Math.max(progress.maxBatchRows, result.rows.length);
      progress.maxRss = Math.max(progress.maxRss, process.memoryUsage.rss());
    }
    return result;
  }) as typeof pool.query;
}

async function exportOnce(base: string, key: string, jobId: string, format: string): Promise<Figures> {
  Object.assign(progress, { received: 0, batches: 0, queried: 0, maxBatchRows: 0, maxAhead: 0 });
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  progress.maxRss = rssBefore;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const res = await fetch(`${base}/jobs/${jobId}/export?format=${format}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  const reader = res.body!.getReader();
  let bytes = 0;
  let lines = 0;
  let inOrder = true;
  let partial = '';
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (!LINE_FORMATS.has(format)) continue;
    const text = partial + decoder.decode(value, { stream: true });
    const end = text.lastIndexOf('\n');
    for (const line of text.slice(0, end).split('\n')) {
      if (line === '') continue;
      lines++;
      // Findings are numbered by line (see the insert below): the n-th line holds finding n.
      if (format === 'jsonl' && inOrder && !line.includes(`"line":${lines},`)) inOrder = false;
    }
    partial = text.slice(end + 1);
    // A CSV document starts with its header row.
    progress.received = format === 'csv' ? Math.max(0, lines - 1) : lines;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    format,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    bytes,
    lines,
    batches: progress.batches,
    maxBatchRows: progress.maxBatchRows,
    maxAhead: LINE_FORMATS.has(format) ? progress.maxAhead : undefined,
    rssGrowthMiB: (progress.maxRss - rssBefore) / 2 ** 20,
    inOrder: inOrder && partial === '',
  };
}

const db = await startBenchDatabase('export', 10);
const { pool } = db;
let failed = false;
try {
  const { key, tenantId } = await createApiKey(pool, 'bench');
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO jobs (tenant_id, source, status, objects_total, objects_done, findings_count)
     VALUES ($1, 's3://bench-bucket/data/', 'succeeded', 1000, 1000, $2) RETURNING id`,
    [tenantId, FINDINGS],
  );
  const jobId = (rows[0] as { id: string }).id;
  const insertStarted = performance.now();
  await pool.query(
    `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
       byte_start, byte_end, line, col, redacted, fingerprint)
     SELECT $1, $2, 'k' || g, 'obj-' || (g % 1000) || '.txt',
       CASE WHEN g % 2 = 0 THEN 'aws-access-key-id' ELSE 'email-address' END,
       'credentials', 'high', 0.9, g * 10, g * 10 + 20, g, 1, 'AKIA************MPLE', md5(g::text)
     FROM generate_series(1, $3) AS g`,
    [jobId, tenantId, FINDINGS],
  );
  // A running server's autovacuum analyzes the table as findings arrive; one bulk INSERT outruns it.
  await pool.query('ANALYZE findings');
  const insertSeconds = (performance.now() - insertStarted) / 1000;

  watchBatches(pool);
  // The API as `serve --role api` builds it.
  const env = { DATABASE_URL: db.url, DATA_SCANNER_DATA_DIR: db.dir, LOG_LEVEL: 'silent' };
  const app = createApiApp({ config: loadConfig(env), pool, logger: createLogger({ level: 'silent' }) });
  const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => http.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  process.stdout.write(
    `Export benchmark: ${FINDINGS.toLocaleString('en')} findings (inserted in ${insertSeconds.toFixed(1)} s), ` +
      `HTTP on 127.0.0.1, Node ${process.version}, load average (1 min) at the start: ${loadavg()[0]?.toFixed(1)} ` +
      `on ${cpus().length} CPUs\n\n`,
  );
  process.stdout.write(
    '| format | seconds | findings/s | MB | MB/s | CPU s (this process) | batch queries | max rows per batch | max rows ahead of the client | memory growth MiB |\n' +
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n',
  );
  for (const format of FORMATS) {
    const f = await exportOnce(base, key, jobId, format);
    process.stdout.write(
      `| ${f.format} | ${f.seconds.toFixed(1)} | ${Math.round(FINDINGS / f.seconds).toLocaleString('en')} | ` +
        `${(f.bytes / 1e6).toFixed(0)} | ${(f.bytes / 1e6 / f.seconds).toFixed(1)} | ${f.cpuSeconds.toFixed(1)} | ` +
        `${f.batches} | ${f.maxBatchRows} | ${f.maxAhead?.toLocaleString('en') ?? 'n/a'} | ${f.rssGrowthMiB.toFixed(0)} |\n`,
    );
    if (format === 'jsonl' && (f.lines !== FINDINGS || !f.inOrder)) {
      process.stderr.write(
        `bench:export: the JSON Lines export held ${f.lines} lines${f.inOrder ? '' : ' out of order'}, not ${FINDINGS}\n`,
      );
      failed = true;
    }
  }
  process.stdout.write(`\nload average (1 min) at the end: ${loadavg()[0]?.toFixed(1)}\n`);
  await new Promise<void>((resolve) => {
    http.close(() => resolve());
    (http as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
} finally {
  await db.close();
}
process.exitCode = failed ? 1 : 0;
