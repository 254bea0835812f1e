import type pg from 'pg';
import type { ReportStore } from '../ports/report-store.ts';
import { loadJobReportData } from './job-report-data.ts';
import { renderJobReport } from './pdf-report.ts';
import { hasEnded, JobNotFinishedError, JobNotFoundError, loadReportJob } from './report-job.ts';

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
  options: { maxRows?: number } = {},
): Promise<{ created: boolean }> {
  const found = await loadReportJob(deps.pool, tenantId, jobId);
  if (!found) throw new JobNotFoundError(jobId);
  if (!hasEnded(found.job)) throw new JobNotFinishedError(jobId, found.job.status);
  if (await deps.store.has(found.job.tenantId, found.job.id)) return { created: false };
  const pdf = await renderJobReport(await loadJobReportData(deps.pool, found.job, options));
  await deps.store.put(found.job.tenantId, found.job.id, pdf);
  return { created: true };
}
