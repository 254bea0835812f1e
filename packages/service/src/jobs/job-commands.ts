import type { JobStore } from '../ports/job-store.ts';
import { type EnqueuePlan, type ScanSpec, submitJob } from './submit-job.ts';

/**
 * The write side the API drives: creating a job with its plan message, and cancelling one.
 * Implemented by the service core's job store and queue (`createJobCommands`).
 */
export interface JobCommands {
  /** Creates the job, enqueues its plan, and returns the job id; throws `ScanNotQueuedError` when the queue refuses. */
  submit(tenantId: string, spec: ScanSpec): Promise<string>;
  /** Cancels a job that has not finished; false when it is not the tenant's or already ended. */
  cancel(tenantId: string, jobId: string): Promise<boolean>;
}

/** `JobCommands` over the job store and the scan queue. */
export function createJobCommands(jobs: JobStore, enqueuePlan: EnqueuePlan): JobCommands {
  return {
    submit: async (tenantId, spec) => (await submitJob(jobs, enqueuePlan, tenantId, spec)).id,
    cancel: (tenantId, jobId) => jobs.cancelJob(jobId, tenantId),
  };
}
