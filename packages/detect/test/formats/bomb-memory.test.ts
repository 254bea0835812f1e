import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombFamily } from '../bombs.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** What scanning may add to a process's idle RSS, with 4 objects in flight (the README's bound). */
const ENGINE_BOUND_MIB = 64;

let dir: string;
let names: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bombs-'));
  const bombs = bombFamily();
  names = bombs.map((b) => b.name).sort();
  for (const bomb of bombs) await writeFile(path.join(dir, bomb.name), bomb.bytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('decompression bombs', () => {
  it(`add less than ${ENGINE_BOUND_MIB} MiB to peak RSS and end PARTIAL by a limit`, async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'peak-rss-child.ts'), dir],
      { env: { ...process.env, CONCURRENCY: '4' }, maxBuffer: 1 << 20 },
    );
    const { idleMiB, peakMiB, outcomes } = JSON.parse(stdout) as {
      idleMiB: number;
      peakMiB: number;
      outcomes: Record<string, { status: string; reason?: string }>;
    };
    expect(peakMiB - idleMiB).toBeLessThan(ENGINE_BOUND_MIB);
    for (const name of ['nested.zip', 'text.log.gz', 'holes.tar.gz', 'book.xlsx']) {
      expect(outcomes[name]).toEqual({ status: 'PARTIAL', reason: 'COMPRESSION_RATIO_EXCEEDED' });
    }
    expect(outcomes['overlap.zip']?.status).not.toBe('COMPLETE');
    expect(Object.keys(outcomes).sort()).toEqual(names);
  });
});
