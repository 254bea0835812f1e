import { createHash } from 'node:crypto';
import type { Finding } from '@data-scanner/detect';
import { describe, expect, it } from 'vitest';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();

function finding(byteStart: number): Finding {
  return {
    detector: 'aws-access-key-id',
    category: 'credentials',
    severity: 'critical',
    confidence: 0.9,
    location: { byte_start: byteStart, byte_end: byteStart + 20, line: 1, column: byteStart + 1 },
    redacted: 'AKIA************MPLE',
    fingerprint: 'f'.repeat(64),
  };
}

async function plannedJob(keys: string[]) {
  const store = new PgJobStore(db().pool);
  const tenant = await new PgTenantStore(db().pool).createTenant('acme');
  const job = await store.createJob({ tenantId: tenant.id, source: 'file:///data' });
  expect(await store.startListing(job.id)).toBe(true);
  await store.addObjects(
    job.id,
    keys.map((key, i) => ({ key, size: 100, shard: i % 2 })),
  );
  return { store, tenant, job };
}

describe('PgJobStore', () => {
  it('records an object once: a redelivery writes no second finding and counts nothing twice', async () => {
    const { store, job } = await plannedJob(['a.txt', 'b.txt']);
    expect(await store.finishListing(job.id, { shards: 2, objects: 2, bytes: 200 })).toBe('scanning');
    const outcome = {
      key: 'a.txt',
      status: 'COMPLETE' as const,
      findings: [finding(0), finding(40)],
      result: { bytes_read: 100, bytes_scanned: 100 },
    };
    expect(await store.recordObject(job.id, outcome)).toEqual({ recorded: true, finished: undefined });
    expect(await store.recordObject(job.id, outcome)).toEqual({ recorded: false });
    const { rows } = await db().pool.query('SELECT count(*)::int AS n FROM findings WHERE job_id = $1', [
      job.id,
    ]);
    expect(rows[0].n).toBe(2);
    expect(await store.getJob(job.id)).toMatchObject({ objectsDone: 1, findingsCount: 2, bytesScanned: 100 });
  });

  it('never stores a raw value: only the masked preview and the fingerprint', async () => {
    const { store, job } = await plannedJob(['a.txt']);
    await store.recordObject(job.id, { key: 'a.txt', status: 'COMPLETE', findings: [finding(0)] });
    const { rows } = await db().pool.query('SELECT * FROM findings');
    expect(rows[0]).toMatchObject({
      redacted: 'AKIA************MPLE',
      object_key: 'a.txt',
      detector: 'aws-access-key-id',
    });
    expect(JSON.stringify(rows[0])).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('finishes the job exactly once, with one outbox event, when the last object is recorded', async () => {
    const { store, job } = await plannedJob(['a', 'b', 'c']);
    expect(await store.finishListing(job.id, { shards: 2, objects: 3, bytes: 300 })).toBe('scanning');
    const results = await Promise.all([
      store.recordObject(job.id, { key: 'a', status: 'COMPLETE', findings: [] }),
      store.recordObject(job.id, { key: 'b', status: 'SKIPPED', reason: 'UNSUPPORTED_BINARY', findings: [] }),
      store.recordObject(job.id, { key: 'c', status: 'FAILED', reason: 'READ_ERROR', findings: [] }),
      store.recordObject(job.id, { key: 'c', status: 'FAILED', reason: 'READ_ERROR', findings: [] }),
    ]);
    expect(results.filter((r) => r.finished).map((r) => r.finished)).toEqual(['partial']);
    const done = await store.getJob(job.id);
    expect(done).toMatchObject({ status: 'partial', objectsDone: 3, objectsSkipped: 1, objectsFailed: 1 });
    const outbox = await db().pool.query('SELECT kind, payload FROM outbox WHERE job_id = $1', [job.id]);
    expect(outbox.rows).toEqual([
      { kind: 'job.finished', payload: expect.objectContaining({ status: 'partial' }) },
    ]);
  });

  it('completes a job whose objects were all recorded before listing finished', async () => {
    const { store, job } = await plannedJob(['a']);
    await store.recordObject(job.id, { key: 'a', status: 'COMPLETE', findings: [] });
    expect((await store.getJob(job.id))?.status).toBe('listing');
    expect(await store.finishListing(job.id, { shards: 1, objects: 1, bytes: 100 })).toBe('succeeded');
  });

  it('finishes an empty job at once', async () => {
    const { store, job } = await plannedJob([]);
    expect(await store.finishListing(job.id, { shards: 0, objects: 0, bytes: 0 })).toBe('succeeded');
  });

  it('cancels only unfinished jobs of the right tenant and keeps them cancelled', async () => {
    const { store, job } = await plannedJob(['a', 'b']);
    const other = await new PgTenantStore(db().pool).createTenant('other');
    expect(await store.cancelJob(job.id, other.id)).toBe(false);
    expect(await store.cancelJob(job.id)).toBe(true);
    expect(await store.cancelJob(job.id)).toBe(false);
    expect(await store.finishListing(job.id, { shards: 1, objects: 2, bytes: 0 })).toBe('cancelled');
    expect(
      await store.recordObject(job.id, { key: 'a', status: 'COMPLETE', findings: [finding(0)] }),
    ).toEqual({
      recorded: false,
    });
    await store.recordObject(job.id, { key: 'b', status: 'COMPLETE', findings: [] });
    expect(await store.getJob(job.id)).toMatchObject({
      status: 'cancelled',
      objectsDone: 0,
      findingsCount: 0,
    });
    expect((await store.listObjects(job.id)).map((o) => o.status)).toEqual(['PENDING', 'PENDING']);
    const { rows } = await db().pool.query('SELECT count(*)::int AS n FROM findings WHERE job_id = $1', [
      job.id,
    ]);
    expect(rows[0].n).toBe(0);
    expect(await store.getJob(job.id, other.id)).toBeUndefined();
    expect(await store.getJob('not-a-uuid')).toBeUndefined();
  });

  it('stores API keys hashed and resolves them to their tenant', async () => {
    const tenants = new PgTenantStore(db().pool);
    const tenant = await tenants.createTenant('acme');
    const { key } = await tenants.createApiKey(tenant.id, 'ci');
    const { rows } = await db().pool.query('SELECT * FROM api_keys');
    expect(rows).toHaveLength(1);
    expect(rows[0].key_hash).toBe(createHash('sha256').update(key, 'utf8').digest('hex'));
    expect(key.startsWith(rows[0].prefix)).toBe(true);
    // Only the short public prefix is stored in the clear: no column holds the key or its secret part.
    const secret = key.slice(rows[0].prefix.length);
    const leaking = Object.entries(rows[0]).filter(([, value]) => String(value).includes(secret));
    expect(leaking.map(([column]) => column)).toEqual([]);
    expect(await tenants.tenantForKey(key)).toEqual(tenant);
    expect(await tenants.tenantForKey(`${key}x`)).toBeUndefined();
  });
});
