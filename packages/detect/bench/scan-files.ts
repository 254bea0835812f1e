/**
 * One measured scan for `bench/detect.ts`: scans the files named on the command line one after
 * another, single-threaded, and prints one JSON line of figures. It runs in a process of its
 * own, as `data-scanner scan` does, so the corpus writer's heap and compiled code are not in it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { compileLinear } from '../src/engine/compiled-detector.ts';
import { detectors, Scanner } from '../src/index.ts';

const linear = process.env.BENCH_ENGINE === 'linear';
const catalogue = linear ? detectors.map((d) => ({ ...d, pattern: compileLinear(d.pattern) })) : detectors;
const scanner = new Scanner({
  fingerprintKey: 'bench',
  detectors: catalogue,
  limits: { aggregateThreshold: 1e9 },
});
// The keyword automaton builds its table on the first text of 64 KiB (start-up work, which the
// constructor did before): build it here, outside the timed loop, with a text that wakes nothing.
await scanner.scanObject(Readable.from([Buffer.alloc(128 * 1024, ' ')]), { name: 'warm-up.txt' });
scanner.resetStats();
let findings = 0;
// Identifies the findings (file, detector, place, fingerprint) so runs can be compared.
const digest = createHash('sha256');
let bytes = 0;
const cpuStart = process.cpuUsage();
const started = performance.now();
for (const file of process.argv.slice(2)) {
  const result = await scanner.scanObject(createReadStream(file, { highWaterMark: 1 << 20 }), {
    name: path.basename(file),
  });
  if (result.status !== 'COMPLETE') throw new Error(`${file}: ${result.status} ${result.reason}`);
  findings += result.findings.length;
  for (const f of result.findings) {
    digest.update(
      `${path.basename(file)} ${f.detector} ${f.location.byte_start} ${f.location.byte_end} ${f.confidence} ${f.fingerprint}\n`,
    );
  }
  bytes += result.bytes_read;
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(
  `${JSON.stringify({ bytes, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, findings, digest: digest.digest('hex').slice(0, 16), regexChars: scanner.stats.regexChars })}\n`,
);
