import { describe, expect, it } from 'vitest';
import type { JobSummary, JobView } from '../../src/views/schemas.ts';
import { insertFindings, insertJob, insertObjects } from './fixtures.ts';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();

interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

async function pages<T>(first: string): Promise<T[][]> {
  const out: T[][] = [];
  let url: string | null = first;
  while (url) {
    const res = await api().call(url);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page<T>;
    out.push(page.items);
    url = page.next_cursor ? `${first}${first.includes('?') ? '&' : '?'}cursor=${page.next_cursor}` : null;
    expect(out.length).toBeLessThan(50);
  }
  return out;
}

describe('GET /jobs/{job_id}', () => {
  it('returns the job with its progress', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status: 'scanning' });
    await api().db.pool.query(
      'UPDATE jobs SET objects_total = 10, objects_done = 4, bytes_scanned = 4096, findings_count = 7 WHERE id = $1',
      [jobId],
    );
    const res = await api().call(`/jobs/${jobId}`);
    expect(res.status).toBe(200);
    const job = (await res.json()) as JobView;
    expect(job).toMatchObject({
      job_id: jobId,
      status: 'scanning',
      source: 's3://allowed-bucket/data/',
      progress: { objects_total: 10, objects_done: 4, bytes_total: null, bytes_scanned: 4096, findings: 7 },
      summary: { by_severity: {}, by_category: {}, by_detector: {} },
      finished_at: null,
    });
  });

  it('counts the findings by severity, category and detector', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status: 'succeeded' });
    await insertFindings(api().db.pool, { id: jobId, tenantId: api().acme.tenantId }, 5);
    const job = (await (await api().call(`/jobs/${jobId}`)).json()) as { summary: unknown };
    expect(job.summary).toEqual({
      by_severity: { high: 5 },
      by_category: { credentials: 5 },
      by_detector: { 'aws-access-key-id': 2, 'email-address': 3 },
    });
  });

  it('serves a running job its counts too, most frequent first and ties by name', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status: 'scanning' });
    await insertFindings(api().db.pool, { id: jobId, tenantId: api().acme.tenantId }, 4);
    const first = (await (await api().call(`/jobs/${jobId}`)).json()) as { summary: JobSummary };
    expect(Object.entries(first.summary.by_detector)).toEqual([
      ['aws-access-key-id', 2],
      ['email-address', 2],
    ]);
    await api().db.pool.query(
      `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
         byte_start, byte_end, line, col, redacted, fingerprint)
       VALUES ($1, $2, 'later', 'x.txt', 'email-address', 'personal', 'low', 0.5, 0, 1, 1, 1, 'x', 'f')`,
      [jobId, api().acme.tenantId],
    );
    const next = (await (await api().call(`/jobs/${jobId}`)).json()) as { summary: JobSummary };
    expect(Object.entries(next.summary.by_detector)).toEqual([
      ['email-address', 3],
      ['aws-access-key-id', 2],
    ]);
    expect(next.summary.by_severity).toEqual({ high: 4, low: 1 });
  });

  it('answers 404 for a job that does not exist', async () => {
    const res = await api().call('/jobs/0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(res.status).toBe(404);
  });

  it('answers 422 naming the header for an If-None-Match over 1024 characters', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId, { status: 'succeeded' });
    const res = await api().call(`/jobs/${jobId}`, { headers: { 'if-none-match': `"${'a'.repeat(1030)}"` } });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { details: { path: string }[] } };
    expect(error.details.map((d) => d.path)).toEqual(['header.if-none-match']);
    expect((await api().call(`/jobs/${jobId}`, { headers: { 'if-none-match': '"x"' } })).status).toBe(200);
  });
});

describe('GET /jobs', () => {
  it('pages through every job newest first with no repeats, including jobs created in the same instant', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(await insertJob(api().db.pool, api().acme.tenantId, { minutesAgo: 10 - i }));
    await api().db.pool.query(
      "UPDATE jobs SET created_at = '2026-01-01T00:00:00.123456Z' WHERE id = ANY($1)",
      [ids.slice(2, 5)],
    );
    const all = (await pages<JobView>('/jobs?limit=2')).flat().map((j) => j.job_id);
    expect(all).toHaveLength(7);
    expect(new Set(all).size).toBe(7);
    expect(all.slice(0, 2)).toEqual([ids[6], ids[5]]);
  });

  it('filters by status', async () => {
    await insertJob(api().db.pool, api().acme.tenantId, { status: 'succeeded' });
    const failed = await insertJob(api().db.pool, api().acme.tenantId, { status: 'failed' });
    const page = (await (await api().call('/jobs?status=failed')).json()) as Page<JobView>;
    expect(page.items.map((j) => j.job_id)).toEqual([failed]);
    expect(page.next_cursor).toBeNull();
  });
});

describe('GET /jobs/{job_id}/objects', () => {
  it('lists objects in key order with status and reason, filtered and paged', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId);
    await insertObjects(api().db.pool, jobId, ['COMPLETE', 'SKIPPED', 'COMPLETE', 'PARTIAL', 'COMPLETE']);
    const all = (await pages<{ key: string; status: string }>(`/jobs/${jobId}/objects?limit=2`)).flat();
    expect(all.map((o) => o.key)).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']);
    const skipped = (await (await api().call(`/jobs/${jobId}/objects?status=SKIPPED`)).json()) as Page<{
      key: string;
      reason: string;
    }>;
    expect(skipped.items).toMatchObject([{ key: 'b.txt', status: 'SKIPPED', reason: 'UNSUPPORTED_BINARY' }]);
  });
});
