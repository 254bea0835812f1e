import { describe, expect, it } from 'vitest';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();

async function errorOf(res: Response) {
  const body = (await res.json()) as {
    error: { code: string; message: string; details: { path?: string }[] };
  };
  return body.error;
}

describe('client mistakes get a 4xx with the uniform error body', () => {
  it('answers 404 for an unknown route, with a request id', async () => {
    const res = await api().call('/nope');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 405 with Allow for a known path and the wrong method', async () => {
    const res = await api().call('/jobs/0f8fad5b-d9cb-469f-a165-70867728950e', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await errorOf(res)).code).toBe('method_not_allowed');
  });

  it('keeps a well-formed incoming X-Request-Id and replaces a malformed one', async () => {
    const kept = await api().call('/health', { headers: { 'x-request-id': 'trace-abc_123' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-abc_123');
    const replaced = await api().call('/health', { headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 415 when the body is not declared as JSON', async () => {
    const res = await api().call('/scan', { method: 'POST', body: 'source=s3://allowed-bucket/' });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('unsupported_media_type');
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await api().call('/scan', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"source": ',
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('bad_request');
  });

  it('answers 422 naming every invalid field', async () => {
    const res = await api().call('/scan', {
      method: 'POST',
      json: { source: 42, detectors: ['Not An Id'], surprise: true },
    });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    const paths = error.details.map((d) => d.path);
    expect(paths).toContain('body.source');
    expect(paths).toContain('body.detectors.0');
    expect(paths.some((p) => p === 'body' || p?.startsWith('body'))).toBe(true);
    expect(error.details.length).toBeGreaterThanOrEqual(3);
  });

  it('answers 413 for a body over the limit, before reading it as JSON', async () => {
    const res = await api().call('/scan', {
      method: 'POST',
      json: { source: 's3://allowed-bucket/', name: 'x'.repeat(70 * 1024) },
    });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('payload_too_large');
  });

  it('answers 422 for a job id that is not a UUID, a bad limit and a forged cursor', async () => {
    expect((await api().call('/jobs/12345')).status).toBe(422);
    expect((await api().call('/jobs?limit=0')).status).toBe(422);
    expect((await api().call('/jobs?limit=100000')).status).toBe(422);
    expect((await api().call('/jobs?status=done')).status).toBe(422);
    const forged = await api().call('/jobs?cursor=not-a-cursor');
    expect(forged.status).toBe(422);
    expect((await errorOf(forged)).details[0]?.path).toBe('cursor');
    const bigSeq = Buffer.from(JSON.stringify({ k: 'results', v: '99999999999999999999' })).toString(
      'base64url',
    );
    const res = await api().call(`/results?job_id=0f8fad5b-d9cb-469f-a165-70867728950e&cursor=${bigSeq}`);
    expect(res.status).toBe(422);
  });

  it('never answers 5xx to odd requests', async () => {
    const odd: [string, RequestInit & { json?: unknown }][] = [
      ['/jobs?limit=1&limit=2', {}],
      ['/jobs?status[]=queued', {}],
      ['/results?job_id=0f8fad5b-d9cb-469f-a165-70867728950e&job_id=x', {}],
      ['/results?job_id=%00', {}],
      ['/jobs/%E0%A4%A', {}],
      [`/jobs?cursor=${'A'.repeat(600)}`, {}],
      ['/scan', { method: 'POST', json: null }],
      ['/scan', { method: 'POST', json: [] }],
      ['/scan', { method: 'POST', json: 'text' }],
      ['/scan', { method: 'POST', json: { source: `s3://allowed-bucket/${'k'.repeat(1100)}` } }],
      ['/scan', { method: 'POST', json: { source: 'file:///etc/passwd' } }],
      [
        '/scan',
        { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '\xff\xfe' },
      ],
      [
        '/scan',
        { method: 'POST', json: { source: 's3://allowed-bucket/' }, headers: { 'idempotency-key': '' } },
      ],
    ];
    for (const [path, init] of odd) {
      const res = await api().call(path, init);
      expect(res.status, path).toBeLessThan(500);
      const body = (await res.json()) as { error?: { code: string } };
      if (res.status >= 400) expect(body.error?.code, path).toBeTruthy();
    }
  });

  it('answers 422 when GET /results has no job_id', async () => {
    const res = await api().call('/results');
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details.map((d) => d.path)).toContain('query.job_id');
  });
});

describe('CORS', () => {
  const cors = useApiHarness({ config: { corsOrigins: ['https://dash.example.com'] } });

  it('answers a preflight from an allowed origin and stays silent for others', async () => {
    const preflight = await cors().call('/scan', {
      method: 'OPTIONS',
      key: null,
      headers: {
        origin: 'https://dash.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://dash.example.com');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const other = await cors().call('/jobs', { headers: { origin: 'https://evil.example.net' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
