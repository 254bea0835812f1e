import type { Job, JobBudget, JobSample, JobStore } from '../ports/job-store.ts';
import type { Queue } from '../ports/queue.ts';

/** What a new scan asks for, validated and normalised (`POST /scan`, a schedule, `jobs submit`). */
export interface ScanSpec {
  source: string;
  name?: string;
  detectors?: string[];
  exclude?: string[];
  /** Skip objects unchanged since their last complete scan with the same detectors and engine. */
  incremental?: boolean;
  budget?: JobBudget;
  sample?: JobSample;
  /** The S3 Inventory manifest.json to list from instead of ListObjectsV2. */
  inventory?: string;
}

/** Sends a new job's plan message to the scan queue. */
export type EnqueuePlan = (job: Job) => Promise<void>;

/** Enqueues the worker's plan message (`{"type": "plan", "job_id"}`) on `queue`. */
export function enqueuePlanOn(queue: Queue): EnqueuePlan {
  return (job) => queue.send([JSON.stringify({ type: 'plan', job_id: job.id })]);
}

/** The queue refused a new job's plan message; the job was failed, and the caller may retry. */
export class ScanNotQueuedError extends Error {
  readonly code = 'scan_not_queued';

  constructor(
    readonly jobId: string,
    readonly queueError: Error,
  ) {
    super(`The scan could not be queued: ${queueError.message}`);
    this.name = 'ScanNotQueuedError';
  }
}

/**
 * Creates a job row and sends its plan message; returns the job. When the queue refuses, the job is
 * failed with a reason (never left queued forever) and `ScanNotQueuedError` is thrown.
 */
export async function submitJob(
  jobs: JobStore,
  enqueuePlan: EnqueuePlan,
  tenantId: string,
  spec: ScanSpec,
): Promise<Job> {
  const job = await jobs.createJob({ tenantId, ...spec });
  try {
    await enqueuePlan(job);
  } catch (err) {
    await jobs.failJob(job.id, 'the scan could not be queued');
    throw new ScanNotQueuedError(job.id, err as Error);
  }
  return job;
}
