import type pg from 'pg';
import { isFinalStatus } from '../ports/job-store.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { PgJobStore } from '../store/jobs-repository.ts';
import { loadJobReportData } from './job-report-data.ts';
import { renderJobReport } from './pdf-report.ts';
import { JobNotFinishedError, JobNotFoundError } from './report-errors.ts';

/** What producing and serving reports needs: the database and the report store. */
export interface ReportsDeps {
  pool: pg.Pool;
  store: ReportStore;
}

/**
 * Renders and stores the PDF report of an ended job unless it is stored already; safe to call
 * again and from several processes (a second render only replaces the document with an equal one).
 * Throws `JobNotFoundError` for a job the tenant does not have and `JobNotFinishedError` for a job
 * that has not ended.
 */
export async function ensureJobReport(
  deps: ReportsDeps,
  tenantId: string,
  jobId: string,
): Promise<{ created: boolean }> {
  const job = await new PgJobStore(deps.pool).getJob(jobId, tenantId);
  if (!job) throw new JobNotFoundError(jobId);
  if (!isFinalStatus(job.status)) throw new JobNotFinishedError(jobId, job.status);
  if (await deps.store.has(job.tenantId, job.id)) return { created: false };
  const pdf = await renderJobReport(await loadJobReportData(deps.pool, job));
  await deps.store.put(job.tenantId, job.id, pdf);
  return { created: true };
}
