import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { bombFamily } from '@data-scanner/detect/test/bombs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { CLI } from '../support/cli.ts';
import { useTestDatabase } from '../support/database.ts';

/**
 * The README's bound on a worker process's peak RSS (the data-scanner profile's worker task has
 * 512 MiB), here with 2 scan threads and 4 objects in flight, run from the build as production runs it.
 */
const WORKER_BOUND_MIB = 400;

const db = useTestDatabase();
let root: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bombs-worker-'));
  for (const bomb of bombFamily()) await writeFile(path.join(root, bomb.name), bomb.bytes);
});

afterAll(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

/** Peak resident set of a live process (Linux `VmHWM`), in MiB. */
async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

describe('a worker process scanning the bomb family', () => {
  it(`peaks under ${WORKER_BOUND_MIB} MiB RSS`, { timeout: 180_000 }, async () => {
    child = spawn(process.execPath, [CLI, 'serve', '--role', 'worker'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: db().url,
        DATA_SCANNER_LOCAL_ROOTS: root,
        FINGERPRINT_KEY: 'memory-test-key',
        WORKER_SCAN_THREADS: '2',
        WORKER_CONCURRENCY: '4',
        QUEUE_WAIT_SECONDS: '1',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
    const store = new PgJobStore(db().pool);
    const job = await store.createJob({ tenantId: tenant.id, source: pathToFileURL(root).href });
    await new PgQueue(db().pool, { name: 'scan' }).send([JSON.stringify({ type: 'plan', job_id: job.id })]);
    for (;;) {
      const current = await store.getJob(job.id);
      if (current && ['succeeded', 'partial', 'failed'].includes(current.status)) break;
      expect(child.exitCode).toBeNull();
      await sleep(100);
    }
    const peak = await peakRssMiB(child.pid as number);
    const { rows } = await db().pool.query(
      `SELECT count(*)::int AS n FROM job_objects WHERE job_id = $1 AND status = 'PARTIAL'`,
      [job.id],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(4);
    expect(peak).toBeLessThan(WORKER_BOUND_MIB);
  });
});
