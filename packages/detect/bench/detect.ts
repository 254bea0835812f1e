/**
 * `npm run bench:detect`: writes a ~200 MB mixed corpus (logs, code, CSV, JSON Lines, prose)
 * to a temp dir, then BENCH_RUNS times (default 3) scans it single-threaded in a fresh process
 * (`scan-files.ts`) and runs `rg -j1 -c -f <exported patterns>` on the same files (when rg is
 * installed). Prints each run's MB/s and ratio ours/rg, and the medians.
 * BENCH_MB sets the corpus size; BENCH_ENGINE=linear runs every pattern on V8's linear engine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectors, ripgrepPatterns } from '../src/index.ts';
import { writeCorpus } from './corpus.ts';

const MB = 1e6;
const totalMb = Number(process.env.BENCH_MB ?? 200);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const files = Math.max(5, Math.round(totalMb / 10));
const linear = process.env.BENCH_ENGINE === 'linear';
const here = path.dirname(fileURLToPath(import.meta.url));

interface Run {
  wall: number;
  cpu: number;
}

/** Children's user+system seconds from bash's `times` output (its second line). */
function childCpuSeconds(stderr: string): number {
  const line = stderr.trim().split('\n').pop() ?? '';
  const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return secs.reduce((a, b) => a + b, 0) || Number.NaN;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One scan in a fresh Node process; its own timing of the scan loop (not Node's start-up). */
function scanOnce(paths: string[], bytes: number): Run & { findings: number; regexChars: number } {
  const out = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'scan-files.ts'), ...paths], {
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) throw new Error(`scan failed: ${out.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const r = JSON.parse(out.stdout.trim().split('\n').pop()!);
  if (r.bytes !== bytes) throw new Error(`scan read ${r.bytes} bytes of ${bytes}`);
  return {
    wall: bytes / MB / r.seconds,
    cpu: bytes / MB / r.cpuSeconds,
    findings: r.findings,
    regexChars: r.regexChars,
  };
}

/** One `rg -j1 -c -f patterns` over the corpus, timed from here (wall) and by bash (CPU). */
function rgOnce(patternFile: string, paths: string[], bytes: number): Run & { lines: number } {
  const t = performance.now();
  const out = spawnSync(
    'bash',
    ['-c', 'rg "$@"; code=$?; times >&2; exit $code', 'rg', '-j1', '-c', '-f', patternFile, ...paths],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const seconds = (performance.now() - t) / 1000;
  if (out.status !== 0 && out.status !== 1) throw new Error(`rg failed: ${out.stderr.split('\n')[0]}`);
  const lines = out.stdout.split('\n').reduce((n, l) => n + (Number(l.split(':').pop()) || 0), 0);
  return { wall: bytes / MB / seconds, cpu: bytes / MB / childCpuSeconds(out.stderr), lines };
}

const rate = (x: number) => `${x.toFixed(1)} MB/s`;

const dir = await mkdtemp(path.join(tmpdir(), 'bench-detect-'));
try {
  process.stdout.write(`generating ${totalMb} MB corpus in ${dir} ...\n`);
  const { paths, bytes } = await writeCorpus(dir, files, (totalMb * MB) / files);
  const haveRg = spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0;
  const patternFile = path.join(dir, 'patterns.txt');
  await writeFile(
    patternFile,
    ripgrepPatterns(detectors)
      .map((p) => `${p.pattern}\n`)
      .join(''),
  );
  process.stdout.write(
    `${(bytes / MB).toFixed(0)} MB in ${paths.length} files; data-scanner (${linear ? 'linear engine' : 'irregexp'}) in a fresh process each run, timing its scan loop\n`,
  );
  const ours: Run[] = [];
  const rg: Run[] = [];
  for (let i = 1; i <= runs; i++) {
    const o = scanOnce(paths, bytes);
    ours.push(o);
    let line = `run ${i}: data-scanner wall ${rate(o.wall)}, cpu ${rate(o.cpu)}; ${o.findings} findings, ${(o.regexChars / bytes).toFixed(2)} regex chars per byte`;
    if (haveRg) {
      const r = rgOnce(patternFile, paths, bytes);
      rg.push(r);
      line += ` | rg -j1 wall ${rate(r.wall)}, cpu ${rate(r.cpu)}; ${r.lines} matching lines | ratio wall ${(o.wall / r.wall).toFixed(2)}x, cpu ${(o.cpu / r.cpu).toFixed(2)}x`;
    }
    process.stdout.write(`${line}\n`);
  }
  const ow = median(ours.map((r) => r.wall));
  const oc = median(ours.map((r) => r.cpu));
  let summary = `median of ${runs}: data-scanner wall ${rate(ow)}, cpu ${rate(oc)}`;
  if (haveRg) {
    const rw = median(rg.map((r) => r.wall));
    const rc = median(rg.map((r) => r.cpu));
    summary += `; rg -j1 wall ${rate(rw)}, cpu ${rate(rc)}; ratio ours/rg wall ${(ow / rw).toFixed(2)}x, cpu ${(oc / rc).toFixed(2)}x`;
  } else summary += '; rg not installed: ripgrep comparison skipped';
  process.stdout.write(`${summary}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
