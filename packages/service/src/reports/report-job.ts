import type pg from 'pg';
import { type JobRow, jobView } from '../api/row-views.ts';
import type { JobView } from '../api/schemas.ts';
import { FINAL_JOB_STATUSES, type Job } from '../ports/job-store.ts';
import { toJob } from '../store/job-rows.ts';

/** A job as reports need it: the stored job and its public JSON view. */
export interface ReportJob {
  job: Job;
  view: JobView;
}

/** Raised for a job that does not exist for the tenant (a route answers 404). */
export class JobNotFoundError extends Error {
  readonly code = 'job_not_found';

  constructor(readonly jobId: string) {
    super(`no job ${jobId} for this tenant`);
    this.name = 'JobNotFoundError';
  }
}

/** Raised when a finished job is needed and the job is still running (a route answers 409). */
export class JobNotFinishedError extends Error {
  readonly code = 'job_not_finished';

  constructor(
    readonly jobId: string,
    readonly status: string,
  ) {
    super(`job ${jobId} is ${status}; its report exists once it has ended`);
    this.name = 'JobNotFinishedError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a job has ended (succeeded, partial, failed or cancelled). */
export const hasEnded = (job: Job): boolean => FINAL_JOB_STATUSES.includes(job.status);

/** The tenant's job, or null when it has none with that id. */
export async function loadReportJob(
  pool: pg.Pool,
  tenantId: string,
  jobId: string,
): Promise<ReportJob | null> {
  if (!UUID.test(jobId) || !UUID.test(tenantId)) return null;
  const { rows } = await pool.query<JobRow & Record<string, unknown>>(
    `SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key
     FROM jobs WHERE id = $1 AND tenant_id = $2`,
    [jobId, tenantId],
  );
  const row = rows[0];
  return row ? { job: toJob(row), view: jobView(row) } : null;
}
