import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';
import { runJobToEnd } from '../support/run-job.ts';

const db = useTestDatabase();
const FILES = 10;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'budget-'));
  // Each file is 100 bytes and holds one finding.
  for (let i = 0; i < FILES; i++) {
    const line = awsKeyLine(i);
    await writeFile(path.join(root, `f${i}.txt`), `${line}${'x'.repeat(99 - line.length)}\n`);
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

const source = () => pathToFileURL(root).href;

async function statuses(jobId: string) {
  const { rows } = await db().pool.query(
    `SELECT status, reason, count(*)::int AS n FROM job_objects WHERE job_id = $1 GROUP BY 1, 2 ORDER BY 1`,
    [jobId],
  );
  return rows;
}

describe('a job with a budget', () => {
  it.each([
    ['max_objects', { max_objects: 4 }, {}],
    ['max_bytes', { max_bytes: 450 }, {}],
    ['max_cost_usd', { max_cost_usd: 0.04 }, { costModel: { usdPerObject: 0.0001, usdPerByte: 0.0000899 } }],
  ])('stops PARTIAL with reason BUDGET_EXCEEDED at %s, never past it', async (_, budget, deps) => {
    const job = await runJobToEnd(
      db().pool,
      [root],
      { source: source(), budget },
      { concurrency: 3, ...deps },
    );
    expect(job).toMatchObject({
      status: 'partial',
      statusReason: 'BUDGET_EXCEEDED',
      budgetExceeded: true,
      objectsTotal: FILES,
      objectsDone: FILES,
      objectsComplete: 4,
      objectsSkipped: FILES - 4,
      findingsCount: 4,
      bytesScanned: 400,
    });
    expect(await statuses(job.id)).toEqual([
      { status: 'COMPLETE', reason: null, n: 4 },
      { status: 'SKIPPED', reason: 'BUDGET_EXCEEDED', n: FILES - 4 },
    ]);
  });

  it('finishes and records the objects in flight when the budget is reached', async () => {
    const jobs = new PgJobStore(db().pool);
    const scanner = scannerFactory('test-fingerprint-key');
    let jobId = '';
    const job = await runJobToEnd(
      db().pool,
      [root],
      { source: source(), budget: { max_objects: 2 } },
      {
        concurrency: 3,
        limits: { maxObjects: 100, maxBytes: 1 << 20 },
        engineFor: (j) => {
          jobId = j.id;
          return {
            // Both objects the budget allows are still being read when the third lane is refused.
            scanObject: async (stream, object) => {
              while (!(await jobs.getJob(jobId))?.budgetExceeded) await sleep(10);
              return scanner(j).scanObject(stream, object);
            },
          };
        },
      },
    );
    expect(job).toMatchObject({
      status: 'partial',
      objectsComplete: 2,
      findingsCount: 2,
      objectsSkipped: FILES - 2,
    });
  });

  it('is not stopped while under its budget', async () => {
    const job = await runJobToEnd(db().pool, [root], { source: source(), budget: { max_objects: FILES } });
    expect(job).toMatchObject({
      status: 'succeeded',
      statusReason: null,
      budgetExceeded: false,
      objectsComplete: FILES,
    });
  });
});
