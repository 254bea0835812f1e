import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { CLI } from '../support/cli.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';

/** Root reads everything: as root the worker runs as `nobody`, so modes 000 really keep it out. */
const AS_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

const db = useTestDatabase();
let tmp: string;
let tree: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'worker-unscannable-'));
  await chmod(tmp, 0o755);
  tree = path.join(tmp, 'tree');
  await mkdir(path.join(tree, 'locked'), { recursive: true });
  await writeFile(path.join(tree, 'ok.txt'), awsKeyLine(1));
  await writeFile(path.join(tree, 'locked/hidden.txt'), awsKeyLine(2));
  await writeFile(path.join(tree, 'unreadable.txt'), awsKeyLine(3));
  await writeFile(path.join(tmp, 'outside.txt'), awsKeyLine(4));
  execFileSync('mkfifo', [path.join(tree, 'pipe')]);
  await symlink(path.join(tmp, 'outside.txt'), path.join(tree, 'escape.txt'));
  await chmod(path.join(tree, 'locked'), 0o000);
  await chmod(path.join(tree, 'unreadable.txt'), 0o000);
});

afterAll(async () => {
  await chmod(path.join(tree, 'locked'), 0o755);
  await rm(tmp, { recursive: true, force: true });
});

describe('a job over a folder with entries the worker cannot or will not read', () => {
  it('gives each an object row (FIFO and escaping symlink SKIPPED, unreadable folder and file FAILED) and ends partial', async () => {
    const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
    const jobs = new PgJobStore(db().pool);
    const job = await jobs.createJob({ tenantId: tenant.id, source: pathToFileURL(tree).href });
    await new PgQueue(db().pool, { name: 'scan' }).send([JSON.stringify({ type: 'plan', job_id: job.id })]);
    const child = spawn(process.execPath, [CLI, 'serve', '--role', 'worker'], {
      ...AS_USER,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: db().url,
        DATA_SCANNER_LOCAL_ROOTS: tree,
        FINGERPRINT_KEY: 'test-key',
        QUEUE_WAIT_SECONDS: '1',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    let finished: Awaited<ReturnType<PgJobStore['getJob']>>;
    try {
      for (;;) {
        finished = await jobs.getJob(job.id);
        if (finished && ['succeeded', 'partial', 'failed'].includes(finished.status)) break;
        if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}`);
        await sleep(50);
      }
    } finally {
      child.kill('SIGKILL');
    }
    const { rows } = await db().pool.query(
      'SELECT key, status, reason FROM job_objects WHERE job_id = $1 ORDER BY key',
      [job.id],
    );
    expect(rows).toEqual([
      { key: 'escape.txt', status: 'SKIPPED', reason: 'OUTSIDE_ROOT' },
      { key: 'locked/', status: 'FAILED', reason: 'ACCESS_DENIED' },
      { key: 'ok.txt', status: 'COMPLETE', reason: null },
      { key: 'pipe', status: 'SKIPPED', reason: 'NOT_REGULAR_FILE' },
      { key: 'unreadable.txt', status: 'FAILED', reason: 'ACCESS_DENIED' },
    ]);
    expect(finished).toMatchObject({
      status: 'partial',
      objectsTotal: 5,
      objectsDone: 5,
      objectsComplete: 1,
      objectsSkipped: 2,
      objectsFailed: 2,
      findingsCount: 1,
    });
  }, 120_000);
});
