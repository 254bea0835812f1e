import type pg from 'pg';
import type { EnqueuePlan } from '../jobs/submit-job.ts';
import type { Job } from '../ports/job-store.ts';
import { toJob } from '../store/job-rows.ts';
import { insertJob } from '../store/jobs-repository.ts';
import { inTransaction } from '../store/transaction.ts';
import { isUuid } from '../uuid.ts';
import { nextFireAfter } from './cron-schedule.ts';

/** A recurring scan as stored. */
export interface Schedule {
  id: string;
  tenantId: string;
  name: string | null;
  source: string;
  cron: string;
  timezone: string;
  detectors: string[] | null;
  exclude: string[];
  /** Jobs it fires skip objects unchanged since their last complete scan. */
  incremental: boolean;
  /** Paused by its owner: it does not fire until resumed. */
  paused: boolean;
  /** An invalid Date (NaN time) while paused. */
  nextFireAt: Date;
  lastFiredAt: Date | null;
  lastJobId: string | null;
  createdAt: Date;
}

/** What a client asks for; `source` already checked against the deployment's policy. */
export interface NewSchedule {
  source: string;
  cron: string;
  timezone: string;
  name?: string;
  detectors?: string[];
  exclude?: string[];
  /** @default true */
  incremental?: boolean;
}

/** What an edit may change; a field left out keeps its value. `source` already checked. */
export interface SchedulePatch {
  name?: string | null;
  source?: string;
  cron?: string;
  timezone?: string;
  detectors?: string[] | null;
  exclude?: string[];
  incremental?: boolean;
  paused?: boolean;
}

/** Keyset position in a tenant's schedules (oldest first). */
export interface ScheduleKey {
  createdAt: string;
  id: string;
}

/** One tick that fired: the schedule, the tick's time and the job it made. */
export interface FiredTick {
  scheduleId: string;
  fireAt: Date;
  job: Job;
  /** Why the plan message could not be sent (it is sent again later); absent when it was. */
  sendError?: string;
}

function toSchedule(row: Record<string, unknown>): Schedule {
  // A paused schedule's next_fire_at is 'infinity', which pg reads as the number Infinity.
  const next = row.next_fire_at;
  return {
    id: row.id as string,
    tenantId: row.tenant_id as string,
    name: (row.name as string | null) ?? null,
    source: row.source as string,
    cron: row.cron as string,
    timezone: row.timezone as string,
    detectors: (row.detectors as string[] | null) ?? null,
    exclude: (row.exclude as string[]) ?? [],
    incremental: row.incremental !== false,
    paused: !(next instanceof Date),
    nextFireAt: next instanceof Date ? next : new Date(Number.NaN),
    lastFiredAt: (row.last_fired_at as Date | null) ?? null,
    lastJobId: (row.last_job_id as string | null) ?? null,
    createdAt: row.created_at as Date,
  };
}

