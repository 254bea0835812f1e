/**
 * One worker process's engine throughput on the main thread and with 1 and 2 scan threads
 * (ScanThreadPool), both with the main thread reading and streaming each object to a thread and
 * with the threads reading their objects themselves (`scanFromSource`, what the worker does): a
 * corpus of log files scanned 4 objects at a time (as WORKER_CONCURRENCY does), no database, the
 * five configurations interleaved run by run after a warm-up of one corpus scan per thread.
 * Prints MB/s, cores busy and CPU per MB (the whole process, its main thread, its scan threads,
 * and its other threads: V8's GC helpers and compilers and libuv's pool, which a lone scan thread
 * gets from the second core for free) for each, and the 2-thread/1-thread ratio measured and as
 * projected for an idle 2-core machine.
 *
 *   npm run bench:threads [-- --mb 256 --files 32 --runs 3]
 */

import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Scanner } from '@data-scanner/detect';
import { ScanThreadPool } from '../src/engine/scan-thread-pool.ts';
import type { ScanEngine } from '../src/ports/scan-engine.ts';
import { FilesystemSource } from '../src/sources/filesystem-source.ts';
import { awsKeyLine } from '../test/support/fake-secrets.ts';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '256' },
    files: { type: 'string', default: '32' },
    runs: { type: 'string', default: '3' },
  },
});
const KEY = 'bench-threads-key';
const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

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

/** Scans every item, 4 at a time (as WORKER_CONCURRENCY does); returns the findings. */
async function scanAll<T>(items: readonly T[], scanOne: (item: T) => Promise<number>): Promise<number> {
  let next = 0;
  let findings = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < items.length) findings += await scanOne(items[next++] as T);
    }),
  );
  return findings;
}

/** CPU seconds of each of this process's threads by thread id (Linux /proc; empty elsewhere). */
async function threadCpuSeconds(): Promise<Map<string, number>> {
  const seconds = new Map<string, number>();
  for (const tid of await readdir('/proc/self/task').catch(() => [] as string[])) {
    const stat = await readFile(`/proc/self/task/${tid}/stat`, 'utf8').catch(() => '');
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    seconds.set(tid, (Number(fields[11]) + Number(fields[12])) / TICKS || 0);
  }
  return seconds;
}

/**
 * CPU seconds spent between two `threadCpuSeconds` readings: by the main thread, by the `scanThreads`
 * busiest other threads (the scan threads), and by the rest (V8's GC helpers, libuv's pool).
 */
function cpuSpent(before: Map<string, number>, after: Map<string, number>, scanThreads: number) {
  const main = String(process.pid);
  const others: number[] = [];
  let mainSeconds = 0;
  for (const [tid, seconds] of after) {
    const spent = seconds - (before.get(tid) ?? 0);
    if (tid === main) mainSeconds = spent;
    else others.push(spent);
  }
  others.sort((a, b) => b - a);
  const scan = others.slice(0, scanThreads).reduce((a, b) => a + b, 0);
  const rest = others.slice(scanThreads).reduce((a, b) => a + b, 0);
  return { main: mainSeconds, scan, rest, all: mainSeconds + scan + rest };
}

interface Measured {
  /** Median MB/s. */
  rate: number;
  /** CPU seconds per wall second, all threads. */
  cores: number;
  /** CPU seconds per MB: all threads, the main thread, the scan threads, and the other threads. */
  cpuPerMb: number;
  mainCpuPerMb: number;
  scanCpuPerMb: number;
  otherCpuPerMb: number;
  mainBusy: number;
}

/** A configuration: its scan threads (0: the main thread scans) and one scan of the corpus. */
interface Config {
  threads: number;
  scan: () => Promise<number>;
}

/**
 * Runs every configuration `runs` times, interleaved (a load spike hits all alike), after a
 * warm-up of one corpus scan per scan thread: each thread compiles its own code (V8 isolates share
 * none), so with one scan per pool each of two threads would still be compiling on the background
 * threads in the measured runs, and a long-running worker's steady state is what is measured.
 */
async function measureInterleaved(configs: Config[], bytes: number, runs: number): Promise<Measured[]> {
  for (const config of configs) for (let w = 0; w < Math.max(1, config.threads); w++) await config.scan();
  const rates = configs.map(() => [] as number[]);
  const totals = configs.map(() => ({ wall: 0, cpu: 0, main: 0, scan: 0, rest: 0, busy: 0 }));
  for (let run = 0; run < runs; run++) {
    for (const [i, config] of configs.entries()) {
      const cpu0 = await threadCpuSeconds();
      const elu0 = performance.eventLoopUtilization();
      const start = process.hrtime.bigint();
      await config.scan();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const spent = cpuSpent(cpu0, await threadCpuSeconds(), config.threads);
      const t = totals[i] as (typeof totals)[number];
      t.wall += seconds;
      t.cpu += spent.all;
      t.main += spent.main;
      t.scan += config.threads === 0 ? spent.main : spent.scan;
      t.rest += spent.rest;
      t.busy += performance.eventLoopUtilization(elu0).utilization * seconds;
      rates[i]?.push(bytes / 1e6 / seconds);
    }
  }
  const mb = (bytes / 1e6) * runs;
  return totals.map((t, i) => ({
    rate: (rates[i] as number[]).sort((a, b) => a - b)[Math.floor(runs / 2)] as number,
    cores: t.cpu / t.wall,
    cpuPerMb: t.cpu / mb,
    mainCpuPerMb: t.main / mb,
    scanCpuPerMb: t.scan / mb,
    otherCpuPerMb: t.rest / mb,
    mainBusy: t.busy / t.wall,
  }));
}

