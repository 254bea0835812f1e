import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { CLI } from '../support/cli.ts';
import { useTestDatabase } from '../support/database.ts';

const run = promisify(execFile);
const db = useTestDatabase('file');
let root: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: db().url,
        DATA_SCANNER_LOCAL_ROOTS: root,
        LOG_LEVEL: 'warn',
      },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cli-root-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('service commands', () => {
  it('migrate reports an up-to-date database', async () => {
    const r = await cli(['migrate']);
    expect(r).toMatchObject({ code: 0, stdout: 'database is up to date\n' });
  });

  it('jobs submit creates a queued job with a plan message, and jobs show prints it', async () => {
    const submitted = await cli(['jobs', 'submit', root, '--name', 'nightly', '--exclude', '*.tmp']);
    expect(submitted.code).toBe(0);
    const id = submitted.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [message] = await new PgQueue(db().pool, { name: 'scan' }).receive();
    expect(JSON.parse(message?.body ?? '{}')).toEqual({ type: 'plan', job_id: id });
    const shown = await cli(['jobs', 'show', id]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id,
      status: 'queued',
      name: 'nightly',
      exclude: ['*.tmp'],
      source: `file://${root}`,
    });
  });

  it('jobs submit refuses a folder outside the allowed roots with exit 2 and creates nothing', async () => {
    const r = await cli(['jobs', 'submit', 'file:///etc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside the allowed roots/);
    const { rows } = await db().pool.query(
      `SELECT count(*)::int AS n FROM jobs WHERE source = 'file:///etc'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('jobs submit refuses unknown detector ids with exit 2 naming them, and creates nothing', async () => {
    const r = await cli(['jobs', 'submit', root, '--detector', 'aws-access-key-id', '--detector', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("data-scanner: unknown detector(s): nope (see 'data-scanner detectors')\n");
    const { rows } = await db().pool.query(
      `SELECT count(*)::int AS n FROM jobs WHERE 'nope' = ANY(detectors)`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('jobs submit --inventory lists an S3 source from a manifest, and refuses it for a folder', async () => {
    const inventory = 's3://inventory-bucket/source/daily/2026-12-07T01-00Z/manifest.json';
    const submitted = await cli(['jobs', 'submit', 's3://source-bucket/exports/', '--inventory', inventory]);
    expect(submitted.code).toBe(0);
    const shown = await cli(['jobs', 'show', submitted.stdout.trim()]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ source: 's3://source-bucket/exports/', inventory });
    const local = await cli(['jobs', 'submit', root, '--inventory', inventory]);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/--inventory lists an S3 source/);
  });

  it('jobs show of an unknown job exits 2', async () => {
    const r = await cli(['jobs', 'show', '6f1c2a56-0000-4000-8000-000000000000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not found/);
  });

  it('serve refuses an unknown role with exit 2', async () => {
    const r = await cli(['serve', '--role', 'janitor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown role "janitor"/);
  });
});
