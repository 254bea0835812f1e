import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Scanner } from '../../src/index.ts';

/**
 * Run as its own process by memory-bounds.test.ts: scans each compressed file of a folder (256
 * MiB of zeros and a line with a key after them, alone or as a tar of the two) one after
 * another, and prints the process's idle and peak RSS (MiB) with each outcome as JSON.
 */
const dir = process.argv[2] as string;
const KEY_LINE = 'deploy key: aws_access_key_id = AKIAQYLPMN5HHHFPZAM2\n';
const scanner = new Scanner({ fingerprintKey: 'rss', limits: { maxCompressionRatio: 1e9 } });
await scanner.scanText(`warm up: ${KEY_LINE}`);
const files: Record<string, Uint8Array> = {};
for (const name of await readdir(dir)) files[name] = await readFile(path.join(dir, name));
const idleMiB = process.resourceUsage().maxRSS / 1024;
const outcomes: Record<string, { status: string; found: boolean; peakMiB: number }> = {};
for (const name of Object.keys(files).sort()) {
  const bytes = files[name]!;
  const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) =>
    bytes.subarray(i * 65536, (i + 1) * 65536),
  );
  global.gc?.();
  const r = await scanner.scanObject(chunks, { name });
  outcomes[name] = {
    status: r.status,
    found: r.findings.some((f) => f.detector === 'aws-access-key-id'),
    peakMiB: process.resourceUsage().maxRSS / 1024,
  };
}
process.stdout.write(JSON.stringify({ idleMiB, outcomes }));
