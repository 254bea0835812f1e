import { readAllowlistFile } from '@data-scanner/detect';
import { ConfigError } from '../config.ts';
import { engineIdentity } from '../incremental/scan-coverage.ts';
import { createScanQueue } from '../queue/create-queue.ts';
import { createSharedState } from '../shared-state.ts';
import { createSource } from '../sources/create-source.ts';
import { resolveFingerprintKey } from '../store/fingerprint-key.ts';
import { PgJobStore } from '../store/jobs-repository.ts';
import { PublishingJobStore } from '../store/publishing-job-store.ts';
import { PgWatchStore } from '../watch/watches-repository.ts';
import { loadScanEngines } from '../worker/scan-engine-factory.ts';
import { ScanWorker } from '../worker/scan-worker.ts';
import { taskProtectionFor } from '../worker/task-protection.ts';
import type { RoleContext, RunningRole } from './role.ts';

/**
 * The worker role: consumes the scan queue (plan and shard messages) until stopped. With Redis, new
 * messages wake it through Redis and its job writes invalidate the API's cache; else LISTEN/NOTIFY.
 */
export async function startWorker({ config, logger, database }: RoleContext): Promise<RunningRole> {
  const log = logger.child({ role: 'worker' });
  const allowlistFile = config.worker.allowlistFile;
  const allowlist = allowlistFile
    ? await readAllowlistFile(allowlistFile).catch((err: Error) => {
        throw new ConfigError([`DATA_SCANNER_ALLOWLIST: ${err.message}`]);
      })
    : undefined;
  const engineLimits = { aggregateThreshold: config.worker.aggregateThreshold };
  const engines = await loadScanEngines(
    await resolveFingerprintKey({
      pool: database.pool,
      configured: config.fingerprintKey,
      dataDir: config.database.dataDir,
      logger: log,
      sharedDatabase: config.database.url !== undefined,
    }),
    {
      threads: config.worker.scanThreads,
      allowlist,
      limits: engineLimits,
      engineModule: config.worker.engineModule,
      sources: { roots: config.sources.roots, s3: config.sources.s3 },
    },
  );
  const shared = createSharedState(config, log);
  const queue = createScanQueue(
    config,
    database.pool,
    shared.wakeups ? { wakeups: shared.wakeups } : { listen: true },
  );
  const worker = new ScanWorker(
    {
      jobs: new PublishingJobStore(new PgJobStore(database.pool), shared.jobEvents),
      queue,
      openSource: (uri) => createSource(uri, { roots: config.sources.roots, s3: config.sources.s3 }),
      engineFor: engines.engineFor,
      logger: log,
      limits: { maxObjects: config.worker.shardMaxObjects, maxBytes: config.worker.shardMaxBytes },
      concurrency: config.worker.concurrency,
      listFanout: config.worker.listFanout,
      taskProtection: taskProtectionFor(config.worker.taskProtection, log),
      engineIdentity: engineIdentity({ allowlist, limits: engineLimits }),
      costModel: config.worker.scanCost,
      watches: new PgWatchStore(database.pool),
    },
    {
      visibilitySeconds: config.queue.visibilityTimeoutSeconds,
      maxReceives: config.queue.maxReceives,
      waitSeconds: config.queue.waitSeconds,
    },
  ).start();
  log.info(
    { queue: config.queue.kind, concurrency: config.worker.concurrency, engine: engines.mode },
    'worker started',
  );
  return {
    stop: async (deadlineMs) => {
      await worker.drain(deadlineMs);
      await engines.close();
      await queue.close?.();
      await shared.close();
      log.info('worker stopped');
    },
  };
}
