import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Job, NewJob } from '../../src/ports/job-store.ts';
import { PgExposureTriage } from '../../src/store/exposure-triage.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine, fakeAwsKeyId } from '../support/fake-secrets.ts';
import { runJobToEnd } from '../support/run-job.ts';

const db = useTestDatabase();
const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'exposures-'));
  roots.push(root);
});

const source = () => pathToFileURL(root).href;
const runJob = (
  spec: Partial<Omit<NewJob, 'tenantId'>> = {},
  limits = { maxObjects: 50, maxBytes: 1 << 20 },
) => runJobToEnd(db().pool, [root], { source: source(), ...spec }, { limits });

interface Row {
  id: string;
  kind: string;
  detector: string;
  fingerprint: string | null;
  state: string;
  occurrence_count: string;
  object_count: string;
  field: string | null;
}
const exposures = async (): Promise<Row[]> =>
  (await db().pool.query<Row>('SELECT * FROM exposures ORDER BY first_seen_at, id')).rows;
const byKey = async (i: number) => {
  const { rows } = await db().pool.query<Row>(
    `SELECT e.* FROM exposures e JOIN findings f ON f.exposure_id = e.id
     WHERE f.redacted LIKE $1 LIMIT 1`,
    [`${fakeAwsKeyId(i).slice(0, 4)}%${fakeAwsKeyId(i).slice(-4)}`],
  );
  return rows[0];
};
const history = async (id: string) =>
  (
    await db().pool.query(
      'SELECT actor, from_state, to_state, job_id FROM exposure_history WHERE exposure_id = $1 ORDER BY id',
      [id],
    )
  ).rows;
const counts = async (job: Job) =>
  (
    await db().pool.query(
      `SELECT exposures_new AS new, exposures_open AS open, exposures_resolved AS resolved,
         exposures_reopened AS reopened, exposures_suppressed AS suppressed, exposures_previous_job_id AS previous
       FROM jobs WHERE id = $1`,
      [job.id],
    )
  ).rows[0];

describe('exposures', () => {
  it('groups one key found in 500 files into one exposure with every occurrence linked', async () => {
    for (let i = 0; i < 500; i++) await writeFile(path.join(root, `f${i}.txt`), `x\n${awsKeyLine(7)}`);
    const job = await runJob();
    expect(job.findingsCount).toBe(500);
    const all = await exposures();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      kind: 'value',
      detector: 'aws-access-key-id',
      state: 'open',
      occurrence_count: '500',
      object_count: '500',
    });
    const { rows } = await db().pool.query('SELECT count(*)::int AS n FROM findings WHERE exposure_id = $1', [
      all[0]?.id,
    ]);
    expect(rows[0].n).toBe(500);
    expect(await counts(job)).toMatchObject({ new: '1', open: '1', resolved: '0', suppressed: '0' });
  });

  it('resolves what a later complete scan no longer finds, and reopens it when it comes back', async () => {
    await writeFile(path.join(root, 'a.txt'), awsKeyLine(0));
    await writeFile(path.join(root, 'b.txt'), awsKeyLine(1));
    const first = await runJob();
    expect(await counts(first)).toMatchObject({ new: '2', open: '2', resolved: '0', previous: null });

    await unlink(path.join(root, 'b.txt'));
    const second = await runJob();
    expect(await counts(second)).toMatchObject({
      new: '0',
      open: '1',
      resolved: '1',
      reopened: '0',
      previous: first.id,
    });
    const gone = await byKey(1);
    expect(gone?.state).toBe('resolved');
    expect((await byKey(0))?.state).toBe('open');

    await writeFile(path.join(root, 'b.txt'), awsKeyLine(1));
    const third = await runJob();
    expect(await counts(third)).toMatchObject({ new: '0', open: '2', resolved: '0', reopened: '1' });
    expect((await byKey(1))?.state).toBe('open');
    expect(await history(gone?.id as string)).toEqual([
      { actor: 'scanner', from_state: 'open', to_state: 'resolved', job_id: second.id },
      { actor: 'scanner', from_state: 'resolved', to_state: 'open', job_id: third.id },
    ]);
  });

  it('keeps a false positive suppressed in later scans, while a new value on the same line is new', async () => {
    await writeFile(path.join(root, 'a.txt'), `key: ${fakeAwsKeyId(0)}\n`);
    await runJob();
    const [only] = await exposures();
    await new PgExposureTriage(db().pool).setState(
      (await db().pool.query('SELECT tenant_id FROM exposures')).rows[0].tenant_id,
      [only?.id as string],
      'false_positive',
      { actor: 'alice', note: 'test fixture' },
    );

    const again = await runJob();
    expect(await counts(again)).toMatchObject({ new: '0', open: '0', suppressed: '1' });
    expect((await exposures())[0]?.state).toBe('false_positive');

    await writeFile(path.join(root, 'a.txt'), `key: ${fakeAwsKeyId(0)} ${fakeAwsKeyId(3)}\n`);
    const changed = await runJob();
    expect(await counts(changed)).toMatchObject({ new: '1', open: '1', suppressed: '1' });
    const states = (await exposures()).map((e) => e.state);
    expect(states).toEqual(['false_positive', 'open']);
  });

  it('resolves nothing in an incremental scan: unchanged objects keep their exposures open', async () => {
    await writeFile(path.join(root, 'a.txt'), awsKeyLine(0));
    await writeFile(path.join(root, 'b.txt'), awsKeyLine(1));
    await runJob();
    await unlink(path.join(root, 'b.txt'));
    await writeFile(path.join(root, 'c.txt'), awsKeyLine(2));
    const incremental = await runJob({ incremental: true });
    expect(incremental.objectsUnchanged).toBe(1);
    expect(await counts(incremental)).toMatchObject({ new: '1', resolved: '0' });
    expect((await exposures()).map((e) => e.state)).toEqual(['open', 'open', 'open']);

    const full = await runJob();
    expect(await counts(full)).toMatchObject({ resolved: '1', open: '2' });
  });

  it('makes bulk personal data one exposure per object, detector and column, with the exact count', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},user${i}@northwind-traders.com`);
    await writeFile(path.join(root, 'people.csv'), `id,email\n${rows.join('\n')}\n`);
    const job = await runJobToEnd(
      db().pool,
      [root],
      { source: source() },
      { engineFor: scannerFactory('test-fingerprint-key', undefined, { aggregateThreshold: 5 }) },
    );
    expect(job.findingsCount).toBe(40);
    const all = await exposures();
    expect(all.map((e) => [e.kind, e.detector, e.field, e.occurrence_count])).toEqual([
      ['bulk', 'email', 'email', '40'],
    ]);
    const { rows: linked } = await db().pool.query(
      `SELECT (SELECT count(*)::int FROM findings WHERE exposure_id = $1) AS findings,
         (SELECT sum(match_count)::int FROM finding_aggregates WHERE exposure_id = $1) AS aggregated`,
      [all[0]?.id],
    );
    expect(linked[0]).toEqual({ findings: 5, aggregated: 35 });
  });

  it('counts an object once when its message is delivered again', async () => {
    await writeFile(path.join(root, 'a.txt'), `${awsKeyLine(0)}${awsKeyLine(0)}`);
    const job = await runJob();
    const jobs = new PgJobStore(db().pool);
    const again = await jobs.recordObject(job.id, { key: 'a.txt', status: 'COMPLETE', findings: [] });
    expect(again.recorded).toBe(false);
    expect((await exposures())[0]).toMatchObject({ occurrence_count: '2', object_count: '1' });
  });
});
