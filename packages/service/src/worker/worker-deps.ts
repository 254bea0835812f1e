import type { Logger } from '../log.ts';
import type { BudgetRates, Job, JobStore } from '../ports/job-store.ts';
import type { ObjectSource } from '../ports/object-source.ts';
import type { Queue } from '../ports/queue.ts';
import type { ScanEngine } from '../ports/scan-engine.ts';
import type { WatchStore } from '../ports/watch-store.ts';
import { SourceError } from '../sources/source-error.ts';
import { PoisonMessageError } from './messages.ts';
import type { ShardLimits } from './plan-shards.ts';
import type { TaskProtection } from './task-protection.ts';

/** What the worker needs; every dependency is a port. */
export interface WorkerDeps {
  jobs: JobStore;
  queue: Queue;
  openSource(uri: string): Promise<ObjectSource>;
  /** The detection engine configured for one job (its detector selection). */
  engineFor(job: Job): ScanEngine;
  logger: Logger;
  limits: ShardLimits;
  /** Objects scanned at once within a shard. */
  concurrency: number;
  /** Held while a message is processed. @default - none */
  taskProtection?: TaskProtection;
  /** The engine identity incremental scans compare (`engineIdentity`). @default engineIdentity() */
  engineIdentity?: string;
  /** Prices `max_cost_usd` budgets (the deployment's `ScanCostModel`). @default - free: only objects and bytes count */
  costModel?: BudgetRates;
  /**
   * List an S3 source's top-level prefixes each by its own message, so several workers list one
   * job (delimiter fan-out). @default false: one worker lists the whole source
   */
  listFanout?: boolean;
  /** Watched sources (`/watches`): S3 events and changed files join their rolling jobs. @default - absent: such messages are dead-lettered */
  watches?: WatchStore;
}

/** Opens the job's source; a source that can never be opened is poison. */
export async function openJobSource(deps: WorkerDeps, job: Job): Promise<ObjectSource> {
  try {
    return await deps.openSource(job.source);
  } catch (err) {
    if (err instanceof SourceError && !err.retryable) {
      throw new PoisonMessageError(`source unusable: ${err.message}`, job.id, { cause: err });
    }
    throw err;
  }
}

/** A listing failure as the queue should see it: a source that can never be listed is poison. */
export function listingError(err: unknown, jobId: string): unknown {
  if (err instanceof SourceError && !err.retryable) {
    return new PoisonMessageError(`listing failed: ${err.message}`, jobId, { cause: err });
  }
  return err;
}
