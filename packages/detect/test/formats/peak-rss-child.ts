import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Scanner } from '../../src/index.ts';

/**
 * Run as its own process by bomb-memory.test.ts: scans every file of a folder, `CONCURRENCY`
 * at a time, and prints its outcomes with the process's idle and peak RSS (MiB) as JSON.
 */
const dir = process.argv[2] as string;
const concurrency = Number(process.env.CONCURRENCY ?? 4);
const scanner = new Scanner({ fingerprintKey: 'memory-test' });
await scanner.scanText('warm up: jane.roe@northwind-traders.com AKIA');
const idleMiB = process.resourceUsage().maxRSS / 1024;
const names = (await readdir(dir)).sort();
const outcomes: Record<string, { status: string; reason?: string }> = {};
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < names.length) {
      const name = names[next++] as string;
      const r = await scanner.scanObject(createReadStream(path.join(dir, name)), { name });
      outcomes[name] = { status: r.status, ...(r.reason ? { reason: r.reason } : {}) };
    }
  }),
);
const peakMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ idleMiB, peakMiB, outcomes }));