/** Schedules and their fired ticks on PostgreSQL. */
export class PgScheduleStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(tenantId: string, spec: NewSchedule): Promise<Schedule> {
    const next = nextFireAfter(spec.cron, spec.timezone, new Date());
    if (!next) throw new Error('the cron expression never fires');
    const { rows } = await this.pool.query(
      `INSERT INTO schedules (tenant_id, name, source, cron, timezone, detectors, exclude, next_fire_at, incremental)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        tenantId,
        spec.name ?? null,
        spec.source,
        spec.cron.trim(),
        spec.timezone,
        spec.detectors ?? null,
        spec.exclude ?? [],
        next,
        spec.incremental ?? true,
      ],
    );
    return toSchedule(rows[0]);
  }

  async get(tenantId: string, id: string): Promise<Schedule | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.pool.query('SELECT * FROM schedules WHERE id = $1 AND tenant_id = $2', [
      id,
      tenantId,
    ]);
    return rows[0] ? toSchedule(rows[0]) : undefined;
  }

  /** A page of the tenant's schedules, oldest first, and the key to continue after it. */
  async list(
    tenantId: string,
    page: { limit: number; after?: ScheduleKey },
  ): Promise<{ items: Schedule[]; next: ScheduleKey | null }> {
    const { rows } = await this.pool.query(
      `SELECT *, created_at::text AS created_key FROM schedules
       WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
       ORDER BY created_at, id LIMIT $4`,
      [tenantId, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1],
    );
    const items = rows.slice(0, page.limit).map(toSchedule);
    // The key keeps PostgreSQL's microseconds: a millisecond Date would repeat rows made in one ms.
    const last = rows[page.limit - 1];
    const next =
      rows.length > page.limit && last
        ? { createdAt: last.created_key as string, id: last.id as string }
        : null;
    return { items, next };
  }

  /**
   * Changes a schedule; undefined when it is not the tenant's. Pausing parks `next_fire_at` at
   * 'infinity' (a valid five-field cron always fires again, so only a pause puts it there);
   * resuming, or a new cron or time zone, sets the first tick after now. Otherwise the next tick
   * is left alone, so an edit racing the scheduler never moves it back.
   */
  async update(tenantId: string, id: string, patch: SchedulePatch): Promise<Schedule | undefined> {
    const current = await this.get(tenantId, id);
    if (!current) return undefined;
    const cron = patch.cron?.trim() ?? current.cron;
    const timezone = patch.timezone ?? current.timezone;
    const paused = patch.paused ?? current.paused;
    const retimed = patch.cron !== undefined || patch.timezone !== undefined || current.paused !== paused;
    let nextFire: Date | 'infinity' | null = null;
    if (paused) nextFire = 'infinity';
    else if (retimed) nextFire = nextFireAfter(cron, timezone, new Date()) ?? 'infinity';
    const { rows } = await this.pool.query(
      `UPDATE schedules SET name = $3, source = $4, cron = $5, timezone = $6, detectors = $7, exclude = $8,
         incremental = $9, next_fire_at = coalesce($10::timestamptz, next_fire_at)
       WHERE id = $1 AND tenant_id = $2 RETURNING *`,
      [
        id,
        tenantId,
        patch.name === undefined ? current.name : patch.name,
        patch.source ?? current.source,
        cron,
        timezone,
        patch.detectors === undefined ? current.detectors : patch.detectors,
        patch.exclude ?? current.exclude,
        patch.incremental ?? current.incremental,
        nextFire,
      ],
    );
    return rows[0] ? toSchedule(rows[0]) : undefined;
  }

  /** Deletes a schedule; false when it is not the tenant's. Jobs it made are kept. */
  async delete(tenantId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const { rowCount } = await this.pool.query('DELETE FROM schedules WHERE id = $1 AND tenant_id = $2', [
      id,
      tenantId,
    ]);
    return rowCount === 1;
  }

  /**
   * Fires every due schedule once. In one transaction per batch: lock due rows (others skip them),
   * record the tick under the (schedule, fire time) primary key, create its job, and move
   * `next_fire_at` to the first tick after now, so ticks missed during downtime fire once. Plan
   * messages are sent after commit; a fire whose send failed is sent again by `requeueUnsent`.
   */
  async fireDue(enqueue: EnqueuePlan, limit = 50): Promise<FiredTick[]> {
    const fired: FiredTick[] = [];
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(
        `SELECT *, now() AS db_now FROM schedules WHERE next_fire_at <= now()
         ORDER BY next_fire_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      for (const row of rows) {
        const schedule = toSchedule(row);
        const now = row.db_now as Date;
        const next = nextFireAfter(schedule.cron, schedule.timezone, now);
        const claimed = await client.query(
          `INSERT INTO schedule_fires (schedule_id, fire_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
          [schedule.id, schedule.nextFireAt],
        );
        let jobId: string | null = schedule.lastJobId;
        if (claimed.rowCount === 1) {
          const job = await insertJob(client, {
            tenantId: schedule.tenantId,
            source: schedule.source,
            name: schedule.name ?? `schedule ${schedule.id.slice(0, 8)}`,
            ...(schedule.detectors ? { detectors: schedule.detectors } : {}),
            exclude: schedule.exclude,
            incremental: schedule.incremental,
          });
          await client.query(
            'UPDATE schedule_fires SET job_id = $3 WHERE schedule_id = $1 AND fire_at = $2',
            [schedule.id, schedule.nextFireAt, job.id],
          );
          fired.push({ scheduleId: schedule.id, fireAt: schedule.nextFireAt, job });
          jobId = job.id;
        }
        // A schedule that never fires again keeps its last tick; it stays listed but is never due.
        await client.query(
          `UPDATE schedules SET next_fire_at = coalesce($2, 'infinity'::timestamptz), last_fired_at = $3, last_job_id = $4
           WHERE id = $1`,
          [schedule.id, next, schedule.nextFireAt, jobId],
        );
      }
    });
    for (const tick of fired) {
      const error = await this.send(tick.scheduleId, tick.fireAt, tick.job, enqueue);
      if (error) tick.sendError = error;
    }
    return fired;
  }

  /**
   * Sends the plan of fires committed earlier whose send failed or was cut off (older than
   * `graceSeconds`). Returns how many were sent now and how many still wait for the queue.
   */
  async requeueUnsent(enqueue: EnqueuePlan, graceSeconds = 60): Promise<{ sent: number; waiting: number }> {
    const { rows } = await this.pool.query(
      `SELECT f.schedule_id, f.fire_at, j.* FROM schedule_fires f JOIN jobs j ON j.id = f.job_id
       WHERE f.enqueued_at IS NULL AND f.created_at < now() - make_interval(secs => $1) AND j.status = 'queued'
       ORDER BY f.created_at LIMIT 100`,
      [graceSeconds],
    );
    let waiting = 0;
    for (const row of rows) {
      if (await this.send(row.schedule_id, row.fire_at, toJob(row), enqueue)) waiting += 1;
    }
    return { sent: rows.length - waiting, waiting };
  }

  /** Sends one plan and marks its fire; returns the send error's message, undefined when sent. */
  private async send(
    scheduleId: string,
    fireAt: Date,
    job: Job,
    enqueue: EnqueuePlan,
  ): Promise<string | undefined> {
    try {
      await enqueue(job);
    } catch (err) {
      return (err as Error).message;
    }
    await this.pool.query(
      'UPDATE schedule_fires SET enqueued_at = now() WHERE schedule_id = $1 AND fire_at = $2',
      [scheduleId, fireAt],
    );
    return undefined;
  }
}
