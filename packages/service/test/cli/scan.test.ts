import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../src/sources/index.ts';
import { CLI } from '../support/cli.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `n` distinct AWS access key ids of random-looking letters (mulberry32, deterministic). */
function accessKeyIds(n: number): string[] {
  let x = 1;
  const next = () => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return Array.from(
    { length: n },
    () => `AKIA${Array.from({ length: 16 }, () => BASE32[next() % 32]).join('')}`,
  );
}

const EMAIL = 'jane.roe@northwind-traders.com';
const PASSWORD = 'Xk9#mQ2$vL7pR4tZ';
const KEY = 'cli-test-key';

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
      { env: { ...process.env, DATA_SCANNER_FINGERPRINT_KEY: KEY, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 2) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-scan-'));
  await mkdir(path.join(dir, 'src/nested'), { recursive: true });
  await mkdir(path.join(dir, 'vendor'), { recursive: true });
  await mkdir(path.join(dir, 'clean'), { recursive: true });
  await writeFile(path.join(dir, 'src/app.env'), `password = "${PASSWORD}"\n`);
  await writeFile(path.join(dir, 'src/nested/people.csv'), `id,email\n1,${EMAIL}\n`);
  await writeFile(path.join(dir, 'src/nested/log.txt.gz'), gzipSync(`contact ${EMAIL}\n`));
  await writeFile(path.join(dir, 'vendor/lib.txt'), `vendored ${EMAIL}\n`);
  await writeFile(path.join(dir, 'clean/readme.md'), '# nothing to see\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('data-scanner scan (local)', () => {
  it('exits 1 with findings and every format is free of raw values', async () => {
    for (const format of ['table', 'json', 'jsonl', 'sarif', 'csv']) {
      const r = await run(['scan', dir, '--format', format]);
      expect(r.code, `${format}: ${r.stderr}`).toBe(1);
      if (format === 'table') expect(r.stderr).toBe('');
      else
        expect(r.stderr).toMatch(
          /^\d+ finding\(s\) in 5 object\(s\) .* Aggregate threshold: 100 per detector and field\.\n$/,
        );
      expect(r.stdout).not.toContain(EMAIL);
      expect(r.stdout).not.toContain(PASSWORD);
      expect(r.stdout).toMatch(/generic-secret/);
    }
  });

  it('lists every one of 1,500 credentials in a 20 MB file in JSON Lines, and folds the rest with exact counts', async () => {
    const big = path.join(path.dirname(dir), `${path.basename(dir)}-big`);
    await mkdir(big, { recursive: true });
    try {
      const keys = accessKeyIds(1500);
      const gap = 'GET /api/items 200 12ms lorem ipsum dolor sit amet\n'.repeat(250);
      const lines = keys.map((k, i) => `${gap}aws_access_key_id=${k} owner=user${i}@northwind-traders.com\n`);
      const text = lines.join('');
      await writeFile(path.join(big, 'huge.log'), text);
      const r = await run(['scan', big, '--format', 'jsonl', '--aggregate-threshold', '200']);
      expect(r.code, r.stderr).toBe(1);
      const rows = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const ids = rows.filter((f) => f.detector === 'aws-access-key-id');
      expect(ids).toHaveLength(1500);
      expect(rows.filter((f) => f.detector === 'email' && f.kind === undefined)).toHaveLength(200);
      expect(rows.filter((f) => f.kind === 'aggregate')).toEqual([
        expect.objectContaining({ detector: 'email', count: 1300, threshold: 200 }),
      ]);
      expect(ids.at(-1).location.line).toBe(1500 * 251);
      expect(r.stderr).toBe(
        `1700 finding(s), 3000 match(es) in all: 1300 counted in 1 aggregate(s) in 1 object(s) (1 complete, 0 partial, 0 skipped, 0 failed), ${Buffer.byteLength(text)} bytes read. Aggregate threshold: 200 per detector and field.\n`,
      );
    } finally {
      await rm(big, { recursive: true, force: true });
    }
  });

  it('reports every object with locations in JSON', async () => {
    const r = await run(['scan', dir, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    const keys = report.objects.map((o: { object: { key: string } }) => o.object.key).sort();
    expect(keys).toEqual([
      'clean/readme.md',
      'src/app.env',
      'src/nested/log.txt.gz',
      'src/nested/people.csv',
      'vendor/lib.txt',
    ]);
    const csv = report.objects.find(
      (o: { object: { key: string } }) => o.object.key === 'src/nested/people.csv',
    );
    expect(csv.findings[0].location).toMatchObject({ row: 1, column_name: 'email', line: 2 });
  });

  it('honours --exclude, --detectors and --output', async () => {
    const out = path.join(dir, '..', `report-${process.pid}.jsonl`);
    const r = await run([
      'scan',
      dir,
      '--format',
      'jsonl',
      '--exclude',
      'vendor/**',
      '--detectors',
      'email',
      '--output',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    await rm(out);
    expect(lines.map((f) => f.detector)).toEqual(['email', 'email']);
    expect(lines.map((f) => f.object.key).sort()).toEqual(['src/nested/log.txt.gz', 'src/nested/people.csv']);
  });

  it('exits 0 when nothing is found', async () => {
    const r = await run(['scan', path.join(dir, 'clean'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ objects: 1, findings: 0 });
  });

  it('exits 2 with a one-line reason on bad input', async () => {
    for (const args of [
      ['scan', path.join(dir, 'missing')],
      ['scan', dir, '--format', 'xml'],
      ['scan', dir, '--detectors', 'no-such-detector'],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('uses the fingerprint key from the environment', async () => {
    const a = JSON.parse((await run(['scan', path.join(dir, 'src/app.env'), '-f', 'json'])).stdout);
    const b = JSON.parse(
      (
        await run(['scan', path.join(dir, 'src/app.env'), '-f', 'json'], {
          DATA_SCANNER_FINGERPRINT_KEY: 'other',
        })
      ).stdout,
    );
    expect(a.objects[0].findings[0].fingerprint).not.toBe(b.objects[0].findings[0].fingerprint);
  });
});

describe('data-scanner scan --allowlist', () => {
  const allowlist = async (name: string, content: unknown): Promise<string> => {
    const file = path.join(dir, '..', `${path.basename(dir)}-${name}`);
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const findings = (stdout: string) =>
    JSON.parse(stdout).objects.flatMap((o: { object: { key: string }; findings: { detector: string }[] }) =>
      o.findings.map((f) => `${o.object.key} ${f.detector}`),
    );

  it('suppresses a finding by its fingerprint', async () => {
    const target = path.join(dir, 'src/app.env');
    const before = await run(['scan', target, '-f', 'json']);
    expect(before.code).toBe(1);
    const fingerprint = JSON.parse(before.stdout).objects[0].findings[0].fingerprint;
    const file = await allowlist('fingerprints.json', { fingerprints: [fingerprint] });
    const after = await run(['scan', target, '-f', 'json', '--allowlist', file]);
    expect(after.code, after.stderr).toBe(0);
    expect(findings(after.stdout)).toEqual([]);
  });

  it('skips objects whose path matches a glob, and only those', async () => {
    const file = await allowlist('paths.json', { paths: ['vendor/**', '**/*.gz'] });
    const r = await run(['scan', dir, '-f', 'json', '-d', 'email', '--allowlist', file]);
    expect(r.code, r.stderr).toBe(1);
    expect(findings(r.stdout)).toEqual(['src/nested/people.csv email']);
    const vendor = JSON.parse(r.stdout).objects.find(
      (o: { object: { key: string } }) => o.object.key === 'vendor/lib.txt',
    );
    expect(vendor).toMatchObject({ status: 'SKIPPED', reason: 'EXCLUDED', findings: [] });
  });

  it('suppresses values matching a pattern, also from DATA_SCANNER_ALLOWLIST', async () => {
    const file = await allowlist('patterns.json', { patterns: ['@northwind-traders\\.com$'] });
    const r = await run(['scan', dir, '-f', 'json', '--allowlist', file]);
    expect(r.code, r.stderr).toBe(1);
    expect(findings(r.stdout)).toEqual(['src/app.env generic-secret']);
    const fromEnv = await run(['scan', dir, '-f', 'json'], { DATA_SCANNER_ALLOWLIST: file });
    expect(findings(fromEnv.stdout)).toEqual(['src/app.env generic-secret']);
  });

  it('exits 2 with a one-line reason for a bad allowlist, quoting none of its content', async () => {
    const bad = [
      await allowlist('not-json.json', `{"patterns": ["${PASSWORD}"`),
      await allowlist('bad-regex.json', { patterns: ['(unclosed'] }),
      await allowlist('bad-shape.json', { fingerprints: 'abc', pattern: [] }),
      path.join(dir, 'no-such-allowlist.json'),
    ];
    const reasons: string[] = [];
    for (const file of bad) {
      const r = await run(['scan', dir, '--allowlist', file]);
      expect(r.code, file).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toContain(PASSWORD);
      reasons.push(r.stderr.trim().replace(dir, '<dir>').replace(path.dirname(dir), '<tmp>'));
    }
    expect(reasons[0]).toMatch(/allowlist .*not-json\.json is not valid JSON/);
    expect(reasons[1]).toMatch(/patterns #1 is not a valid regular expression/);
    expect(reasons[2]).toMatch(/unknown key "pattern"; fingerprints must be an array of non-empty strings/);
    expect(reasons[3]).toMatch(/no-such-allowlist\.json cannot be read \(ENOENT\)/);
  });
});

describe('data-scanner scan s3://', () => {
  let s3: LocalS3;

  beforeAll(async () => {
    s3 = await startLocalS3();
    await s3.createBucket('scan-cli');
    const client = createS3Client(s3.options);
    await client.send(
      new PutObjectCommand({ Bucket: 'scan-cli', Key: 'data/a.txt', Body: `mail ${EMAIL}\n` }),
    );
    await client.send(
      new PutObjectCommand({ Bucket: 'scan-cli', Key: 'other/b.txt', Body: `mail ${EMAIL}\n` }),
    );
  });

  afterAll(async () => {
    await s3?.close();
  });

  it('scans a bucket prefix through AWS_ENDPOINT_URL', async () => {
    const r = await run(['scan', 's3://scan-cli/data/', '--format', 'jsonl'], {
      AWS_ENDPOINT_URL: s3.options.endpoint!,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
    });
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].object).toEqual({ bucket: 'scan-cli', key: 'data/a.txt' });
    expect(r.stdout).not.toContain(EMAIL);
  });
});

describe('data-scanner detectors', () => {
  it('lists the catalogue', async () => {
    const r = await run(['detectors']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^aws-access-key-id\s+credentials\s+(critical|high)\s+AWS/m);
    expect(Number(/(\d+) detectors/.exec(r.stdout)?.[1])).toBeGreaterThanOrEqual(30);
    expect(r.stdout).toMatch(/^github-token\s.*CRC32 checksum.*`ghp_`/m);
  });

  it('prints the catalogue as a Markdown table with validators and example shapes', async () => {
    const r = await run(['detectors', '--markdown']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('| ID | Name | Category | Severity | Validator | Example shape |');
    expect(rows.find((l) => l.startsWith('| `npm-token` |'))).toMatch(
      /\| entropy; CRC32 checksum \(a failing one lowers the confidence to 0\.55\) \| `npm_` \+ 30/,
    );
    expect(rows.length - 2).toBe(Number(/(\d+) detectors/.exec((await run(['detectors'])).stdout)?.[1]));
  });

  it('exports patterns that ripgrep accepts', async () => {
    const r = await run(['detectors', '--export-patterns']);
    expect(r.code).toBe(0);
    const file = path.join(dir, 'patterns.txt');
    await writeFile(file, r.stdout);
    const sample = path.join(dir, 'rg-sample.txt');
    await writeFile(sample, `user ${EMAIL}\nnothing\n`);
    const rg = await new Promise<Run>((resolve) => {
      execFile('rg', ['-j1', '-c', '-f', file, sample], (err, stdout, stderr) =>
        resolve({ code: err ? Number(err.code ?? 2) : 0, stdout, stderr }),
      );
    });
    expect(rg.stderr).toBe('');
    expect(rg.stdout.trim()).toBe('1');
  });
});
