/**
 * `npm run bench:startup`: whole-process wall time and peak RSS of `data-scanner scan` of a 1 KB file,
 * median of BENCH_RUNS runs (default 9), for the built runtime (bin → dist/, what production runs)
 * beside the TypeScript sources through tsx (how the bin ran every command before). With
 * BENCH_PREVIOUS=<git revision>, also that revision's service sources through tsx (its bin as it was).
 * Node's own start (`node -e 0`) is printed for scale. Targets: 150 ms wall and 80 MB peak RSS.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildService, SERVICE_DIR } from '../scripts/build.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const PREVIOUS = process.env.BENCH_PREVIOUS;
const RSS_PRELOAD = fileURLToPath(new URL('./report-max-rss.mjs', import.meta.url));
const BIN = path.join(SERVICE_DIR, 'bin', 'data-scanner.mjs');

interface Runtime {
  readonly name: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

interface Figures {
  readonly wallMs: number;
  readonly rssMiB: number;
  /** User + system CPU time of the process (wall time on a loaded machine is mostly waiting). */
  readonly cpuMs: number;
  readonly exit: number | null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function measure(runtime: Runtime, work: string): Figures {
  const walls: number[] = [];
  const rss: number[] = [];
  const cpu: number[] = [];
  let exit: number | null = null;
  const rssFile = path.join(work, 'rss');
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', RSS_PRELOAD, ...runtime.args], {
      cwd: work,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: work,
        DATA_SCANNER_FINGERPRINT_KEY: 'bench-startup-key',
        BENCH_RSS_FILE: rssFile,
        ...runtime.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    const [maxRss, cpuMicros] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
    rss.push((maxRss ?? Number.NaN) / 1024);
    cpu.push((cpuMicros ?? Number.NaN) / 1000);
    exit = result.status;
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`${runtime.name} exited ${result.status}: ${result.stderr.toString()}`);
    }
  }
  return { wallMs: median(walls), rssMiB: median(rss), cpuMs: median(cpu), exit };
}

/** Extracts the service sources of a git revision beside the package (so its imports resolve here). */
function previousSources(revision: string): string {
  const dir = mkdtempSync(path.join(SERVICE_DIR, '.bench-previous-'));
  const repo = path.resolve(SERVICE_DIR, '../..');
  const tar = execFileSync('git', [
    '-C',
    repo,
    'archive',
    revision,
    'packages/service/src',
    'packages/service/bin',
  ]);
  execFileSync('tar', ['-x', '-C', dir, '--strip-components=2'], { input: tar });
  return dir;
}

const work = mkdtempSync(path.join(tmpdir(), 'bench-startup-'));
const target = path.join(work, 'config.env');
writeFileSync(target, `# 1 KB of settings\naws_access_key_id = AKIAQX4BZNMRPL5TWKD2\n${'x'.repeat(950)}\n`);
mkdirSync(path.join(work, 'home'), { recursive: true });

const started = performance.now();
const metafile = await buildService();
const distBytes = Object.values(metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `build: packages/service/dist, ${Object.keys(metafile.outputs).length} files, ${(distBytes / 1024).toFixed(0)} KiB, ${Math.round(performance.now() - started)} ms`,
);

const TSX = import.meta.resolve('tsx');
const MAIN_TS = pathToFileURL(path.join(SERVICE_DIR, 'src/cli/main.ts')).href;
const viaTsx = (args: string[]) => [
  '--import',
  TSX,
  '--input-type=module',
  '-e',
  `const { main } = await import(${JSON.stringify(MAIN_TS)}); process.exitCode = await main(${JSON.stringify(args)});`,
];

const runtimes: Runtime[] = [
  { name: 'node -e 0 (Node itself)', args: ['-e', '0'] },
  { name: 'built, NODE_ENV=production', args: [BIN, 'scan', target], env: { NODE_ENV: 'production' } },
  { name: 'built, development (source check)', args: [BIN, 'scan', target] },
  {
    name: 'tsx, current sources',
    args: viaTsx(['scan', target]),
  },
];
let previous: string | undefined;
if (PREVIOUS) {
  previous = previousSources(PREVIOUS);
  runtimes.push({
    name: `tsx, ${PREVIOUS} (previous bin)`,
    args: [path.join(previous, 'bin/data-scanner.mjs'), 'scan', target],
  });
}

console.log(
  `scan of a 1 KB file, median of ${RUNS} runs; ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`,
);
console.log(
  `${'runtime'.padEnd(40)} ${'wall ms'.padStart(8)} ${'CPU ms'.padStart(7)} ${'peak RSS MiB'.padStart(13)}`,
);
try {
  for (const runtime of runtimes) {
    const figures = measure(runtime, work);
    console.log(
      `${runtime.name.padEnd(40)} ${figures.wallMs.toFixed(0).padStart(8)} ${figures.cpuMs.toFixed(0).padStart(7)} ${figures.rssMiB.toFixed(1).padStart(13)}`,
    );
  }
  console.log('targets (built): under 150 ms wall and 80 MB peak RSS');
} finally {
  rmSync(work, { recursive: true, force: true });
  if (previous) rmSync(previous, { recursive: true, force: true });
}
