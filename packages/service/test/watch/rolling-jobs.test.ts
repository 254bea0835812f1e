import { beforeEach, describe, expect, it } from 'vitest';
import type { Watch } from '../../src/ports/watch-store.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { isUuid } from '../../src/uuid.ts';
import { rollingJobId } from '../../src/watch/rolling-jobs.ts';
import { PgWatchStore } from '../../src/watch/watches-repository.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
let watches: PgWatchStore;
let jobs: PgJobStore;
let watch: Watch;

beforeEach(async () => {
  watches = new PgWatchStore(db().pool);
  jobs = new PgJobStore(db().pool);
  const tenant = await new PgTenantStore(db().pool).ensureTenant('acme');
  watch = await watches.create(tenant.id, { source: 's3://allowed-bucket/uploads/' });
});

const object = (key: string, etag = 'e1') => ({
  key,
  size: 10,
  bucket: 'allowed-bucket',
  etag,
  identity: { locator: `s3://allowed-bucket/${key}`, version: `s3:etag=${etag};version=;size=10` },
});

describe('rolling jobs', () => {
  it('derives one UUID per watch and hour', () => {
    const hour = new Date('2026-12-07T16:00:00Z');
    const id = rollingJobId(watch.id, hour);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('8');
    expect(rollingJobId(watch.id, new Date('2026-12-07T16:00:00Z'))).toBe(id);
    expect(rollingJobId(watch.id, new Date('2026-12-07T17:00:00Z'))).not.toBe(id);
  });

  it('takes the same key once when two intakes race, with one shard to scan', async () => {
    const [a, b] = await Promise.all([
      watches.addToRollingJob(watch, [object('uploads/a.txt')]),
      watches.addToRollingJob(watch, [object('uploads/a.txt')]),
    ]);
    expect((a?.added ?? 0) + (b?.added ?? 0)).toBe(1);
    expect([...(a?.shards ?? []), ...(b?.shards ?? [])]).toHaveLength(1);
    const [ref] = await watches.rollingJobs(watch.id, 5);
    expect((await jobs.getJob(ref?.jobId as string))?.objectsTotal).toBe(1);
  });

  it('closes an ended hour with objects still waiting; the last one recorded finishes the job', async () => {
    const added = await watches.addToRollingJob(watch, [object('uploads/a.txt'), object('uploads/b.txt')]);
    const jobId = added.jobs[0]?.id as string;
    await db().pool.query(`UPDATE jobs SET watch_hour = watch_hour - interval '1 hour' WHERE id = $1`, [
      jobId,
    ]);
    expect(await watches.closeEndedRollingJobs()).toEqual([jobId]);
    expect(await jobs.getJob(jobId)).toMatchObject({ status: 'scanning', objectsTotal: 2, shardsTotal: 1 });
    // Closed: new arrivals go to the current hour's job, not to this one.
    const later = await watches.addToRollingJob(watch, [object('uploads/c.txt')]);
    expect(later.jobs.map((j) => j.id)).not.toContain(jobId);
    await jobs.recordObject(jobId, { key: 'uploads/a.txt', status: 'COMPLETE', findings: [] });
    expect((await jobs.getJob(jobId))?.status).toBe('scanning');
    await jobs.recordObject(jobId, { key: 'uploads/b.txt', status: 'COMPLETE', findings: [] });
    expect((await jobs.getJob(jobId))?.status).toBe('succeeded');
  });

  it('keeps the newest version of a key still waiting, and keeps rolling jobs when the watch is deleted', async () => {
    const first = await watches.addToRollingJob(watch, [object('uploads/a.txt', 'e1')]);
    const second = await watches.addToRollingJob(watch, [object('uploads/a.txt', 'e2')]);
    expect(second).toMatchObject({ added: 0, shards: [] });
    const jobId = first.jobs[0]?.id as string;
    expect((await jobs.listObjects(jobId)).map((o) => o.etag)).toEqual(['e2']);
    expect(await watches.delete(watch.tenantId, watch.id)).toBe(true);
    expect((await jobs.getJob(jobId))?.status).toBe('listing');
  });
});
