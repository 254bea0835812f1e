import { describe, expect, it } from 'vitest';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();
const ACME = {
  id: 'custom-acme-key',
  name: 'Acme API key',
  severity: 'critical',
  pattern: '\\b(acme_[A-Za-z0-9]{16}[A-Za-z0-9]{8})\\b',
  valueGroup: 1,
  keywords: ['acme_'],
  entropy: 3.5,
};

interface Answer {
  items: { id: string; builtin: boolean; spec: unknown }[];
  error: { code: string; message: string; details: { path: string; message: string }[] };
  job_id: string;
}

async function call(path: string, init: { method?: string; json?: unknown; key?: string } = {}) {
  const res = await api().call(path, init);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Answer };
}

describe('/detectors', () => {
  it('adds a custom detector and lists it after the built-ins', async () => {
    const created = await call('/detectors', { method: 'POST', json: ACME });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'custom-acme-key',
      builtin: false,
      severity: 'critical',
      spec: ACME,
    });
    const { body } = await call('/detectors');
    expect(body.items.at(-1)).toMatchObject({ id: 'custom-acme-key', builtin: false });
    expect(body.items.filter((d) => d.builtin).length).toBeGreaterThan(40);
    expect(body.items.find((d) => d.id === 'aws-access-key-id')).toMatchObject({ builtin: true, spec: null });
  });

  it('refuses a pattern that can backtrack catastrophically, with the reason (422)', async () => {
    const { status, body } = await call('/detectors', {
      method: 'POST',
      json: { ...ACME, pattern: '(\\w+\\s?)+$' },
    });
    expect(status).toBe(422);
    expect(body.error.details).toEqual([
      {
        path: 'body',
        message: expect.stringContaining('pattern /(\\w+\\s?)+$/ can backtrack catastrophically'),
      },
    ]);
    const linear = await call('/detectors', { method: 'POST', json: { ...ACME, pattern: '(a)x\\1' } });
    expect(linear.body.error.details[0]?.message).toContain('cannot run in linear time');
    expect((await call('/detectors')).body.items.some((d) => !d.builtin)).toBe(false);
  });

  it('lists every problem of a spec, and refuses a built-in id and a duplicate', async () => {
    const { status, body } = await call('/detectors', {
      method: 'POST',
      json: { ...ACME, id: 'email', validator: 'md5', pattern: '([a-z' },
    });
    expect(status).toBe(422);
    expect(body.error.details.map((d) => d.message)).toEqual([
      `id "email" is a built-in detector's id`,
      expect.stringContaining('does not compile'),
      expect.stringContaining('unknown validator "md5"'),
    ]);
    const missing = await call('/detectors', { method: 'POST', json: { ...ACME, keywords: [] } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details[0]?.path).toBe('body.keywords');
    expect((await call('/detectors', { method: 'POST', json: ACME })).status).toBe(201);
    expect((await call('/detectors', { method: 'POST', json: ACME })).status).toBe(409);
  });

  it('keeps tenants apart: another tenant neither sees, deletes nor scans with it', async () => {
    await call('/detectors', { method: 'POST', json: ACME });
    const other = api().globex.key;
    expect((await call('/detectors', { key: other })).body.items.some((d) => !d.builtin)).toBe(false);
    expect((await call('/detectors/custom-acme-key', { method: 'DELETE', key: other })).status).toBe(404);
    const scan = { source: 's3://allowed-bucket/x/', detectors: ['custom-acme-key'] };
    const refused = await call('/scan', { method: 'POST', json: scan, key: other });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]?.message).toContain('Unknown detector ids: custom-acme-key');
    expect((await call('/detectors/custom-acme-key', { method: 'DELETE' })).status).toBe(204);
    expect((await call('/detectors/custom-acme-key', { method: 'DELETE' })).status).toBe(404);
  });

  it('accepts its id in POST /scan and copies the spec onto the job', async () => {
    await call('/detectors', { method: 'POST', json: ACME });
    const jobs = new PgJobStore(api().db.pool);
    const named = await call('/scan', {
      method: 'POST',
      json: { source: 's3://allowed-bucket/x/', detectors: ['custom-acme-key', 'email'] },
    });
    expect(named.status).toBe(202);
    expect(await jobs.getJob(named.body.job_id)).toMatchObject({
      detectors: ['custom-acme-key', 'email'],
      customDetectors: [ACME],
    });
    const all = await call('/scan', { method: 'POST', json: { source: 's3://allowed-bucket/x/' } });
    expect((await jobs.getJob(all.body.job_id))?.customDetectors).toEqual([ACME]);
    const builtinOnly = await call('/scan', {
      method: 'POST',
      json: { source: 's3://allowed-bucket/x/', detectors: ['email'] },
    });
    expect((await jobs.getJob(builtinOnly.body.job_id))?.customDetectors).toBeNull();
  });

  it('accepts its id in a schedule, for its tenant only', async () => {
    await call('/detectors', { method: 'POST', json: ACME });
    const schedule = {
      source: 's3://allowed-bucket/x/',
      cron: '0 2 * * *',
      timezone: 'UTC',
      detectors: ['custom-acme-key'],
    };
    expect((await call('/schedules', { method: 'POST', json: schedule })).status).toBe(201);
    expect((await call('/schedules', { method: 'POST', json: schedule, key: api().globex.key })).status).toBe(
      422,
    );
  });
});