const dir = await mkdtemp(path.join(tmpdir(), 'bench-threads-'));
const pools: ScanThreadPool[] = [];
try {
  const totalBytes = Number(values.mb) * 1024 * 1024;
  const files = await writeCorpus(dir, totalBytes, Number(values.files));
  const runs = Number(values.runs);
  const source = await FilesystemSource.create(dir, { roots: [dir] });
  const objects = files.map((file) => ({ key: path.relative(dir, file), size: 0 }));
  // BENCH_NICE sets the scan threads' nice increment (the pool's default is 5, below the main thread).
  const nice = process.env.BENCH_NICE === undefined ? {} : { niceIncrement: Number(process.env.BENCH_NICE) };
  const poolOf = (threads: number, reads: boolean) => {
    const pool = new ScanThreadPool({
      threads,
      fingerprintKey: KEY,
      ...nice,
      ...(reads ? { sources: { roots: [dir] } } : {}),
    });
    pools.push(pool);
    return pool.engine();
  };
  const streamed =
    (engine: ScanEngine): Config['scan'] =>
    () =>
      scanAll(files, async (file) => {
        const r = await engine.scanObject(createReadStream(file, { highWaterMark: 256 * 1024 }), {
          name: file,
          size: 0,
        });
        return r.findings.length;
      });
  const byReference =
    (engine: ScanEngine): Config['scan'] =>
    () =>
      scanAll(objects, async (object) => {
        const r = await engine.scanFromSource?.({ source: source.uri, object });
        if (r?.kind !== 'scanned') throw new Error(`${object.key} was not scanned: ${JSON.stringify(r)}`);
        return r.result.findings.length;
      });
  const labels = [
    'main thread                 ',
    '1 thread, main thread reads ',
    '2 threads, main thread reads',
    '1 thread reading its objects',
    '2 threads reading objects   ',
  ];
  const [main, port1, port2, read1, read2] = (await measureInterleaved(
    [
      { threads: 0, scan: streamed(new Scanner({ fingerprintKey: KEY })) },
      { threads: 1, scan: streamed(poolOf(1, false)) },
      { threads: 2, scan: streamed(poolOf(2, false)) },
      { threads: 1, scan: byReference(poolOf(1, true)) },
      { threads: 2, scan: byReference(poolOf(2, true)) },
    ],
    totalBytes,
    runs,
  )) as [Measured, Measured, Measured, Measured, Measured];
  console.log(
    `cores ${availableParallelism()}, load average ${loadavg()[0]?.toFixed(1)}, ${values.mb} MB in ${values.files} files, median of ${runs} interleaved runs`,
  );
  for (const [i, m] of [main, port1, port2, read1, read2].entries()) {
    console.log(
      `${labels[i]}  ${m.rate.toFixed(1).padStart(6)} MB/s  ${m.cores.toFixed(2)} cores busy  ` +
        `CPU ${(m.cpuPerMb * 1000).toFixed(2)} ms/MB (main thread ${(m.mainCpuPerMb * 1000).toFixed(2)}, ` +
        `scan threads ${(m.scanCpuPerMb * 1000).toFixed(2)}, other threads ${(m.otherCpuPerMb * 1000).toFixed(2)})  ` +
        `event loop busy ${(m.mainBusy * 100).toFixed(0)}%`,
    );
  }
  // On an idle 2-core machine each scan thread is bound to one core (n threads: n / their CPU per
  // MB) and the whole process, helpers and main thread included, to both (2 / its CPU per MB).
  const idleRate = (m: Measured, threads: number) => Math.min(threads / m.scanCpuPerMb, 2 / m.cpuPerMb);
  for (const [label, one, two] of [
    ['main thread reads', port1, port2],
    ['threads read     ', read1, read2],
  ] as const) {
    console.log(
      `${label}: 2 threads ${(two.rate / one.rate).toFixed(2)}x one measured (wall); projected for an idle ` +
        `2-core machine from CPU per MB: 1 thread ${idleRate(one, 1).toFixed(1)} MB/s, 2 threads ` +
        `${idleRate(two, 2).toFixed(1)} MB/s, ${(idleRate(two, 2) / idleRate(one, 1)).toFixed(2)}x`,
    );
  }
  console.log(
    `load average after ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}${nice.niceIncrement === undefined ? '' : `, scan threads at nice +${nice.niceIncrement}`}`,
  );
} finally {
  await Promise.all(pools.map((pool) => pool.close()));
  await rm(dir, { recursive: true, force: true });
}
