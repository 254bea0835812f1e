import { isUuid } from '../uuid.ts';

/**
 * The lower-cased ids a report store builds names from; throws when either is not a UUID, so no
 * other text ever reaches a file path or an object key.
 */
export function reportIds(tenantId: string, jobId: string): { tenant: string; job: string } {
  if (!isUuid(tenantId) || !isUuid(jobId)) throw new Error('report ids must be UUIDs (tenant and job)');
  return { tenant: tenantId.toLowerCase(), job: jobId.toLowerCase() };
}

/** The download name of a job's report or export: `data-scanner-<job>.<extension>`. */
export function reportFilename(jobId: string, extension: string): string {
  return `data-scanner-${jobId.toLowerCase()}.${extension}`;
}
