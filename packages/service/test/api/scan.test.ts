import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../src/views/schemas.ts';
import { useApiHarness } from './harness.ts';

let base = '';
let root = '';
beforeAll(async () => {
  base = await realpath(await mkdtemp(path.join(tmpdir(), 'scanner-api-roots-')));
  root = path.join(base, 'root');
  await mkdir(path.join(root, 'docs'), { recursive: true });
  await mkdir(path.join(base, 'outside'), { recursive: true });
  await writeFile(path.join(root, 'docs', 'a.txt'), 'hello');
  await writeFile(path.join(base, 'outside', 'secret.txt'), 'not yours');
  await symlink(path.join(base, 'outside'), path.join(root, 'escape'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

const api = useApiHarness({ config: () => ({ fileRoots: [root] }) });

async function queuedPlans(): Promise<string[]> {
  const { rows } = await api().db.pool.query<{ body: string }>(
    "SELECT body FROM queue_messages WHERE queue = 'scan' ORDER BY id",
  );
  return rows.map((r) => r.body);
}

async function scan(body: unknown, headers: Record<string, string> = {}) {
  const res = await api().call('/scan', { method: 'POST', json: body, headers });
  return {
    res,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } },
  };
}

describe('POST /scan', () => {
  it('creates a queued job, enqueues its plan and points at it', async () => {
    const { res, body } = await scan({
      source: 's3://allowed-bucket/exports/',
      name: 'nightly',
      exclude: ['*.png'],
    });
    expect(res.status).toBe(202);
    expect(body).toEqual({ job_id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'queued' });
    expect(res.headers.get('location')).toBe(`/jobs/${body.job_id}`);
    expect(await queuedPlans()).toEqual([JSON.stringify({ type: 'plan', job_id: body.job_id })]);
    const job = (await (await api().call(`/jobs/${body.job_id}`)).json()) as JobView;
    expect(job).toMatchObject({
      source: 's3://allowed-bucket/exports/',
      name: 'nightly',
      exclude: ['*.png'],
    });
    expect((await api().call(`/jobs/${body.job_id}`, { key: api().globex.key })).status).toBe(404);
  });

  it('refuses invalid bucket names with the rule broken', async () => {
    for (const source of [
      's3://UPPER',
      's3://ab',
      's3://a..b',
      's3://192.168.1.1/x',
      's3://xn--bucket',
      's3:///x',
    ]) {
      const { res, body } = await scan({ source });
      expect(res.status, source).toBe(422);
      expect(body.error?.code).toBe('source_not_allowed');
    }
    expect(await queuedPlans()).toEqual([]);
  });

  it('refuses a valid bucket that is not on the allowlist', async () => {
    const { res, body } = await scan({ source: 's3://someone-elses-bucket/' });
    expect(res.status).toBe(422);
    expect(body.error?.message).toContain('allowlist');
  });

  it('accepts a folder under a configured root and normalises the URI', async () => {
    const { res, body } = await scan({ source: pathToFileURL(path.join(root, 'docs')).href });
    expect(res.status).toBe(202);
    const job = (await (await api().call(`/jobs/${body.job_id}`)).json()) as JobView;
    expect(job.source).toBe(pathToFileURL(path.join(root, 'docs')).href);
  });

  it('refuses local paths outside the roots, through "..", through a symlink, missing, or not local', async () => {
    const cases = [
      pathToFileURL(path.join(base, 'outside')).href,
      `file://${root}/../outside`,
      `file://${root}/docs/%2e%2e/%2e%2e/outside`,
      pathToFileURL(path.join(root, 'escape')).href,
      pathToFileURL(path.join(root, 'missing')).href,
      'file://otherhost/etc/passwd',
      'http://example.com/',
      `file://${root}\u0000/x`,
    ];
    for (const source of cases) {
      const { res, body } = await scan({ source });
      expect(res.status, source).toBe(422);
      expect(body.error?.code, source).toBe('source_not_allowed');
    }
    expect(await queuedPlans()).toEqual([]);
  });

  it('returns the first job for a retry with the same Idempotency-Key, and 409 for a different body', async () => {
    const first = await scan({ source: 's3://allowed-bucket/a/' }, { 'idempotency-key': 'retry-1' });
    expect(first.res.status).toBe(202);
    const again = await scan({ source: 's3://allowed-bucket/a/' }, { 'idempotency-key': 'retry-1' });
    expect(again.res.status).toBe(200);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.job_id).toBe(first.body.job_id);
    const other = await scan({ source: 's3://allowed-bucket/b/' }, { 'idempotency-key': 'retry-1' });
    expect(other.res.status).toBe(409);
    expect(other.body.error?.code).toBe('conflict');
    expect(await queuedPlans()).toHaveLength(1);
    const { rows } = await api().db.pool.query('SELECT count(*)::int AS n FROM jobs');
    expect(rows[0].n).toBe(1);
  });

  it('creates one job for concurrent retries with one key, and keys are per tenant', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        scan({ source: 's3://allowed-bucket/c/' }, { 'idempotency-key': 'burst' }),
      ),
    );
    const accepted = results.filter((r) => r.res.status === 202 || r.res.status === 200);
    expect(results.filter((r) => r.res.status === 202)).toHaveLength(1);
    expect(new Set(accepted.map((r) => r.body.job_id)).size).toBe(1);
    for (const r of results) if (r.res.status === 409) expect(r.body.error?.message).toContain('in progress');
    const replay = await scan({ source: 's3://allowed-bucket/c/' }, { 'idempotency-key': 'burst' });
    expect(replay.body.job_id).toBe(results.find((r) => r.res.status === 202)?.body.job_id);
    const globex = await api().call('/scan', {
      method: 'POST',
      key: api().globex.key,
      json: { source: 's3://allowed-bucket/c/' },
      headers: { 'idempotency-key': 'burst' },
    });
    expect(globex.status).toBe(202);
    expect(await queuedPlans()).toHaveLength(2);
  });
});

describe('POST /jobs/{job_id}/cancel', () => {
  it('cancels a queued job once; cancelling again changes nothing; other tenants get 404', async () => {
    const { body } = await scan({ source: 's3://allowed-bucket/a/' });
    expect(
      (await api().call(`/jobs/${body.job_id}/cancel`, { method: 'POST', key: api().globex.key })).status,
    ).toBe(404);
    const res = await api().call(`/jobs/${body.job_id}/cancel`, { method: 'POST' });
    expect(res.status).toBe(202);
    const job = (await res.json()) as JobView;
    expect(job.status).toBe('cancelled');
    expect(job.finished_at).not.toBeNull();
    const again = (await (
      await api().call(`/jobs/${body.job_id}/cancel`, { method: 'POST' })
    ).json()) as JobView;
    expect(again.finished_at).toBe(job.finished_at);
  });
});
