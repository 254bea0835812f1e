import { enqueuePlanOn } from '../jobs/submit-job.ts';
import { createScanQueue } from '../queue/create-queue.ts';
import { Scheduler } from '../schedules/scheduler.ts';
import { PgScheduleStore } from '../schedules/schedules-repository.ts';
import { FolderWatches } from '../watch/folder-watches.ts';
import { PgWatchStore } from '../watch/watches-repository.ts';
import type { RoleContext, RunningRole } from './role.ts';

/**
 * The scheduler role: fires due schedules as jobs, one leader at a time. The leader also follows
 * the `file://` watches (file-system notifications into the scan queue) and closes the rolling
 * jobs of watches whose hour is over.
 */
export async function startScheduler({ config, logger, database }: RoleContext): Promise<RunningRole> {
  const log = logger.child({ role: 'scheduler' });
  const queue = createScanQueue(config, database.pool);
  const watches = new PgWatchStore(database.pool);
  const folders = new FolderWatches({ watches, queue, logger: log });
  const scheduler = new Scheduler(
    {
      pool: database.pool,
      schedules: new PgScheduleStore(database.pool),
      enqueue: enqueuePlanOn(queue),
      logger: log,
      tasks: [
        { name: 'follow watched folders', run: () => folders.sync() },
        {
          name: 'close rolling jobs',
          run: async () => {
            const closed = await watches.closeEndedRollingJobs();
            if (closed.length > 0) log.info({ jobs: closed }, 'closed the rolling jobs of ended hours');
          },
        },
      ],
    },
    { tickSeconds: config.scheduler.tickSeconds },
  ).start();
  log.info({ tick_seconds: config.scheduler.tickSeconds }, 'scheduler started');
  return {
    stop: async () => {
      await scheduler.stop();
      await folders.close();
      await queue.close?.();
      log.info('scheduler stopped');
    },
  };
}
