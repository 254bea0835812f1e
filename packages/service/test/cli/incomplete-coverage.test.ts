import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

/** Root reads everything: as root the CLI runs as `nobody`, so modes 000 really keep it out. */
const AS_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

let tmp: string;
let dir: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'cli-incomplete-'));
  await chmod(tmp, 0o755);
  dir = path.join(tmp, 'tree');
  await mkdir(path.join(dir, 'locked'), { recursive: true });
  await mkdir(path.join(dir, 'later'));
  await writeFile(path.join(dir, 'ok.txt'), awsKeyLine(1));
  await writeFile(path.join(dir, 'later/also-ok.txt'), awsKeyLine(2));
  await writeFile(path.join(dir, 'locked/hidden.txt'), awsKeyLine(3));
  await writeFile(path.join(dir, 'unreadable.txt'), awsKeyLine(4));
  await writeFile(path.join(tmp, 'outside.txt'), awsKeyLine(5));
  execFileSync('mkfifo', [path.join(dir, 'pipe')]);
  await symlink(path.join(tmp, 'outside.txt'), path.join(dir, 'escape.txt'));
  await chmod(path.join(dir, 'locked'), 0o000);
  await chmod(path.join(dir, 'unreadable.txt'), 0o000);
});

afterAll(async () => {
  await chmod(path.join(dir, 'locked'), 0o755);
  await rm(tmp, { recursive: true, force: true });
});

function scan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, 'scan', dir, '--format', 'json', ...args],
      { ...AS_USER, env: { PATH: process.env.PATH, DATA_SCANNER_FINGERPRINT_KEY: 'k', HOME: tmp } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

interface JsonReport {
  objects: { object: { key: string }; status: string; reason?: string }[];
}

describe('data-scanner scan with objects it cannot read', () => {
  it('goes on past an unreadable folder and file, reports them FAILED, the FIFO and the escaping symlink SKIPPED, and exits 2', async () => {
    const r = await scan([]);
    expect(r.code).toBe(2);
    // The summary line (counts, with the failed ones) and then why the exit code is 2.
    expect(r.stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^2 finding\(s\) in 6 object\(s\) \(2 complete, 0 partial, 2 skipped, 2 failed\)/,
      ),
      'data-scanner: coverage incomplete: 2 object(s) could not be read (FAILED in the report); exit 2 (--allow-incomplete exits on findings alone)',
      '',
    ]);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(
      Object.fromEntries(report.objects.map((o) => [o.object.key, [o.status, o.reason ?? null]])),
    ).toEqual({
      'escape.txt': ['SKIPPED', 'OUTSIDE_ROOT'],
      'later/also-ok.txt': ['COMPLETE', null],
      'locked/': ['FAILED', 'ACCESS_DENIED'],
      'ok.txt': ['COMPLETE', null],
      pipe: ['SKIPPED', 'NOT_REGULAR_FILE'],
      'unreadable.txt': ['FAILED', 'ACCESS_DENIED'],
    });
    expect(r.stdout).toContain('aws-access-key-id');
  });

  it('--allow-incomplete exits on findings alone (1 here) with the same report', async () => {
    const r = await scan(['--allow-incomplete']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('coverage incomplete');
    expect(r.stderr).toMatch(/2 failed\)/);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.objects.filter((o) => o.status === 'FAILED').map((o) => o.object.key)).toEqual([
      'unreadable.txt',
      'locked/',
    ]);
  });
});
