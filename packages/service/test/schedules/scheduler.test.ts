import { describe, expect, it } from 'vitest';
import { enqueuePlanOn } from '../../src/jobs/submit-job.ts';
import { ensureTenant } from '../../src/keys/key-store.ts';
import { createLogger } from '../../src/log.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { Scheduler } from '../../src/schedules/scheduler.ts';
import { PgScheduleStore } from '../../src/schedules/schedules-repository.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
const logger = createLogger({ level: 'silent' });

function tenant(name = 'acme'): Promise<string> {
  return ensureTenant(db().pool, name);
}

function scheduler(enqueue = enqueuePlanOn(new PgQueue(db().pool, { name: 'scan' }))): Scheduler {
  return new Scheduler({ pool: db().pool, schedules: new PgScheduleStore(db().pool), enqueue, logger });
}

async function backdate(scheduleId: string, interval: string): Promise<void> {
  await db().pool.query(
    `UPDATE schedules SET next_fire_at = date_trunc('minute', now() - $2::interval) WHERE id = $1`,
    [scheduleId, interval],
  );
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await db().pool.query(sql, params)).rows[0].n);

describe('Scheduler', () => {
  it('two schedulers over a backdated schedule create one job per tick', async () => {
    const store = new PgScheduleStore(db().pool);
    const schedule = await store.create(await tenant(), {
      source: 'file:///data/exports',
      cron: '*/5 * * * *',
      timezone: 'UTC',
      name: 'exports',
      detectors: ['aws-access-key-id'],
    });
    const [a, b] = [scheduler(), scheduler()];

    // Twelve ticks were missed (one hour of a five-minute schedule): one job, not twelve.
    await backdate(schedule.id, '1 hour');
    const fired = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(fired.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await count('SELECT count(*) AS n FROM jobs')).toBe(1);
    expect(await count('SELECT count(*) AS n FROM schedule_fires')).toBe(1);

    // The next tick, due later, fires once more.
    await backdate(schedule.id, '1 minute');
    await Promise.all([a.tick(), b.tick()]);
    expect(await count('SELECT count(*) AS n FROM jobs')).toBe(2);

    const { rows: jobs } = await db().pool.query('SELECT * FROM jobs ORDER BY created_at');
    expect(jobs.map((j) => [j.source, j.name, j.detectors, j.status])).toEqual([
      ['file:///data/exports', 'exports', ['aws-access-key-id'], 'queued'],
      ['file:///data/exports', 'exports', ['aws-access-key-id'], 'queued'],
    ]);
    const after = await store.get(schedule.tenantId, schedule.id);
    expect(after?.nextFireAt.getTime()).toBeGreaterThan(Date.now());
    expect(after?.lastJobId).toBe(jobs[1].id);

    // Each job's plan message is on the scan queue.
    const messages = await new PgQueue(db().pool, { name: 'scan' }).receive({ max: 10 });
    expect(messages.map((m) => JSON.parse(m.body).job_id).sort()).toEqual(jobs.map((j) => j.id).sort());
  });

  it('does nothing for a schedule that is not due', async () => {
    const store = new PgScheduleStore(db().pool);
    await store.create(await tenant(), { source: 'file:///data', cron: '0 0 1 1 *', timezone: 'UTC' });
    expect(await scheduler().tick()).toBe(0);
    expect(await count('SELECT count(*) AS n FROM jobs')).toBe(0);
  });

  it('keeps a fired job when its plan cannot be queued and sends the plan on a later tick', async () => {
    const store = new PgScheduleStore(db().pool);
    const schedule = await store.create(await tenant(), {
      source: 'file:///data',
      cron: '@hourly',
      timezone: 'UTC',
    });
    await backdate(schedule.id, '10 minutes');
    const failing = scheduler(async () => {
      throw new Error('queue unavailable');
    });
    expect(await failing.tick()).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM jobs WHERE status = 'queued'`)).toBe(1);
    expect(await count('SELECT count(*) AS n FROM schedule_fires WHERE enqueued_at IS NULL')).toBe(1);

    // Later, with the queue back: the fire is old enough to be sent again, and is sent once.
    await db().pool.query(`UPDATE schedule_fires SET created_at = now() - interval '5 minutes'`);
    const queue = new PgQueue(db().pool, { name: 'scan' });
    await scheduler(enqueuePlanOn(queue)).tick();
    await scheduler(enqueuePlanOn(queue)).tick();
    expect(await count('SELECT count(*) AS n FROM schedule_fires WHERE enqueued_at IS NULL')).toBe(0);
    expect(await queue.receive({ max: 10 })).toHaveLength(1);
    expect(await count('SELECT count(*) AS n FROM jobs')).toBe(1);
  });

  it('has one leader at a time; a standby takes over when the leader stops', async () => {
    const [a, b] = [scheduler(), scheduler()];
    expect(await a.lead()).toBe(true);
    expect(await b.lead()).toBe(false);
    expect(a.isLeader).toBe(true);
    expect(b.isLeader).toBe(false);
    await a.stop();
    expect(await b.lead()).toBe(true);
    await b.stop();
  });

  it('running loops fire a due schedule once', async () => {
    const store = new PgScheduleStore(db().pool);
    const schedule = await store.create(await tenant(), {
      source: 'file:///data',
      cron: '@daily',
      timezone: 'UTC',
    });
    await backdate(schedule.id, '3 days');
    const [a, b] = [scheduler().start(), scheduler().start()];
    while ((await count('SELECT count(*) AS n FROM schedule_fires')) === 0) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all([a.stop(), b.stop()]);
    expect(await count('SELECT count(*) AS n FROM jobs')).toBe(1);
    expect([a.isLeader, b.isLeader]).toEqual([false, false]);
  });
});
