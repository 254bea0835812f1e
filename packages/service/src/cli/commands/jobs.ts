import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { unknownDetectorIds } from '../../detector-ids.ts';
import { enqueuePlanOn, submitJob } from '../../jobs/submit-job.ts';
import { createCommandLogger } from '../../log.ts';
import { createScanQueue } from '../../queue/create-queue.ts';
import { createSource } from '../../sources/create-source.ts';
import { parseInventoryUri } from '../../sources/s3-inventory.ts';
import { openDatabase } from '../../store/database.ts';
import { PgJobStore } from '../../store/jobs-repository.ts';
import { PgTenantStore } from '../../store/tenants-repository.ts';
import { EXIT_ERROR } from '../exit-codes.ts';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `data-scanner jobs submit <source>` and `jobs show <id>`: work with jobs without the API. */
export function register(program: Command): void {
  const jobs = program.command('jobs').description('submit and inspect scan jobs directly in the database');

  jobs
    .command('submit <source>')
    .description('create a job for s3://bucket/prefix or file:///abs/path and enqueue it; prints the job id')
    .option('--name <name>', 'job name')
    .option('--exclude <glob>', 'skip keys matching this glob (repeatable)', collect, [])
    .option('--detector <id>', 'only run this detector (repeatable)', collect, [])
    .option('--tenant <name>', 'tenant owning the job', 'local')
    .option(
      '--inventory <manifest>',
      'list an S3 source from this S3 Inventory manifest.json (CSV or Parquet) instead of ListObjectsV2',
    )
    .action(
      async (
        source: string,
        options: { name?: string; exclude: string[]; detector: string[]; tenant: string; inventory?: string },
      ) => {
        if (!/^(s3:\/\/|file:\/\/\/|\/)/.test(source)) {
          throw new Error(`source ${source} must be s3://bucket/prefix or file:///abs/path`);
        }
        if (options.inventory !== undefined) {
          if (!source.startsWith('s3://'))
            throw new Error('--inventory lists an S3 source; give s3://bucket/prefix');
          parseInventoryUri(options.inventory);
        }
        const unknown = unknownDetectorIds(options.detector);
        if (unknown.length > 0) {
          throw new Error(`unknown detector(s): ${unknown.join(', ')} (see 'data-scanner detectors')`);
        }
        const config = getConfig();
        // Refuse a local path outside the allowed roots now, not later in a worker.
        if (!source.startsWith('s3://')) await createSource(source, config.sources);
        const database = await openDatabase(config, { logger: createCommandLogger('warn') });
        try {
          const tenant = await new PgTenantStore(database.pool).ensureTenant(options.tenant);
          const queue = createScanQueue(config, database.pool);
          try {
            const job = await submitJob(new PgJobStore(database.pool), enqueuePlanOn(queue), tenant.id, {
              source: source.startsWith('/') ? `file://${source}` : source,
              name: options.name,
              exclude: options.exclude,
              detectors: options.detector.length > 0 ? options.detector : undefined,
              ...(options.inventory === undefined ? {} : { inventory: options.inventory }),
            });
            process.stdout.write(`${job.id}\n`);
          } finally {
            await queue.close?.();
          }
        } finally {
          await database.close();
        }
      },
    );

  jobs
    .command('show <id>')
    .description('print a job and its progress as JSON')
    .action(async (id: string) => {
      const config = getConfig();
      const database = await openDatabase(config, { logger: createCommandLogger('warn') });
      try {
        const job = await new PgJobStore(database.pool).getJob(id);
        if (!job) {
          process.stderr.write(`data-scanner: job ${id} not found\n`);
          process.exitCode = EXIT_ERROR;
          return;
        }
        process.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
      } finally {
        await database.close();
      }
    });
}
