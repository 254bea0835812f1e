import { describe, expect, it } from 'vitest';
import { PgScheduleStore } from '../../src/schedules/schedules-repository.ts';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();
const valid = {
  source: 's3://allowed-bucket/exports/',
  cron: '0 2 * * *',
  timezone: 'Europe/Paris',
  name: 'nightly',
};

async function create() {
  const res = await api().call('/schedules', { method: 'POST', json: valid });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; next_run_at: string; paused: boolean };
}

const patch = (id: string, json: unknown, key?: string) =>
  api().call(`/schedules/${id}`, { method: 'PATCH', json, ...(key ? { key } : {}) });

describe('PATCH /schedules/{id}', () => {
  it('edits the cron, time zone and name; the next run follows the new timing', async () => {
    const created = await create();
    expect(created.paused).toBe(false);
    const res = await patch(created.id, { cron: '30 6 * * 1', timezone: 'Asia/Tokyo', name: 'weekly' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ cron: '30 6 * * 1', timezone: 'Asia/Tokyo', name: 'weekly', paused: false });
    const next = new Date(body.next_run_at);
    // 06:30 on a Monday in Tokyo (UTC+9, no daylight saving) is 21:30 on Sunday in UTC.
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([0, 21, 30]);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(await (await api().call(`/schedules/${created.id}`)).json()).toEqual(body);
    const cleared = await (await patch(created.id, { name: null, detectors: ['aws-access-key-id'] })).json();
    expect(cleared).toMatchObject({ name: null, detectors: ['aws-access-key-id'], cron: '30 6 * * 1' });
  });

  it('pauses (no next run, never due) and resumes from the first tick after now', async () => {
    const created = await create();
    // Its tick is due now: without the pause it would fire.
    await api().db.pool.query(`UPDATE schedules SET next_fire_at = now() - interval '1 minute'`);
    const paused = await (await patch(created.id, { paused: true })).json();
    expect(paused).toMatchObject({ paused: true, next_run_at: null });
    const fired = await new PgScheduleStore(api().db.pool).fireDue(async () => {});
    expect(fired).toEqual([]);
    const edited = await (await patch(created.id, { cron: '0 4 * * *' })).json();
    expect(edited).toMatchObject({ paused: true, next_run_at: null, cron: '0 4 * * *' });
    const resumed = await (await patch(created.id, { paused: false })).json();
    expect(resumed.paused).toBe(false);
    expect(Date.parse(resumed.next_run_at)).toBeGreaterThan(Date.now());
    expect(new Date(resumed.next_run_at).getUTCMinutes()).toBe(0);
  });

  it('answers 400 naming the field for a bad cron or time zone, and changes nothing', async () => {
    const created = await create();
    const res = await patch(created.id, { timezone: 'Mars/Olympus' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_schedule');
    expect(body.error.details).toEqual([
      { path: 'body.timezone', message: expect.stringContaining('Mars/Olympus') },
    ]);
    expect((await (await api().call(`/schedules/${created.id}`)).json()).timezone).toBe('Europe/Paris');
  });

  it('refuses an empty or unknown change, a source the deployment does not allow, and unknown detectors', async () => {
    const created = await create();
    expect((await patch(created.id, {})).status).toBe(422);
    expect((await patch(created.id, { every: 'day' })).status).toBe(422);
    const source = await patch(created.id, { source: 's3://someone-elses-bucket/' });
    expect(source.status).toBe(422);
    expect((await source.json()).error.code).toBe('source_not_allowed');
    expect((await patch(created.id, { detectors: ['no-such-detector'] })).status).toBe(422);
  });

  it("keeps tenants apart: another tenant's schedule is 404 and unchanged", async () => {
    const created = await create();
    const res = await patch(created.id, { paused: true }, api().globex.key);
    expect(res.status).toBe(404);
    expect((await (await api().call(`/schedules/${created.id}`)).json()).paused).toBe(false);
    expect((await patch('00000000-0000-4000-8000-000000000000', { paused: true })).status).toBe(404);
  });
});
