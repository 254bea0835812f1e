import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.ts';
import { fakeAwsKeyId } from '../support/fake-secrets.ts';

const KEY = 'cli-baseline-test-key';
const PASSWORD = 'Xk9#mQ2$vL7pR4tZ';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with `env` over a clean environment (no fingerprint key unless given). */
function run(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.FINGERPRINT_KEY;
  delete base.DATA_SCANNER_FINGERPRINT_KEY;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        env: { ...base, DATA_SCANNER_FINGERPRINT_KEY: KEY, ...env } as NodeJS.ProcessEnv,
        maxBuffer: 16 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 2) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir: string;
let tree: string;
let baseline: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-baseline-'));
  tree = path.join(dir, 'repo');
  baseline = path.join(dir, 'baseline.json');
  await mkdir(path.join(tree, 'src'), { recursive: true });
  await writeFile(path.join(tree, 'src/app.env'), `password = "${PASSWORD}"\naws_key=${fakeAwsKeyId(1)}\n`);
  await writeFile(path.join(tree, 'src/old.txt'), `legacy ${fakeAwsKeyId(2)}\n`);
  await writeFile(path.join(tree, 'README.md'), '# nothing here\n');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Entry {
  detector: string;
  fingerprint: string;
  path?: string;
  line?: number;
}

async function entries(file = baseline): Promise<Entry[]> {
  return JSON.parse(await readFile(file, 'utf8')).entries;
}

/** `object detector preview` of every finding of a JSON report. */
function listed(stdout: string): string[] {
  return JSON.parse(stdout).objects.flatMap(
    (o: { object: { key: string }; findings: { detector: string; redacted: string }[] }) =>
      o.findings.map((f) => `${o.object.key} ${f.detector}`),
  );
}

