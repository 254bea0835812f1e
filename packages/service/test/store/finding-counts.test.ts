import type { Finding, FindingAggregate } from '@data-scanner/detect';
import { describe, expect, it } from 'vitest';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();

function finding(detector: string, severity: Finding['severity'], byteStart: number): Finding {
  return {
    detector,
    category: detector === 'email-address' ? 'personal' : 'credentials',
    severity,
    confidence: 0.9,
    location: { byte_start: byteStart, byte_end: byteStart + 20, line: 1, column: byteStart + 1 },
    redacted: 'AKIA************MPLE',
    fingerprint: String(byteStart).padStart(64, 'f'),
  };
}

const emails: FindingAggregate = {
  detector: 'email-address',
  category: 'personal',
  severity: 'medium',
  field: 'email',
  count: 1000,
  samples: [{ byte_start: 0, byte_end: 10, line: 1, column: 1 }],
  threshold: 100,
};

async function counts(jobId: string): Promise<unknown> {
  const { rows } = await db().pool.query('SELECT finding_counts FROM jobs WHERE id = $1', [jobId]);
  return rows[0].finding_counts;
}

describe('jobs.finding_counts (migration 045)', () => {
  it('counts each recorded object as it lands, aggregates by their match count, a redelivery not at all', async () => {
    const store = new PgJobStore(db().pool);
    const tenant = await new PgTenantStore(db().pool).createTenant('acme');
    const job = await store.createJob({ tenantId: tenant.id, source: 'file:///data' });
    await store.startListing(job.id);
    await store.addObjects(job.id, [
      { key: 'a.txt', size: 100, shard: 0 },
      { key: 'b.csv', size: 100, shard: 0 },
      { key: 'c.txt', size: 100, shard: 0 },
    ]);
    await store.finishListing(job.id, { shards: 1, objects: 3, bytes: 300 });
    expect(await counts(job.id)).toEqual({ by_severity: {}, by_category: {}, by_detector: {} });

    const first = {
      key: 'a.txt',
      status: 'COMPLETE' as const,
      findings: [finding('aws-access-key-id', 'critical', 0), finding('github-token', 'high', 40)],
    };
    await store.recordObject(job.id, first);
    // The job is still scanning: its summary is already there.
    expect(await counts(job.id)).toEqual({
      by_severity: { critical: 1, high: 1 },
      by_category: { credentials: 2 },
      by_detector: { 'aws-access-key-id': 1, 'github-token': 1 },
    });
    await store.recordObject(job.id, first);
    await store.recordObject(job.id, {
      key: 'b.csv',
      status: 'COMPLETE',
      findings: [finding('email-address', 'medium', 0)],
      aggregates: [emails],
    });
    expect(await counts(job.id)).toEqual({
      by_severity: { critical: 1, high: 1, medium: 1001 },
      by_category: { credentials: 2, personal: 1001 },
      by_detector: { 'aws-access-key-id': 1, 'github-token': 1, 'email-address': 1001 },
    });
  });

  it('keeps the jobs of one statement apart', async () => {
    const store = new PgJobStore(db().pool);
    const tenant = await new PgTenantStore(db().pool).createTenant('acme');
    const a = await store.createJob({ tenantId: tenant.id, source: 'file:///a' });
    const b = await store.createJob({ tenantId: tenant.id, source: 'file:///b' });
    await db().pool.query(
      `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
         byte_start, byte_end, line, col, redacted, fingerprint)
       SELECT CASE WHEN g <= 2 THEN $1::uuid ELSE $2::uuid END, $3, 'k' || g, 'x', 'jwt', 'credentials', 'high',
         0.9, 0, 1, 1, 1, 'x', 'f'
       FROM generate_series(1, 5) AS g`,
      [a.id, b.id, tenant.id],
    );
    expect(await counts(a.id)).toMatchObject({ by_detector: { jwt: 2 } });
    expect(await counts(b.id)).toMatchObject({ by_detector: { jwt: 3 } });
  });
});
