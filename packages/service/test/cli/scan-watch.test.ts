import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200 && !check(); i++) await sleep(100);
  if (!check()) throw new Error(`never happened: ${what}`);
}

describe('data-scanner scan --watch', () => {
  it('scans the folder, then each file written under it, once, until stopped', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'watch-'));
    dirs.push(dir);
    const folder = path.join(dir, 'inbox');
    await mkdir(path.join(folder, 'deep'), { recursive: true });
    await writeFile(path.join(folder, 'old.txt'), awsKeyLine(1));
    const child = spawn(
      process.execPath,
      [CLI, 'scan', folder, '--watch', '--incremental', path.join(dir, 'state.json'), '-f', 'jsonl'],
      { env: { ...process.env, DATA_SCANNER_FINGERPRINT_KEY: 'k' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const keys = () =>
      stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { object: { key: string } }).object.key);

    await until(() => stderr.includes('watching'), 'the watch started');
    expect(keys()).toEqual(['old.txt']);
    await writeFile(path.join(folder, 'deep', 'new.txt'), `x\n${awsKeyLine(2)}`);
    await until(() => keys().includes('deep/new.txt'), 'the new file was scanned');
    expect(keys()).toEqual(['old.txt', 'deep/new.txt']);
    expect(stderr).toContain('1 unchanged object(s) skipped');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
