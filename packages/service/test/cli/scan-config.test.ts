import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.ts';

const ACME = 'acme_Q7fLp2ZkR9sXw4NbT1vYh8Jc';
const EMAIL = 'jane.roe@northwind-traders.com';
const SPEC = {
  id: 'custom-acme-key',
  name: 'Acme API key',
  severity: 'critical',
  pattern: '\\b(acme_[A-Za-z0-9]{16}[A-Za-z0-9]{8})\\b',
  valueGroup: 1,
  keywords: ['acme_'],
  entropy: 3.5,
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, DATA_SCANNER_FINGERPRINT_KEY: 'cli-test-key', ...env } },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 2) : 0, stdout, stderr });
      },
    );
  });
}

let dir: string;
let target: string;
const config = async (name: string, content: unknown): Promise<string> => {
  const file = path.join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const found = (stdout: string): string[][] =>
  JSON.parse(stdout).objects.flatMap((o: { findings: { detector: string; severity: string }[] }) =>
    o.findings.map((f) => [f.detector, f.severity]),
  );

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-config-'));
  target = path.join(dir, 'app.env');
  await writeFile(target, `ACME_KEY=${ACME}\nCONTACT=${EMAIL}\n`);
});

describe('data-scanner scan --config', () => {
  it('runs custom detectors and drops disabled built-ins, from the flag or DATA_SCANNER_CONFIG', async () => {
    const before = await run(['scan', target, '-f', 'json']);
    // Built in, only the catch-all for `*_KEY` names sees the key, at medium severity.
    expect(found(before.stdout)).toEqual([
      ['generic-key', 'medium'],
      ['email', 'low'],
    ]);
    const file = await config('detectors.json', {
      detectors: [SPEC],
      disable: ['email'],
      overrides: { 'aws-access-key-id': { severity: 'low' } },
    });
    for (const r of [
      await run(['scan', target, '-f', 'json', '--config', file]),
      await run(['scan', target, '-f', 'json'], { DATA_SCANNER_CONFIG: file }),
    ]) {
      expect(r.code, r.stderr).toBe(1);
      expect(found(r.stdout)).toEqual([['custom-acme-key', 'critical']]);
      expect(r.stdout).not.toContain(ACME);
    }
  });

  it('lets --detectors select a custom id', async () => {
    const file = await config('select.json', { detectors: [SPEC] });
    const r = await run(['scan', target, '-f', 'json', '-c', file, '-d', 'custom-acme-key']);
    expect(found(r.stdout)).toEqual([['custom-acme-key', 'critical']]);
    const without = await run(['scan', target, '-f', 'json', '-d', 'custom-acme-key']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('unknown detector(s): custom-acme-key');
  });

  it('exits 2 with one line naming every problem of a bad config', async () => {
    const file = await config('bad.json', {
      detectors: [
        { ...SPEC, pattern: '(\\w+\\s?)+$' },
        { ...SPEC, id: 'email', validator: 'md5' },
      ],
      disable: ['no-such-detector'],
    });
    const r = await run(['scan', target, '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('bad.json');
    expect(lines[0]).toContain('disable: "no-such-detector" is not a built-in detector id');
    expect(lines[0]).toContain(
      'detectors[0]: custom detector "custom-acme-key": pattern /(\\w+\\s?)+$/ can backtrack catastrophically',
    );
    expect(lines[0]).toContain(
      `detectors[1]: custom detector "email": id "email" is a built-in detector's id`,
    );
    expect(lines[0]).toContain('unknown validator "md5"');
    const notJson = await run([
      'scan',
      target,
      '--config',
      await config('not-json.json', `{"detectors": ["${ACME}"`),
    ]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/not-json\.json: not valid JSON/);
    expect(notJson.stderr).not.toContain(ACME);
  });

  it('lists the resolved catalogue with data-scanner detectors --config', async () => {
    const file = await config('list.json', { detectors: [SPEC], disable: ['email'] });
    const r = await run(['detectors', '--json', '--config', file]);
    expect(r.code, r.stderr).toBe(0);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((d) => d.id);
    expect(ids.at(-1)).toBe('custom-acme-key');
    expect(ids).not.toContain('email');
    expect(ids).toContain('aws-access-key-id');
  });
});
