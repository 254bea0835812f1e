import { describe, expect, it } from 'vitest';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();

describe('GET /findings (smoke)', () => {
  it('lists an exposure and shows it', async () => {
    const { rows } = await api().db.pool.query<{ id: string }>(
      `INSERT INTO exposures (tenant_id, kind, detector, category, severity, severity_rank, fingerprint, redacted)
       VALUES ($1, 'value', 'aws-access-key-id', 'credentials', 'critical', 5, repeat('a', 64), 'AKIA****') RETURNING id`,
      [api().acme.tenantId],
    );
    const res = await api().call('/findings');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([rows[0]?.id]);
    const detail = await api().call(`/findings/${rows[0]?.id}`);
    expect(detail.status).toBe(200);
    const d = await detail.json();
    expect(d.remediation).toMatch(/IAM/);
    expect((await api().call(`/findings/${rows[0]?.id}`, { key: api().globex.key })).status).toBe(404);
  });
});
