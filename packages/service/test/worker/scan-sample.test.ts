import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectSampler, prefixOf } from '../../src/sampling/object-sampler.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';
import { runJobToEnd } from '../support/run-job.ts';

const db = useTestDatabase();
let root: string;
const names = (n: number) => Array.from({ length: n }, (_, i) => `f${String(i).padStart(2, '0')}.txt`);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sample-'));
  await mkdir(path.join(root, 'tree', 'a'), { recursive: true });
  await mkdir(path.join(root, 'tree', 'b'));
  for (const folder of ['', 'a', 'b']) {
    for (const name of names(20)) await writeFile(path.join(root, 'tree', folder, name), 'nothing here\n');
  }
  await mkdir(path.join(root, 'big'));
  // The early secret is inside the first 64 bytes, the late one past them.
  await writeFile(path.join(root, 'big', 'early.txt'), `${awsKeyLine(1)}${'.'.repeat(200)}\n`);
  await writeFile(path.join(root, 'big', 'late.txt'), `${'.'.repeat(200)}\n${awsKeyLine(2)}`);
  await writeFile(path.join(root, 'big', 'small.txt'), awsKeyLine(3));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const scanned = async (jobId: string) =>
  (await new PgJobStore(db().pool).listObjects(jobId)).map((o) => o.key);

describe('sampled scans', () => {
  it('scan the same fraction of each prefix on every run, and count what they leave out', async () => {
    const source = pathToFileURL(path.join(root, 'tree')).href;
    const first = await runJobToEnd(db().pool, [root], { source, sample: { fraction: 0.5 } });
    const second = await runJobToEnd(db().pool, [root], { source, sample: { fraction: 0.5 } });
    const keys = await scanned(first.id);
    expect(await scanned(second.id)).toEqual(keys);
    expect(first.objectsTotal).toBe(keys.length);
    expect(first.objectsTotal! + first.objectsSampledOut).toBe(60);
    for (const prefix of ['', 'a/', 'b/']) {
      const inPrefix = keys.filter((k) => prefixOf(k) === prefix).length;
      expect(inPrefix, prefix).toBeGreaterThan(4);
      expect(inPrefix, prefix).toBeLessThan(16);
    }
    expect(first).toMatchObject({ status: 'succeeded', sample: { fraction: 0.5 } });
  });

  it('scan at most N objects per prefix, the first in listing order', async () => {
    const source = pathToFileURL(path.join(root, 'tree')).href;
    const job = await runJobToEnd(db().pool, [root], { source, sample: { max_objects_per_prefix: 3 } });
    expect(await scanned(job.id)).toEqual([
      'a/f00.txt',
      'a/f01.txt',
      'a/f02.txt',
      'b/f00.txt',
      'b/f01.txt',
      'b/f02.txt',
      'f00.txt',
      'f01.txt',
      'f02.txt',
    ]);
    expect(job).toMatchObject({ objectsTotal: 9, objectsSampledOut: 51 });
  });

  it('read at most M bytes of each object and mark the cut ones PARTIAL SAMPLE_TRUNCATED', async () => {
    const source = pathToFileURL(path.join(root, 'big')).href;
    const job = await runJobToEnd(db().pool, [root], { source, sample: { max_bytes_per_object: 64 } });
    const objects = await new PgJobStore(db().pool).listObjects(job.id);
    expect(objects.map((o) => [o.key, o.status, o.reason, o.findingsCount])).toEqual([
      ['early.txt', 'PARTIAL', 'SAMPLE_TRUNCATED', 1],
      ['late.txt', 'PARTIAL', 'SAMPLE_TRUNCATED', 0],
      ['small.txt', 'COMPLETE', null, 1],
    ]);
    expect(job).toMatchObject({ status: 'partial', bytesScanned: 64 + 64 + awsKeyLine(3).length });
  });

  it('keep everything without a sample or at fraction 1', () => {
    for (const sample of [null, { fraction: 1 }]) {
      const sampler = new ObjectSampler(sample);
      expect(names(50).every((k) => sampler.keep(k))).toBe(true);
      expect(sampler.sampledOut).toBe(0);
    }
    expect([prefixOf('a/b/c.txt'), prefixOf('c.txt')]).toEqual(['a/b/', '']);
  });
});
