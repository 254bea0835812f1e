import { enqueuePlanOn } from '../jobs/submit-job.ts';
import { createScanQueue } from '../queue/create-queue.ts';
import { Scheduler } from '../schedules/scheduler.ts';
import { PgScheduleStore } from '../schedules/schedules-repository.ts';
import type { RoleContext, RunningRole } from './role.ts';

/** The scheduler role: fires due schedules as jobs, one leader at a time. */
export async function startScheduler({ config, logger, database }: RoleContext): Promise<RunningRole> {
  const log = logger.child({ role: 'scheduler' });
  const queue = createScanQueue(config, database.pool);
  const scheduler = new Scheduler(
    {
      pool: database.pool,
      schedules: new PgScheduleStore(database.pool),
      enqueue: enqueuePlanOn(queue),
      logger: log,
    },
    { tickSeconds: config.scheduler.tickSeconds },
  ).start();
  log.info({ tick_seconds: config.scheduler.tickSeconds }, 'scheduler started');
  return {
    stop: async () => {
      await scheduler.stop();
      await queue.close?.();
      log.info('scheduler stopped');
    },
  };
}
