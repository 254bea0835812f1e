/**
 * One worker process's engine throughput with 1 and with 2 scan threads (ScanThreadPool), and on
 * the main thread: a corpus of log files read from disk and scanned 4 objects at a time (as
 * WORKER_CONCURRENCY does), no database. Prints MB/s for each and the 2-thread/1-thread ratio.
 *
 *   npm run bench:threads [-- --mb 256 --files 32 --runs 3]
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Scanner } from '@data-scanner/detect';
import { ScanThreadPool } from '../src/engine/scan-thread-pool.ts';
import type { ScanEngine } from '../src/ports/scan-engine.ts';
import { awsKeyLine } from '../test/support/fake-secrets.ts';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '256' },
    files: { type: 'string', default: '32' },
    runs: { type: 'string', default: '3' },
  },
});
const KEY = 'bench-threads-key';

async function writeCorpus(dir: string, totalBytes: number, files: number): Promise<string[]> {
  const line = Buffer.from(
    'ts=2026-11-22T02:00:00Z level=info user=alice@example.com path=/api/v1/items status=200 took=12ms\n',
  );
  const block = Buffer.concat([...Array.from({ length: 600 }, () => line), Buffer.from(awsKeyLine(7))]);
  const names: string[] = [];
  for (let i = 0; i < files; i++) {
    const name = path.join(dir, `log-${i}.txt`);
    const handle = await open(name, 'w');
    for (let size = 0; size < totalBytes / files; size += block.length) await handle.write(block);
    await handle.close();
    names.push(name);
  }
  return names;
}

async function scanAll(engine: ScanEngine, files: string[]): Promise<number> {
  let next = 0;
  let findings = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < files.length) {
        const file = files[next++] as string;
        const r = await engine.scanObject(createReadStream(file, { highWaterMark: 256 * 1024 }), {
          name: file,
          size: 0,
        });
        findings += r.findings.length;
      }
    }),
  );
  return findings;
}

/** Median MB/s of `runs` scans, and the cores the process kept busy meanwhile (CPU seconds per wall second). */
async function measure(
  engine: ScanEngine,
  files: string[],
  bytes: number,
  runs: number,
): Promise<{ rate: number; cores: number; mainBusy: number }> {
  await scanAll(engine, files.slice(0, 4));
  const rates: number[] = [];
  let wall = 0;
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await scanAll(engine, files);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    wall += seconds;
    rates.push(bytes / 1e6 / seconds);
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    rate: rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)] as number,
    cores: (cpu.user + cpu.system) / 1e6 / wall,
    mainBusy: performance.eventLoopUtilization(elu0).utilization,
  };
}

const dir = await mkdtemp(path.join(tmpdir(), 'bench-threads-'));
try {
  const totalBytes = Number(values.mb) * 1024 * 1024;
  const files = await writeCorpus(dir, totalBytes, Number(values.files));
  const runs = Number(values.runs);
  const mainThread = await measure(new Scanner({ fingerprintKey: KEY }), files, totalBytes, runs);
  const rates: { rate: number; cores: number; mainBusy: number }[] = [];
  // BENCH_NICE sets the scan threads' nice increment (the pool's default is 5, below the main thread).
  const nice = process.env.BENCH_NICE === undefined ? {} : { niceIncrement: Number(process.env.BENCH_NICE) };
  for (const threads of [1, 2]) {
    const pool = new ScanThreadPool({ threads, fingerprintKey: KEY, ...nice });
    rates.push(await measure(pool.engine(), files, totalBytes, runs));
    await pool.close();
  }
  type Measured = { rate: number; cores: number; mainBusy: number };
  const [one, two] = rates as [Measured, Measured];
  const busy = (m: Measured) =>
    `${m.cores.toFixed(2)} cores busy, main thread's event loop busy ${(m.mainBusy * 100).toFixed(0)}%`;
  console.log(
    `cores ${availableParallelism()}, load average ${loadavg()[0]?.toFixed(1)}, ${values.mb} MB in ${values.files} files, median of ${runs}`,
  );
  console.log(`main thread     ${mainThread.rate.toFixed(1)} MB/s  ${busy(mainThread)}`);
  console.log(`1 scan thread   ${one.rate.toFixed(1)} MB/s  ${busy(one)}`);
  console.log(
    `2 scan threads  ${two.rate.toFixed(1)} MB/s  ${busy(two)}  (${(two.rate / one.rate).toFixed(2)}x one thread; per core busy ${(two.rate / two.cores / (one.rate / one.cores)).toFixed(2)}x)`,
  );
  console.log(
    `load average after ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}${nice.niceIncrement === undefined ? '' : `, scan threads at nice +${nice.niceIncrement}`}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
