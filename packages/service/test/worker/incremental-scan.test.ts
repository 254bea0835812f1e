import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { engineIdentity } from '../../src/incremental/scan-coverage.ts';
import type { Job, NewJob } from '../../src/ports/job-store.ts';
import { PgCustomDetectorStore } from '../../src/store/custom-detector-store.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';
import { runJobToEnd } from '../support/run-job.ts';

const db = useTestDatabase();
const roots: string[] = [];
const CUSTOM = {
  id: 'custom-acme-key',
  severity: 'critical',
  pattern: '\\b(acme_[A-Za-z0-9]{16}[A-Za-z0-9]{8})\\b',
  valueGroup: 1,
  keywords: ['acme_'],
};

afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'incremental-'));
  roots.push(root);
  for (const folder of ['a', 'b']) {
    await mkdir(path.join(root, folder));
    for (let i = 0; i < 3; i++) {
      await writeFile(path.join(root, folder, `f${i}.txt`), `x\n${awsKeyLine(i)}`);
    }
  }
});

const runJob = (spec: Omit<NewJob, 'tenantId'>, engine = engineIdentity()): Promise<Job> =>
  runJobToEnd(db().pool, [root], spec, { engineIdentity: engine });

const scannedKeys = async (jobId: string) =>
  (await new PgJobStore(db().pool).listObjects(jobId)).map((o) => `${o.key}:${o.status}`);

const folder = (sub = '') => pathToFileURL(path.join(root, sub)).href;

describe('incremental scans', () => {
  it('skip objects unchanged since a complete scan, and scan changed and new ones', async () => {
    const full = await runJob({ source: folder() });
    expect(full).toMatchObject({
      status: 'succeeded',
      objectsTotal: 6,
      objectsUnchanged: 0,
      findingsCount: 6,
    });

    const again = await runJob({ source: folder(), incremental: true });
    expect(again).toMatchObject({
      status: 'succeeded',
      objectsTotal: 0,
      objectsUnchanged: 6,
      findingsCount: 0,
    });

    await appendFile(path.join(root, 'a', 'f1.txt'), 'more\n');
    await writeFile(path.join(root, 'b', 'new.txt'), awsKeyLine(9));
    const changed = await runJob({ source: folder(), incremental: true });
    expect(changed).toMatchObject({
      status: 'succeeded',
      objectsTotal: 2,
      objectsUnchanged: 5,
      findingsCount: 2,
    });
    expect(await scannedKeys(changed.id)).toEqual(['a/f1.txt:COMPLETE', 'b/new.txt:COMPLETE']);

    // A scan of a sub-folder shares the state: the files' identity does not depend on the prefix.
    const sub = await runJob({ source: folder('b'), incremental: true });
    expect(sub).toMatchObject({ objectsTotal: 0, objectsUnchanged: 4 });

    // Without `incremental`, everything is read again.
    const notIncremental = await runJob({ source: folder() });
    expect(notIncremental).toMatchObject({ objectsTotal: 7, objectsUnchanged: 0 });
  });

  it('rescan exactly the objects whose last complete scan did not cover the detectors or the engine', async () => {
    await runJob({ source: folder(), detectors: ['aws-access-key-id'] });
    // a/ gets the e-mail detector as well; b/ does not.
    await runJob({ source: folder('a'), detectors: ['aws-access-key-id', 'email'] });

    const both = await runJob({
      source: folder(),
      detectors: ['aws-access-key-id', 'email'],
      incremental: true,
    });
    expect(both).toMatchObject({ objectsTotal: 3, objectsUnchanged: 3 });
    expect(await scannedKeys(both.id)).toEqual([
      'b/f0.txt:COMPLETE',
      'b/f1.txt:COMPLETE',
      'b/f2.txt:COMPLETE',
    ]);

    // A smaller detector set is covered by what ran before.
    const fewer = await runJob({ source: folder(), detectors: ['email'], incremental: true });
    expect(fewer).toMatchObject({ objectsTotal: 0, objectsUnchanged: 6 });

    // Another engine version reads everything once, then skips it again.
    const upgraded = await runJob(
      { source: folder(), detectors: ['email'], incremental: true },
      engineIdentity({}, 'detect-next'),
    );
    expect(upgraded).toMatchObject({ objectsTotal: 6, objectsUnchanged: 0 });
    const settled = await runJob(
      { source: folder(), detectors: ['email'], incremental: true },
      engineIdentity({}, 'detect-next'),
    );
    expect(settled).toMatchObject({ objectsTotal: 0, objectsUnchanged: 6 });
  });

  it('rescan the objects scanned with a custom detector once its definition changes', async () => {
    const pool = db().pool;
    const tenant = await new PgTenantStore(pool).ensureTenant('local');
    const custom = new PgCustomDetectorStore(pool);
    await custom.create(tenant.id, CUSTOM.id, CUSTOM);
    const ids = ['aws-access-key-id', CUSTOM.id];
    await runJob({ source: folder('a'), detectors: ids });
    await runJob({ source: folder('b'), detectors: ['aws-access-key-id'] });
    expect(await runJob({ source: folder('a'), detectors: ids, incremental: true })).toMatchObject({
      objectsTotal: 0,
      objectsUnchanged: 3,
    });

    await custom.delete(tenant.id, CUSTOM.id);
    await custom.create(tenant.id, CUSTOM.id, { ...CUSTOM, severity: 'high' });
    // b/ never ran the custom detector and stays skipped for a job that does not name it.
    expect(
      await runJob({ source: folder(), detectors: ['aws-access-key-id'], incremental: true }),
    ).toMatchObject({ objectsTotal: 0, objectsUnchanged: 6 });
    const edited = await runJob({ source: folder(), detectors: ids, incremental: true });
    expect(edited).toMatchObject({ objectsTotal: 6, objectsUnchanged: 0 });
  });

  it('never remember an object that was not read to the end', async () => {
    await writeFile(
      path.join(root, 'a', 'broken.gz'),
      Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]),
    );
    const first = await runJob({ source: folder('a'), incremental: true });
    const broken = (await scannedKeys(first.id)).find((k) => k.startsWith('broken.gz'));
    expect(broken).not.toBe('broken.gz:COMPLETE');
    const second = await runJob({ source: folder('a'), incremental: true });
    expect(second).toMatchObject({ objectsTotal: 1, objectsUnchanged: 3 });
    expect(await scannedKeys(second.id)).toEqual([broken]);
  });
});
