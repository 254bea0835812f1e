/**
 * `npx tsx bench/custom-detectors.ts`: MB/s of the built-in catalogue against the same catalogue
 * plus three custom detectors (whose patterns run on V8's linear-time engine), on ~BENCH_MB
 * (default 20) MB of mixed text where the custom keywords are rare, then on text where every line
 * holds one. Prints the medians of BENCH_RUNS (default 3) scans each. BENCH_CUSTOM_ENGINE=irregexp
 * runs the custom patterns on the backtracking engine instead, for comparison.
 */
import { compileCustomDetector, type Detector, detectors, Scanner } from '../src/index.ts';

const MB = 1e6;
const size = Number(process.env.BENCH_MB ?? 20) * MB;
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

const custom = [
  {
    id: 'custom-acme-key',
    pattern: '\\b(acme_[A-Za-z0-9]{16}[A-Za-z0-9]{8})\\b',
    valueGroup: 1,
    keywords: ['acme_'],
    entropy: 3.5,
  },
  {
    id: 'custom-employee-id',
    category: 'personal',
    pattern: '\\b[Ee][Mm][Pp][-_ ]?[Ii][Dd][:= ]{1,3}([0-9]{6,9})\\b',
    valueGroup: 1,
    keywords: ['emp'],
    validator: 'luhn',
  },
  {
    id: 'custom-internal-token',
    pattern: '\\bitk-[a-f0-9]{16}[a-f0-9]{16}\\b',
    keywords: ['itk-'],
    validator: 'entropy',
  },
]
  .map((spec) => compileCustomDetector(spec))
  .map((d) =>
    process.env.BENCH_CUSTOM_ENGINE === 'irregexp' ? { ...d, pattern: new RegExp(d.pattern.source, 'g') } : d,
  );

function corpus(line: (i: number) => string): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const l = line(i);
    parts.push(l);
    n += l.length;
  }
  return parts.join('');
}

const plain = (i: number) =>
  `2026-12-07T12:00:${String(i % 60).padStart(2, '0')}Z INFO request ${i} served path=/api/v1/items/${i * 7} user=u${i % 977} took=${i % 300}ms\n`;
const rare = corpus((i) => (i % 5000 === 0 ? `ACME=acme_Q7fLp2ZkR9sXw4NbT1vYh8Jc\n` : plain(i)));
const dense = corpus((i) => `${plain(i).trimEnd()} emp_id=${100000 + i} acme_ref=acme_${i}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function mbps(catalogue: readonly Detector[], text: string): Promise<number> {
  const scanner = new Scanner({ fingerprintKey: 'bench', detectors: catalogue });
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await scanner.scanText(text, 'bench.log');
    times.push((performance.now() - start) / 1000);
  }
  return text.length / MB / median(times);
}

for (const [name, text] of [
  ['custom keywords rare', rare],
  ['custom keywords on every line', dense],
] as const) {
  const base = await mbps(detectors, text);
  const withCustom = await mbps([...detectors, ...custom], text);
  console.log(
    `${name}: built-ins ${base.toFixed(1)} MB/s, built-ins + ${custom.length} custom ${withCustom.toFixed(1)} MB/s (${((withCustom / base) * 100).toFixed(0)} %)`,
  );
}
