import { createScanQueue } from '../queue/create-queue.ts';
import { createSource } from '../sources/create-source.ts';
import { PgJobStore } from '../store/jobs-repository.ts';
import { resolveFingerprintKey } from '../store/settings-repository.ts';
import { loadScanEngineFactory } from '../worker/scan-engine-factory.ts';
import { ScanWorker } from '../worker/scan-worker.ts';
import type { RoleContext, RunningRole } from './role.ts';

/** The worker role: consumes the scan queue (plan and shard messages) until stopped. */
export async function startWorker({ config, logger, database }: RoleContext): Promise<RunningRole> {
  const log = logger.child({ role: 'worker' });
  const queue = createScanQueue(config, database.pool, { listen: true });
  const engineFor = await loadScanEngineFactory(
    await resolveFingerprintKey(database.pool, config.fingerprintKey),
  );
  const worker = new ScanWorker(
    {
      jobs: new PgJobStore(database.pool),
      queue,
      openSource: (uri) => createSource(uri, { roots: config.sources.roots, s3: config.sources.s3 }),
      engineFor,
      logger: log,
      limits: { maxObjects: config.worker.shardMaxObjects, maxBytes: config.worker.shardMaxBytes },
      concurrency: config.worker.concurrency,
    },
    {
      visibilitySeconds: config.queue.visibilityTimeoutSeconds,
      maxReceives: config.queue.maxReceives,
      waitSeconds: config.queue.waitSeconds,
    },
  ).start();
  log.info({ queue: config.queue.kind, concurrency: config.worker.concurrency }, 'worker started');
  return {
    stop: async (deadlineMs) => {
      await worker.drain(deadlineMs);
      await queue.close?.();
      log.info('worker stopped');
    },
  };
}
