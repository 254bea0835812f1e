import type pg from 'pg';
import { createLogger } from '../../src/log.ts';
import type { Job, NewJob } from '../../src/ports/job-store.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { processMessage, type WorkerDeps } from '../../src/worker/job-processor.ts';
import { parseWorkMessage } from '../../src/worker/messages.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';

/**
 * Creates a job for tenant `local` and runs its plan and shard messages to the end on one
 * in-process worker (real PostgreSQL queue and store, the real engine unless `deps` replace it).
 */
export async function runJobToEnd(
  pool: pg.Pool,
  roots: string[],
  spec: Omit<NewJob, 'tenantId'>,
  deps: Partial<WorkerDeps> = {},
): Promise<Job> {
  const jobs = new PgJobStore(pool);
  const queue = new PgQueue(pool, { name: 'scan', pollMs: 20 });
  const tenant = await new PgTenantStore(pool).ensureTenant('local');
  const worker: WorkerDeps = {
    jobs,
    queue,
    openSource: (uri) => createSource(uri, { roots }),
    engineFor: scannerFactory('test-fingerprint-key'),
    logger: createLogger({ level: 'silent' }),
    limits: { maxObjects: 2, maxBytes: 1024 * 1024 },
    concurrency: 2,
    ...deps,
  };
  const job = await jobs.createJob({ tenantId: tenant.id, ...spec });
  await queue.send([JSON.stringify({ type: 'plan', job_id: job.id })]);
  for (;;) {
    const [message] = await queue.receive({ max: 1, waitSeconds: 0, visibilitySeconds: 30 });
    if (!message) break;
    await processMessage(worker, parseWorkMessage(message.body), new AbortController().signal);
    await queue.delete([message.receipt]);
  }
  return (await jobs.getJob(job.id)) as Job;
}
