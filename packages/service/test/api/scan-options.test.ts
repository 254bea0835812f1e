import { describe, expect, it } from 'vitest';
import { PgScheduleStore } from '../../src/schedules/schedules-repository.ts';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();
const source = 's3://allowed-bucket/exports/';

interface Answer {
  job_id: string;
  id: string;
  incremental: boolean;
  error: { details: { path: string }[] };
}

async function post(path: string, json: unknown) {
  const res = await api().call(path, { method: 'POST', json });
  return { res, body: (await res.json()) as Answer };
}

describe('POST /scan options', () => {
  it('stores incremental, budget and sample and shows them on the job with their counters', async () => {
    const budget = { max_bytes: 1_000_000, max_objects: 50, max_cost_usd: 2.5 };
    const sample = { fraction: 0.1, max_objects_per_prefix: 20, max_bytes_per_object: 4096 };
    const { res, body } = await post('/scan', { source, incremental: true, budget, sample });
    expect(res.status).toBe(202);
    const job = await (await api().call(`/jobs/${body.job_id}`)).json();
    expect(job).toMatchObject({
      incremental: true,
      budget,
      sample,
      progress: { objects_unchanged: 0, objects_sampled_out: 0 },
    });

    const plain = await post('/scan', { source });
    expect(await (await api().call(`/jobs/${plain.body.job_id}`)).json()).toMatchObject({
      incremental: false,
      budget: null,
      sample: null,
    });
  });

  it('answers 422 naming the field for an empty or bad budget or sample', async () => {
    for (const [json, path] of [
      [{ source, budget: {} }, 'budget'],
      [{ source, budget: { max_bytes: -1 } }, 'budget.max_bytes'],
      [{ source, budget: { max_euros: 1 } }, 'budget'],
      [{ source, sample: { fraction: 0 } }, 'sample.fraction'],
      [{ source, sample: { fraction: 1.5 } }, 'sample.fraction'],
      [{ source, sample: { max_objects_per_prefix: 2.5 } }, 'sample.max_objects_per_prefix'],
      [{ source, incremental: 'yes' }, 'incremental'],
    ] as const) {
      const { res, body } = await post('/scan', json);
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(body.error.details.map((d) => d.path)).toContain(`body.${path}`);
    }
  });

  it('takes an S3 Inventory manifest for an S3 source, and names what is wrong with a bad one', async () => {
    const inventory = 's3://allowed-bucket/inventory/allowed-bucket/daily/2026-12-07T01-00Z/manifest.json';
    const { res, body } = await post('/scan', { source, inventory });
    expect(res.status).toBe(202);
    const job = await api().call(`/jobs/${body.job_id}`);
    expect(job.status).toBe(200);
    for (const json of [
      { source: 'file:///tmp', inventory },
      { source, inventory: 's3://allowed-bucket/inventory/not-a-manifest.csv' },
    ]) {
      const bad = await post('/scan', json);
      expect(bad.res.status, JSON.stringify(json)).toBe(422);
      expect(bad.body.error.details.map((d) => d.path)).toContain('body.inventory');
    }
    const elsewhere = await post('/scan', { source, inventory: 's3://other-bucket/daily/manifest.json' });
    expect(elsewhere.res.status).toBe(422);
  });

  it('makes schedules incremental by default, and lets one opt out', async () => {
    const base = { source, cron: '0 2 * * *', timezone: 'UTC' };
    const on = await post('/schedules', base);
    const off = await post('/schedules', { ...base, incremental: false });
    expect([on.body.incremental, off.body.incremental]).toEqual([true, false]);
    expect((await post('/schedules', { ...base, budget: { max_objects: 1 } })).res.status).toBe(422);

    const pool = api().db.pool;
    await pool.query(`UPDATE schedules SET next_fire_at = now() - interval '1 minute'`);
    const fired = await new PgScheduleStore(pool).fireDue(async () => {});
    const bySchedule = Object.fromEntries(fired.map((t) => [t.scheduleId, t.job.incremental]));
    expect(bySchedule).toEqual({ [on.body.id]: true, [off.body.id]: false });
  });
});
