import type pg from 'pg';
import type { EnqueuePlan } from '../jobs/submit-job.ts';
import type { Logger } from '../log.ts';
import { Loop } from '../loop.ts';
import type { PgScheduleStore } from './schedules-repository.ts';

/** Advisory lock key held by the scheduler leader (one per database). */
const LEADER_LOCK = 0x5c4ed01e;

export interface SchedulerOptions {
  /** Seconds between ticks. @default 15 */
  tickSeconds?: number;
}

/**
 * The scheduler role's loop: one leader at a time (a session advisory lock on its own connection;
 * a standby takes over when the leader's connection ends) fires due schedules as jobs. Leadership
 * is for efficiency only: the (schedule, fire time) key makes each tick fire once even without it.
 */
export class Scheduler {
  private leader: pg.PoolClient | undefined;
  private readonly loop: Loop<true>;
  private ticked = false;

  constructor(
    private readonly deps: {
      pool: pg.Pool;
      schedules: PgScheduleStore;
      enqueue: EnqueuePlan;
      logger: Logger;
      /** More work the leader does on every tick (watches: follow folders, close ended rolling jobs). @default none */
      tasks?: { name: string; run(): Promise<void> }[];
    },
    options: SchedulerOptions = {},
  ) {
    this.loop = new Loop<true>({
      name: 'scheduler',
      idleMs: (options.tickSeconds ?? 15) * 1000,
      // The first fetch runs at once; every later one after the idle pause.
      fetch: async () => {
        const due = !this.ticked;
        this.ticked = false;
        return due ? true : undefined;
      },
      handle: async () => {
        if (await this.lead()) {
          await this.tick();
          await this.runTasks();
        }
        this.ticked = true;
      },
      onError: (err) => this.deps.logger.error({ err }, 'scheduler tick failed'),
    });
  }

  start(): this {
    this.loop.start();
    return this;
  }

  /** True while this process holds the leader lock. */
  get isLeader(): boolean {
    return this.leader !== undefined;
  }

  /** Takes (or keeps) leadership; false when another process leads. */
  async lead(): Promise<boolean> {
    if (this.leader) return true;
    const client = await this.deps.pool.connect();
    try {
      const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS ok', [LEADER_LOCK]);
      if (!rows[0].ok) {
        client.release();
        return false;
      }
    } catch (err) {
      client.release(true);
      throw err;
    }
    client.on('error', () => this.dropLeadership(true));
    this.leader = client;
    this.deps.logger.info('scheduler is the leader');
    return true;
  }

  /** Fires due schedules and re-sends plans whose earlier send failed; returns how many ticks fired. */
  async tick(): Promise<number> {
    const fired = await this.deps.schedules.fireDue(this.deps.enqueue);
    for (const tick of fired) {
      const fields = { schedule_id: tick.scheduleId, fire_at: tick.fireAt, job_id: tick.job.id };
      if (tick.sendError)
        this.deps.logger.warn({ ...fields, err: tick.sendError }, 'schedule fired; plan not queued yet');
      else this.deps.logger.info(fields, 'schedule fired');
    }
    const { sent, waiting } = await this.deps.schedules.requeueUnsent(this.deps.enqueue);
    if (sent > 0) this.deps.logger.info({ count: sent }, 'queued the plans of earlier scheduled jobs');
    if (waiting > 0)
      this.deps.logger.warn({ count: waiting }, 'scheduled jobs still waiting for their plan message');
    return fired.length;
  }

  private async runTasks(): Promise<void> {
    for (const task of this.deps.tasks ?? []) {
      try {
        await task.run();
      } catch (err) {
        this.deps.logger.error({ err, task: task.name }, 'scheduler task failed');
      }
    }
  }

  private dropLeadership(broken: boolean): void {
    const client = this.leader;
    this.leader = undefined;
    client?.release(broken);
  }

  /** Ends the loop and gives up leadership (the lock goes with the connection). */
  async stop(): Promise<void> {
    await this.loop.stop();
    if (this.leader) {
      await this.leader.query('SELECT pg_advisory_unlock($1)', [LEADER_LOCK]).catch(() => undefined);
      this.dropLeadership(false);
    }
  }
}
