import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
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

const PLANTED = '524-71-9386';
/** Candidate SSNs tried with every key found in the dump: the planted one plus a bounded sample of the space. */
const SAMPLE = 2_000;

const db = useTestDatabase();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fingerprint-dump-'));
  await mkdir(path.join(root, 'data'));
  await mkdir(path.join(root, 'state'));
  await writeFile(path.join(root, 'data', 'people.txt'), `name: Jane Roe\nssn: ${PLANTED}\n`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const hmac = (key: string, value: string) => createHmac('sha256', key).update(value, 'utf8').digest('hex');

/** Every row of every table of the database, as PostgreSQL prints it. */
async function dumpDatabase(): Promise<string> {
  const { rows: tables } = await db().pool.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const lines: string[] = [];
  for (const table of tables) {
    const { rows } = await db().pool.query<{ row: string }>(
      `SELECT t::text AS row FROM "${table.schema}"."${table.name}" t`,
    );
    for (const r of rows) lines.push(`${table.schema}.${table.name} ${r.row}`);
  }
  return lines.join('\n');
}

/** Whole values and every key-like token in the dump: what an attacker holding it would try as the HMAC key. */
function candidateKeys(dump: string): Set<string> {
  const candidates = new Set<string>();
  for (const token of dump.split(/[\s,()"{}[\]\\]+/)) if (token.length >= 8) candidates.add(token);
  for (const token of dump.match(/[A-Za-z0-9+/=_-]{16,}/g) ?? []) candidates.add(token);
  return candidates;
}

async function scanThroughWorker(): Promise<string> {
  const tenant = await new PgTenantStore(db().pool).ensureTenant('local');
  const job = await new PgJobStore(db().pool).createJob({
    tenantId: tenant.id,
    source: pathToFileURL(path.join(root, 'data')).href,
  });
  await new PgQueue(db().pool, { name: 'scan' }).send([JSON.stringify({ type: 'plan', job_id: job.id })]);
  const child = spawn(process.execPath, [CLI, 'serve', '--role', 'worker'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: db().url,
      DATA_SCANNER_DATA_DIR: path.join(root, 'state'),
      DATA_SCANNER_LOCAL_ROOTS: root,
      QUEUE_WAIT_SECONDS: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const current = await new PgJobStore(db().pool).getJob(job.id);
      if (current && ['succeeded', 'partial', 'failed'].includes(current.status)) break;
      if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}`);
      await sleep(50);
    }
  } finally {
    child.kill('SIGKILL');
  }
  return job.id;
}

describe('fingerprint key and a database dump', () => {
  it('a dump holds no key: no key in it reproduces the planted SSN fingerprint, the key file does', async () => {
    const jobId = await scanThroughWorker();
    const { rows } = await db().pool.query<{ fingerprint: string }>(
      `SELECT fingerprint FROM findings WHERE job_id = $1 AND detector = 'us-ssn'`,
      [jobId],
    );
    expect(rows).toHaveLength(1);
    const stored = (rows[0] as { fingerprint: string }).fingerprint;

    const dump = await dumpDatabase();
    expect(dump).toContain(stored);
    expect(dump).not.toContain(PLANTED);

    const sample = [PLANTED, PLANTED.replaceAll('-', '')];
    for (let i = 0; i < SAMPLE; i++) {
      const n = String((i * 7_919_213 + 104_729) % 1_000_000_000).padStart(9, '0');
      sample.push(`${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`);
    }
    const candidates = candidateKeys(dump);
    expect(candidates.size).toBeGreaterThan(10);
    const reproduced: string[] = [];
    for (const key of candidates) {
      for (const ssn of sample) if (hmac(key, ssn) === stored) reproduced.push(`${key} -> ${ssn}`);
    }
    expect(reproduced).toEqual([]);

    const keyFile = path.join(root, 'state', 'fingerprint-key');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const realKey = (await readFile(keyFile, 'utf8')).trim();
    expect(hmac(realKey, PLANTED)).toBe(stored);
    expect(dump).not.toContain(realKey);
  }, 120_000);
});
