import { isUuid } from '../uuid.ts';

/**
 * The lower-cased ids a report store builds names from; throws when either is not a UUID, so no
 * other text ever reaches a file path or an object key.
 */
export function reportIds(tenantId: string, jobId: string): { tenant: string; job: string } {
  if (!isUuid(tenantId) || !isUuid(jobId)) throw new Error('report ids must be UUIDs (tenant and job)');
  return { tenant: tenantId.toLowerCase(), job: jobId.toLowerCase() };
}

/**
 * The download name of a job's report or export: `data-scanner-<job>.<extension>`, or
 * `data-scanner-<job>-partial.<extension>` for an export of a job that is still running.
 */
export function reportFilename(jobId: string, extension: string, partial = false): string {
  return `data-scanner-${jobId.toLowerCase()}${partial ? '-partial' : ''}.${extension}`;
}
