/**
 * `npm run bench:detect`: writes a ~200 MB mixed corpus (logs, code, CSV, JSON Lines, prose)
 * to a temp dir, scans it single-threaded, prints MB/s, then runs `rg -j1 -c -f <exported
 * patterns>` on the same files (when rg is installed) and prints the ratio ours/rg.
 * BENCH_MB sets the corpus size; BENCH_ENGINE=linear runs every pattern on V8's linear engine.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileLinear } from '../src/engine/compiled-detector.ts';
import { detectors, ripgrepPatterns, Scanner } from '../src/index.ts';
import { writeCorpus } from './corpus.ts';

const MB = 1e6;

/** Children's user+system seconds from bash's `times` output (its second line). */
function childCpuSeconds(stderr: string): number {
  const line = stderr.trim().split('\n').pop() ?? '';
  const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return secs.reduce((a, b) => a + b, 0) || Number.NaN;
}
const totalMb = Number(process.env.BENCH_MB ?? 200);
const files = Math.max(5, Math.round(totalMb / 10));
const linear = process.env.BENCH_ENGINE === 'linear';

const dir = await mkdtemp(path.join(tmpdir(), 'bench-detect-'));
try {
  process.stdout.write(`generating ${totalMb} MB corpus in ${dir} ...\n`);
  const { paths, bytes } = await writeCorpus(dir, files, (totalMb * MB) / files);
  const catalogue = linear ? detectors.map((d) => ({ ...d, pattern: compileLinear(d.pattern) })) : detectors;
  const scanner = new Scanner({ fingerprintKey: 'bench', detectors: catalogue, maxFindings: 1e9 });
  let findings = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (const p of paths) {
    const result = await scanner.scanObject(createReadStream(p, { highWaterMark: 1 << 20 }), {
      name: path.basename(p),
    });
    findings += result.findings.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const ours = bytes / MB / seconds;
  const oursCpu = bytes / MB / cpuSeconds;
  process.stdout.write(
    `data-scanner (${linear ? 'linear engine' : 'irregexp'}): ${(bytes / MB).toFixed(0)} MB, wall ${seconds.toFixed(2)} s = ${ours.toFixed(1)} MB/s, cpu ${cpuSeconds.toFixed(2)} s = ${oursCpu.toFixed(1)} MB/s; ${findings} findings, ${(scanner.stats.regexChars / bytes).toFixed(2)} regex chars per byte\n`,
  );
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.status === 0) {
    const patternFile = path.join(dir, 'patterns.txt');
    await writeFile(
      patternFile,
      ripgrepPatterns(detectors)
        .map((p) => `${p.pattern}\n`)
        .join(''),
    );
    const rgArgs = ['-j1', '-c', '-f', patternFile, ...paths];
    const t = performance.now();
    const out = spawnSync('bash', ['-c', 'rg "$@"; code=$?; times >&2; exit $code', 'rg', ...rgArgs], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const rgSeconds = (performance.now() - t) / 1000;
    if (out.status !== 0 && out.status !== 1) throw new Error(`rg failed: ${out.stderr.split('\n')[0]}`);
    const rgCpu = childCpuSeconds(out.stderr);
    const rgRate = bytes / MB / rgSeconds;
    const rgCpuRate = bytes / MB / rgCpu;
    const lines = out.stdout.split('\n').reduce((n, l) => n + (Number(l.split(':').pop()) || 0), 0);
    process.stdout.write(
      `ripgrep -j1 -c -f patterns: wall ${rgSeconds.toFixed(2)} s = ${rgRate.toFixed(1)} MB/s, cpu ${rgCpu.toFixed(2)} s = ${rgCpuRate.toFixed(1)} MB/s; ${lines} matching lines\n` +
        `ratio ours/rg: wall ${(ours / rgRate).toFixed(2)}x, cpu ${(oursCpu / rgCpuRate).toFixed(2)}x\n`,
    );
  } else {
    process.stdout.write('rg not installed: ripgrep comparison skipped\n');
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