describe('data-scanner baseline create', () => {
  it('writes detector, fingerprint, relative path and line of every finding, never a value', async () => {
    const r = await run(['baseline', 'create', tree, '--output', baseline]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/baseline .*baseline\.json: 3 place\(s\) of 3 value\(s\) in 3 object\(s\)/);
    const text = await readFile(baseline, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(fakeAwsKeyId(1));
    expect(text).not.toContain(fakeAwsKeyId(2));
    const file = JSON.parse(text);
    expect(file).toMatchObject({ version: 1, tool: 'data-scanner', fingerprintKeyId: /^[0-9a-f]{16}$/ });
    expect(file.entries.map((e: Entry) => `${e.path}:${e.line} ${e.detector}`).sort()).toEqual([
      'src/app.env:1 generic-secret',
      'src/app.env:2 aws-access-key-id',
      'src/old.txt:1 aws-access-key-id',
    ]);
    for (const e of file.entries) expect(e.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to replace an existing file without --force', async () => {
    await writeFile(baseline, 'keep me');
    const refused = await run(['baseline', 'create', tree, '-o', baseline]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`data-scanner: ${baseline} already exists; pass --force to replace it\n`);
    expect(await readFile(baseline, 'utf8')).toBe('keep me');
    const forced = await run(['baseline', 'create', tree, '-o', baseline, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await entries()).toHaveLength(3);
  });

  it('takes the same detector options as scan', async () => {
    const r = await run([
      'baseline',
      'create',
      tree,
      '-o',
      baseline,
      '-d',
      'aws-access-key-id',
      '-e',
      'src/old.txt',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect((await entries()).map((e) => `${e.path} ${e.detector}`)).toEqual([
      'src/app.env aws-access-key-id',
    ]);
  });

  it('is the same on two machines that share FINGERPRINT_KEY, and differs with their own key files', async () => {
    const machine = async (name: string, env: Record<string, string | undefined>) => {
      const home = path.join(dir, name);
      await mkdir(home, { recursive: true });
      const out = path.join(dir, `${name}.json`);
      const r = await run(['baseline', 'create', tree, '-o', out], {
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        DATA_SCANNER_FINGERPRINT_KEY: undefined,
        ...env,
      });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(await readFile(out, 'utf8'));
    };
    const a = await machine('a', { FINGERPRINT_KEY: 'shared-team-key' });
    const b = await machine('b', { FINGERPRINT_KEY: 'shared-team-key' });
    expect(b.entries).toEqual(a.entries);
    expect(b.fingerprintKeyId).toBe(a.fingerprintKeyId);
    // Without a shared key each machine makes its own key file, so nothing matches across them.
    const c = await machine('c', {});
    const d = await machine('d', {});
    expect(c.fingerprintKeyId).not.toBe(d.fingerprintKeyId);
    expect(c.entries.map((e: Entry) => e.fingerprint)).not.toEqual(
      d.entries.map((e: Entry) => e.fingerprint),
    );
  });
});

describe('data-scanner scan --baseline', () => {
  beforeEach(async () => {
    const r = await run(['baseline', 'create', tree, '-o', baseline]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('reports only values not in the baseline and says how many it suppressed, in every format', async () => {
    const quiet = await run(['scan', tree, '--baseline', baseline]);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout).toContain('No findings.');
    expect(quiet.stdout).toContain(`3 finding(s) suppressed by baseline ${baseline}.`);

    await writeFile(path.join(tree, 'src/new.env'), `aws_key=${fakeAwsKeyId(3)}\n`);
    const json = await run(['scan', tree, '-f', 'json', '--baseline', baseline]);
    expect(json.code, json.stderr).toBe(1);
    expect(listed(json.stdout)).toEqual(['src/new.env aws-access-key-id']);
    expect(JSON.parse(json.stdout).baseline).toEqual({ file: baseline, suppressed: 3 });
    expect(JSON.parse(json.stdout).summary.suppressed_by_baseline).toBe(3);
    expect(json.stderr).toContain('1 finding(s) in 4 object(s)');
    expect(json.stderr).toContain('3 finding(s) suppressed by baseline');

    const table = await run(['scan', tree, '--baseline', baseline]);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('src/new.env');
    expect(table.stdout).not.toContain('src/old.txt');
    expect(table.stdout).toContain(`3 finding(s) suppressed by baseline ${baseline}.`);

    const jsonl = await run(['scan', tree, '-f', 'jsonl', '--baseline', baseline]);
    const lines = jsonl.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind ?? l.object.key)).toEqual(['src/new.env', 'baseline']);
    expect(lines[1]).toEqual({ kind: 'baseline', file: baseline, suppressed: 3 });

    const sarif = JSON.parse((await run(['scan', tree, '-f', 'sarif', '--baseline', baseline])).stdout);
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].properties.baseline).toEqual({ file: baseline, suppressed: 3 });

    const csv = (await run(['scan', tree, '-f', 'csv', '--baseline', baseline])).stdout.trim().split('\r\n');
    const header = csv[0]!.split(',');
    const cell = (row: string, name: string) => row.split(',')[header.indexOf(name)];
    expect(csv).toHaveLength(3);
    expect(cell(csv[1]!, 'key')).toBe('src/new.env');
    expect(cell(csv[2]!, 'kind')).toBe('baseline');
    expect(cell(csv[2]!, 'count')).toBe('3');
    expect(cell(csv[2]!, 'key')).toBe(baseline);
  });

  it('suppresses a known value wherever it moves, and reports a new value on the same line', async () => {
    await writeFile(path.join(tree, 'src/moved.txt'), `\n\ncopied ${fakeAwsKeyId(2)}\n`);
    const moved = await run(['scan', tree, '-f', 'json', '--baseline', baseline]);
    expect(moved.code, moved.stderr).toBe(0);
    expect(JSON.parse(moved.stdout).baseline.suppressed).toBe(4);

    await writeFile(path.join(tree, 'src/old.txt'), `legacy ${fakeAwsKeyId(2)} ${fakeAwsKeyId(4)}\n`);
    const r = await run(['scan', tree, '-f', 'json', '--baseline', baseline]);
    expect(r.code, r.stderr).toBe(1);
    const found = JSON.parse(r.stdout).objects.flatMap(
      (o: { object: { key: string }; findings: { redacted: string; location: { line: number } }[] }) =>
        o.findings.map((f) => `${o.object.key}:${f.location.line} ${f.redacted}`),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^src\/old\.txt:1 AKIA/);
    expect(found[0]).not.toContain(fakeAwsKeyId(4));
  });

  it('refuses a baseline made under another key, with the reason', async () => {
    const r = await run(['scan', tree, '--baseline', baseline], {
      DATA_SCANNER_FINGERPRINT_KEY: 'another-key',
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^data-scanner: baseline .*baseline\.json was made with another fingerprint key \(key id [0-9a-f]{16}, this one is [0-9a-f]{16}\); make it again with this key/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 with a clear one-line message for a malformed or missing baseline, quoting none of it', async () => {
    const cases: [string, string | undefined, RegExp][] = [
      ['not-json.json', `{"entries": ["${PASSWORD}"`, /baseline .*not-json\.json is not valid JSON/],
      ['array.json', '[]', /baseline .*array\.json must be a JSON object/],
      [
        'bad-entry.json',
        JSON.stringify({
          version: 1,
          tool: 'data-scanner',
          fingerprintKeyId: '0123456789abcdef',
          createdAt: '2026-01-01T00:00:00Z',
          entries: [{ detector: 'aws-access-key-id', fingerprint: PASSWORD }],
        }),
        /baseline .*bad-entry\.json: entries #1: fingerprint must be 64 hex characters$/,
      ],
      ['missing.json', undefined, /baseline .*missing\.json cannot be read \(ENOENT\)/],
    ];
    for (const [name, content, message] of cases) {
      const file = path.join(dir, name);
      if (content !== undefined) await writeFile(file, content);
      const r = await run(['scan', tree, '--baseline', file]);
      expect(r.code, name).toBe(2);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(r.stderr.trim(), name).toMatch(message);
      expect(r.stderr).not.toContain(PASSWORD);
    }
    const alone = await run(['scan', tree, '--baseline-update']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe('data-scanner: --baseline-update needs --baseline <file>\n');
  });

  it('--baseline-update accepts what this scan found and drops values gone from files it read', async () => {
    await writeFile(path.join(tree, 'src/new.env'), `aws_key=${fakeAwsKeyId(3)}\n`);
    await writeFile(path.join(tree, 'src/old.txt'), 'legacy key removed\n');
    const update = await run(['scan', tree, '-f', 'json', '--baseline', baseline, '--baseline-update']);
    expect(update.code, update.stderr).toBe(1);
    expect(listed(update.stdout)).toEqual(['src/new.env aws-access-key-id']);
    expect(update.stderr).toContain('updated: 3 entr(ies), was 3');
    expect((await entries()).map((e) => `${e.path}:${e.line} ${e.detector}`).sort()).toEqual([
      'src/app.env:1 generic-secret',
      'src/app.env:2 aws-access-key-id',
      'src/new.env:1 aws-access-key-id',
    ]);

    const after = await run(['scan', tree, '-f', 'json', '--baseline', baseline]);
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout).baseline.suppressed).toBe(3);
    // The removed value is no longer accepted: it comes back as new.
    await writeFile(path.join(tree, 'src/old.txt'), `legacy ${fakeAwsKeyId(2)}\n`);
    const back = await run(['scan', tree, '-f', 'json', '--baseline', baseline]);
    expect(back.code).toBe(1);
    expect(listed(back.stdout)).toEqual(['src/old.txt aws-access-key-id']);
  });

  it('--baseline-update keeps the entries of files this scan left out', async () => {
    const r = await run([
      'scan',
      tree,
      '-f',
      'json',
      '--baseline',
      baseline,
      '--baseline-update',
      '--exclude',
      'src/old.txt',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect((await entries()).map((e) => e.path).sort()).toEqual([
      'src/app.env',
      'src/app.env',
      'src/old.txt',
    ]);
  });
});
