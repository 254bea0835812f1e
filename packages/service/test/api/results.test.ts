import { describe, expect, it } from 'vitest';
import type { FindingView } from '../../src/views/schemas.ts';
import { insertFindings, insertJob } from './fixtures.ts';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();

interface Page {
  items: FindingView[];
  next_cursor: string | null;
}

async function collect(query: string): Promise<{ pages: number; items: FindingView[] }> {
  const items: FindingView[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const res = await api().call(`/results?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    items.push(...page.items);
    cursor = page.next_cursor;
    pages++;
  } while (cursor && pages < 100);
  return { pages, items };
}

describe('GET /results', () => {
  it('pages through every finding once, in a stable order', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId);
    await insertFindings(api().db.pool, { id: jobId, tenantId: api().acme.tenantId }, 250);
    const { pages, items } = await collect(`job_id=${jobId}&limit=100`);
    expect(pages).toBe(3);
    expect(items).toHaveLength(250);
    expect(new Set(items.map((f) => f.id)).size).toBe(250);
    expect(items.map((f) => f.location.line)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('returns findings in the contract shape', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId);
    await insertFindings(api().db.pool, { id: jobId, tenantId: api().acme.tenantId }, 1);
    const page = (await (await api().call(`/results?job_id=${jobId}`)).json()) as Page;
    expect(page.items[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      job_id: jobId,
      object: { key: 'obj-1.txt' },
      detector: 'email-address',
      category: 'credentials',
      severity: 'high',
      confidence: 0.9,
      location: { byte_start: 10, byte_end: 30, line: 1, column: 1 },
      redacted: 'AKIA************MPLE',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(page.next_cursor).toBeNull();
  });

  it('filters by detector and by object', async () => {
    const jobId = await insertJob(api().db.pool, api().acme.tenantId);
    await insertFindings(api().db.pool, { id: jobId, tenantId: api().acme.tenantId }, 30, 3);
    const aws = await collect(`job_id=${jobId}&detector=aws-access-key-id&limit=4`);
    expect(aws.items).toHaveLength(15);
    expect(aws.items.every((f) => f.detector === 'aws-access-key-id')).toBe(true);
    const one = await collect(`job_id=${jobId}&object=obj-0.txt&limit=3`);
    expect(one.items).toHaveLength(10);
    expect(one.items.every((f) => f.object.key === 'obj-0.txt')).toBe(true);
    const both = await collect(`job_id=${jobId}&object=obj-0.txt&detector=email-address`);
    expect(both.items).toHaveLength(5);
    expect((await collect(`job_id=${jobId}&severity=high&limit=7`)).items).toHaveLength(30);
    expect((await collect(`job_id=${jobId}&severity=low`)).items).toHaveLength(0);
  });

  it('answers 404 for a job that does not exist', async () => {
    expect((await api().call('/results?job_id=0f8fad5b-d9cb-469f-a165-70867728950e')).status).toBe(404);
  });

  it("never returns another tenant's findings, even with that tenant's cursor", async () => {
    const jobId = await insertJob(api().db.pool, api().globex.tenantId);
    await insertFindings(api().db.pool, { id: jobId, tenantId: api().globex.tenantId }, 5);
    const theirs = (await (
      await api().call(`/results?job_id=${jobId}&limit=2`, { key: api().globex.key })
    ).json()) as Page;
    expect(theirs.items).toHaveLength(2);
    const res = await api().call(`/results?job_id=${jobId}&cursor=${theirs.next_cursor}`);
    expect(res.status).toBe(404);
  });
});
