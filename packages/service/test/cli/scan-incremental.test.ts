import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

let dir: string;
const CUSTOM = {
  id: 'custom-acme-key',
  severity: 'critical',
  pattern: '\\b(acme_[A-Za-z0-9]{16}[A-Za-z0-9]{8})\\b',
  valueGroup: 1,
  keywords: ['acme_'],
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-incremental-'));
  for (let i = 0; i < 3; i++) await writeFile(path.join(dir, `f${i}.txt`), awsKeyLine(i));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function scan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, 'scan', ...args],
      {
        env: { ...process.env, DATA_SCANNER_FINGERPRINT_KEY: 'k', XDG_STATE_HOME: path.join(dir, '.state') },
      },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

const scannedKeys = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { object?: { key: string } })
    .map((f) => f.object?.key)
    .sort();

describe('data-scanner scan --incremental', () => {
  it('skips files unchanged since their last complete scan, in the state file it names', async () => {
    const state = path.join(dir, '..', `${path.basename(dir)}-state.json`);
    const target = path.join(dir, 'data');
    await rm(target, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(target));
    for (let i = 0; i < 3; i++) await writeFile(path.join(target, `f${i}.txt`), awsKeyLine(i));

    const first = await scan([target, '--incremental', state, '-f', 'jsonl']);
    expect(first.code).toBe(1);
    expect(scannedKeys(first.stdout)).toEqual(['f0.txt', 'f1.txt', 'f2.txt']);
    expect(first.stderr).toContain('0 unchanged object(s) skipped');

    const second = await scan([target, '--incremental', state, '-f', 'jsonl']);
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe('');
    expect(second.stderr).toContain('3 unchanged object(s) skipped');

    await appendFile(path.join(target, 'f2.txt'), 'changed\n');
    const third = await scan([target, '--incremental', state, '-f', 'jsonl']);
    expect(scannedKeys(third.stdout)).toEqual(['f2.txt']);
    expect(third.stderr).toContain('2 unchanged object(s) skipped');

    // Fewer detectors are covered by the scans before; a detector added by a config is not.
    const fewer = await scan([target, '--incremental', state, '-f', 'jsonl', '-d', 'email']);
    expect(fewer.stderr).toContain('3 unchanged object(s) skipped');
    const config = path.join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ detectors: [CUSTOM] }));
    const added = await scan([target, '--incremental', state, '-f', 'jsonl', '-c', config]);
    expect(added.stderr).toContain('0 unchanged object(s) skipped');
    expect(scannedKeys(added.stdout)).toEqual(['f0.txt', 'f1.txt', 'f2.txt']);

    // Without the flag, nothing is skipped and no state is written.
    expect(scannedKeys((await scan([target, '-f', 'jsonl'])).stdout)).toEqual(['f0.txt', 'f1.txt', 'f2.txt']);
    await rm(state);
  });

  it('uses the default state file under XDG_STATE_HOME, and refuses a file that is not a state', async () => {
    const target = path.join(dir, 'f0.txt');
    await scan([target, '--incremental', '-f', 'jsonl']);
    expect((await scan([target, '--incremental', '-f', 'jsonl'])).stderr).toContain(
      '1 unchanged object(s) skipped',
    );
    const bad = path.join(dir, 'f1.txt');
    const refused = await scan([target, '--incremental', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not JSON');
  });
});

describe('data-scanner scan --dry-run', () => {
  it('lists without reading and prints the estimate on the profile it is told', async () => {
    const target = path.join(dir, 'dry');
    await import('node:fs/promises').then((fs) => fs.mkdir(target, { recursive: true }));
    await writeFile(path.join(target, 'a.log'), awsKeyLine(1));
    await writeFile(path.join(target, 'b.png'), 'png');
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI, 'scan', target, '--dry-run', '-e', '*.png'],
        { env: { ...process.env, DATA_SCANNER_PROFILE: 'astro' } },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      objects: 1,
      bytes: awsKeyLine(1).length,
      by_format: { log: { objects: 1 } },
      skipped: { excluded: 1 },
      profile: 'astro',
      estimated_hours: { workers: 1 },
    });
    expect(run.stdout).not.toContain('AKIA');
  });
});
