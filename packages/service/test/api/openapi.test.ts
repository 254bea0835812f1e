import { describe, expect, it } from 'vitest';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();

interface Spec {
  openapi: string;
  paths: Record<
    string,
    Record<string, { security?: unknown[]; parameters?: { name: string; in: string }[] }>
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

describe('GET /openapi.json', () => {
  it('describes every v1 operation in OpenAPI 3.1, from the same schemas that validate requests', async () => {
    const res = await api().call('/openapi.json', { key: null });
    expect(res.status).toBe(200);
    const spec = (await res.json()) as Spec;
    expect(spec.openapi).toBe('3.1.0');
    const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /health',
        'GET /healthz',
        'GET /jobs',
        'GET /jobs/{job_id}',
        'GET /jobs/{job_id}/objects',
        'GET /results',
        'GET /results/aggregates',
        'POST /jobs/{job_id}/cancel',
        'POST /scan',
        'POST /schedules',
        'GET /schedules',
        'GET /schedules/{schedule_id}',
        'PATCH /schedules/{schedule_id}',
        'DELETE /schedules/{schedule_id}',
        'GET /settings/notifications',
        'PUT /settings/notifications',
        'POST /settings/notifications/test',
        'GET /settings/notifications/failures',
        'GET /detectors',
        'POST /detectors',
        'DELETE /detectors/{detector_id}',
        'GET /findings',
        'GET /findings/export',
        'GET /findings/{id}',
        'PATCH /findings/{id}',
        'POST /findings/triage',
        'POST /baselines',
        'POST /watches',
        'GET /watches',
        'GET /watches/{watch_id}',
        'DELETE /watches/{watch_id}',
      ].sort(),
    );
    expect(spec.paths['/scan']?.post?.security).toEqual([{ bearerAuth: [] }]);
    expect(spec.paths['/health']?.get?.security).toBeUndefined();
    expect(spec.paths['/results']?.get?.parameters?.map((p) => p.name).sort()).toEqual(
      ['category', 'cursor', 'detector', 'job_id', 'limit', 'object', 'severity', 'sort'].sort(),
    );
    expect(spec.paths['/scan']?.post?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual([
      'header:idempotency-key',
    ]);
    expect(spec.components.schemas.ScanRequest?.required).toEqual(['source']);
    expect(Object.keys(spec.components.schemas.Finding?.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'job_id', 'object', 'detector', 'location', 'redacted', 'fingerprint']),
    );
  });
});

describe('GET /docs', () => {
  it('serves a self-contained page that loads the spec from the same origin', async () => {
    const res = await api().call('/docs', { key: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain("fetch('openapi.json')");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
