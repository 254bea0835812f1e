import type { Job, JobStore } from '../ports/job-store.ts';
import type { Queue } from '../ports/queue.ts';
import { HttpError } from './http-error.ts';
import type { JobCommands } from './ports.ts';

/** Sends a new job's plan message to the scan queue. */
export type EnqueuePlan = (job: Job) => Promise<void>;

/** Enqueues the worker's plan message (`{"type": "plan", "job_id"}`) on `queue`. */
export function enqueuePlanOn(queue: Queue): EnqueuePlan {
  return (job) => queue.send([JSON.stringify({ type: 'plan', job_id: job.id })]);
}

/**
 * The API's write side over the service core: a job row from the job store, then its plan message.
 * When the queue refuses, the job is failed with a reason (never left queued forever) and the client
 * gets a 503 to retry.
 */
export function createJobCommands(jobs: JobStore, enqueuePlan: EnqueuePlan): JobCommands {
  return {
    async submit(tenantId, spec) {
      const job = await jobs.createJob({ tenantId, ...spec });
      try {
        await enqueuePlan(job);
      } catch (err) {
        await jobs.failJob(job.id, 'the scan could not be queued');
        throw new HttpError(503, 'service_unavailable', 'The scan could not be queued; retry later', [
          { message: (err as Error).message },
        ]);
      }
      return job.id;
    },
    cancel: (tenantId, jobId) => jobs.cancelJob(jobId, tenantId),
  };
}
