import { describe, expect, it } from 'vitest';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();
const valid = {
  source: 's3://allowed-bucket/exports/',
  cron: '0 2 * * *',
  timezone: 'Europe/Paris',
  name: 'nightly',
};

interface Answer extends Record<string, unknown> {
  id: string;
  next_run_at: string;
  error: { code: string; details: { path: string; message: string }[] };
}

async function create(body: unknown, key?: string) {
  const res = await api().call('/schedules', { method: 'POST', json: body, ...(key ? { key } : {}) });
  return { res, body: (await res.json()) as Answer };
}

describe('/schedules', () => {
  it('creates a schedule with its next run in the future and lists it', async () => {
    const { res, body } = await create({ ...valid, detectors: ['aws-access-key-id'], exclude: ['**/*.png'] });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/schedules/${body.id}`);
    expect(body).toMatchObject({
      source: 's3://allowed-bucket/exports/',
      cron: '0 2 * * *',
      timezone: 'Europe/Paris',
      name: 'nightly',
      detectors: ['aws-access-key-id'],
      exclude: ['**/*.png'],
      last_run_at: null,
    });
    expect(Date.parse(body.next_run_at)).toBeGreaterThan(Date.now());
    const list = await (await api().call('/schedules')).json();
    expect(list).toEqual({ items: [body], next_cursor: null });
    expect(await (await api().call(`/schedules/${body.id}`)).json()).toEqual(body);
  });

  it('answers 400 naming the field for a bad cron or time zone', async () => {
    const cron = await create({ ...valid, cron: '99 * * * *' });
    expect(cron.res.status).toBe(400);
    expect(cron.body.error.code).toBe('invalid_schedule');
    expect(cron.body.error.details).toEqual([
      { path: 'body.cron', message: expect.stringContaining('minute') },
    ]);

    const zone = await create({ ...valid, timezone: 'Europe/Atlantis' });
    expect(zone.res.status).toBe(400);
    expect(zone.body.error.details).toEqual([
      { path: 'body.timezone', message: expect.stringContaining('Europe/Atlantis') },
    ]);
    expect(await (await api().call('/schedules')).json()).toEqual({ items: [], next_cursor: null });
  });

  it('refuses sources the deployment does not allow, and unknown fields', async () => {
    const bucket = await create({ ...valid, source: 's3://someone-elses-bucket/' });
    expect(bucket.res.status).toBe(422);
    expect(bucket.body.error.code).toBe('source_not_allowed');
    const extra = await create({ ...valid, every: 'day' });
    expect(extra.res.status).toBe(422);
    const missing = await create({ source: valid.source });
    expect(missing.res.status).toBe(422);
    expect(missing.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.cron',
      'body.timezone',
    ]);
  });

  it("keeps tenants apart: another tenant's schedule is 404 and never listed", async () => {
    const { body } = await create(valid);
    const other = api().globex.key;
    expect((await api().call(`/schedules/${body.id}`, { key: other })).status).toBe(404);
    expect((await api().call(`/schedules/${body.id}`, { method: 'DELETE', key: other })).status).toBe(404);
    expect(await (await api().call('/schedules', { key: other })).json()).toEqual({
      items: [],
      next_cursor: null,
    });
    expect((await api().call(`/schedules/${body.id}`)).status).toBe(200);
  });

  it('deletes a schedule (204), then it is gone (404)', async () => {
    const { body } = await create(valid);
    const res = await api().call(`/schedules/${body.id}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect((await api().call(`/schedules/${body.id}`)).status).toBe(404);
    expect((await api().call(`/schedules/${body.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('pages with a keyset cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create({ ...valid, name: `s${i}` })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; next_cursor: string | null } = await (
        await api().call(`/schedules?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((s) => s.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect((await api().call('/schedules?cursor=bm9wZQ')).status).toBe(422);
  });

  it('needs a key', async () => {
    expect((await api().call('/schedules', { key: null })).status).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await (await api().call('/openapi.json', { key: null })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/schedules', '/schedules/{schedule_id}', '/settings/notifications']),
    );
  });
});

describe('/settings/notifications', () => {
  it('answers defaults before anything is saved', async () => {
    const res = await api().call('/settings/notifications');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      when: 'findings',
      min_severity: 'high',
      webhook_url: null,
      webhook_slack: false,
      webhook_secret: null,
      email_to: null,
      sms_to: null,
      channels_available: ['webhook', 'email'],
      updated_at: null,
    });
  });

  it('saves what the dashboard sends back (extra keys and nulls included) and keeps the signing secret', async () => {
    const first = await (await api().call('/settings/notifications')).json();
    const put = await api().call('/settings/notifications', {
      method: 'PUT',
      json: {
        ...first,
        when: 'finished',
        webhook_url: 'https://hooks.example.com/scan',
        email_to: 'sec@example.com',
      },
    });
    expect(put.status).toBe(200);
    const saved = await put.json();
    expect(saved).toMatchObject({
      when: 'finished',
      webhook_url: 'https://hooks.example.com/scan',
      email_to: 'sec@example.com',
      sms_to: null,
    });
    expect(saved.webhook_secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    const again = await (
      await api().call('/settings/notifications', { method: 'PUT', json: { ...saved, email_to: null } })
    ).json();
    expect(again.webhook_secret).toBe(saved.webhook_secret);
    expect(again.email_to).toBeNull();
    // Another tenant sees only its own defaults.
    const other = await (await api().call('/settings/notifications', { key: api().globex.key })).json();
    expect(other.webhook_url).toBeNull();
  });

  it('names each bad field', async () => {
    const res = await api().call('/settings/notifications', {
      method: 'PUT',
      json: { when: 'sometimes', webhook_url: 'ftp://x', email_to: 'not-an-address', sms_to: '555-0100' },
    });
    expect(res.status).toBe(422);
    const paths = (await res.json()).error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['body.email_to', 'body.sms_to', 'body.webhook_url', 'body.when']);
  });
});
