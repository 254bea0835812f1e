import useSWR from 'swr';
import type { ApiClient } from '../api/api-client.ts';
import { normalizePage } from '../api/normalize.ts';
import { type Finding, isActive, type Job } from '../api/types.ts';
import { useApiSession } from '../auth/api-context.tsx';

/** Findings counted three ways, for the charts. */
export interface FindingSummary {
  byDetector: Record<string, number>;
  byCategory: Record<string, number>;
  bySeverity: Record<string, number>;
  /** True when counted from the first `SAMPLE_LIMIT` findings only. */
  partial: boolean;
}

const PAGE = 500;
const SAMPLE_LIMIT = 5_000;

/**
 * The job's counts when the API includes them; otherwise counted from `/results` pages, at most
 * `SAMPLE_LIMIT` findings, recounted only when the job's finding total changes.
 */
export function useFindingSummary(job: Job | undefined): { summary?: FindingSummary; error?: unknown } {
  const { api } = useApiSession();
  const fromJob = !!(job?.byDetector && job.bySeverity);
  const live = !!job && isActive(job.status);
  // While the job runs, recount every 10 s rather than on every progress poll.
  const counted = useSWR(
    job && !fromJob && api ? ['summary', job.id, live ? 'live' : `final-${job.findings}`] : null,
    () => countFindings(api as ApiClient, (job as Job).id),
    { revalidateOnFocus: false, keepPreviousData: true, refreshInterval: live ? 10_000 : 0 },
  );
  if (job && fromJob) return { summary: summaryFromJob(job) };
  return { summary: counted.data, error: counted.error };
}

function summaryFromJob(job: Job): FindingSummary {
  return {
    byDetector: job.byDetector ?? {},
    byCategory: job.byCategory ?? {},
    bySeverity: job.bySeverity ?? {},
    partial: false,
  };
}

async function countFindings(api: ApiClient, jobId: string): Promise<FindingSummary> {
  const s: FindingSummary = { byDetector: {}, byCategory: {}, bySeverity: {}, partial: false };
  let cursor: string | undefined;
  let seen = 0;
  do {
    const page = normalizePage(
      await api.get('/results', { job_id: jobId, limit: PAGE, cursor }),
      (r) => r as unknown as Finding,
    );
    for (const f of page.items) {
      s.byDetector[f.detector] = (s.byDetector[f.detector] ?? 0) + 1;
      s.byCategory[f.category] = (s.byCategory[f.category] ?? 0) + 1;
      s.bySeverity[f.severity] = (s.bySeverity[f.severity] ?? 0) + 1;
    }
    seen += page.items.length;
    cursor = page.nextCursor ?? undefined;
    if (cursor && seen >= SAMPLE_LIMIT) s.partial = true;
  } while (cursor && !s.partial);
  return s;
}
