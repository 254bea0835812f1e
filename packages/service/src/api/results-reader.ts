import type { ApiDeps } from './api-env.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { ResultsFilter, ResultsKey, ResultsSort } from './ports.ts';

/** What `GET /results` asks for, as its query schema validated it. */
export interface ResultsRequest extends Omit<ResultsFilter, 'jobId'> {
  job_id: string;
  sort: ResultsSort;
  limit: number;
  cursor?: string | undefined;
}

const isSeq = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{1,19}$/.test(v) && BigInt(v) <= 9223372036854775807n;

const KEY_CHECKS: Record<ResultsSort, (v: unknown) => v is ResultsKey> = {
  seq: isSeq,
  severity: (v): v is ResultsKey =>
    Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && v[0] >= 0 && v[0] < 5 && isSeq(v[1]),
  object: (v): v is ResultsKey =>
    Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && !v[0].includes('\0') && isSeq(v[1]),
};

/** Cursor kind per order (`results` stays what it was for insertion order). */
const cursorKind = (sort: ResultsSort) => (sort === 'seq' ? 'results' : `results:${sort}`);

/**
 * Reads pages of `GET /results` as JSON bodies. A page of an ended job is kept in this process
 * (`EndedJobViews`) and served from there until the job changes, so reading a finished job's
 * findings again costs no query and no serialization; a running job's pages are read every time.
 */
export class ResultsReader {
  constructor(private readonly deps: Pick<ApiDeps, 'store' | 'endedJobs'>) {}

  /** The page's JSON body, or null when the job is not the tenant's. */
  async page(tenantId: string, request: ResultsRequest): Promise<string | null> {
    const { job_id, detector, severity, category, object, sort, limit, cursor } = request;
    const ended = this.deps.endedJobs;
    const pageKey = JSON.stringify([detector, severity, category, object, sort, limit, cursor]);
    const kept = ended?.getPage(tenantId, job_id, pageKey);
    if (kept !== undefined) return kept;
    const after = cursor ? decodeCursor(cursorKind(sort), cursor, KEY_CHECKS[sort]) : undefined;
    const mark = ended?.mark();
    const page = await this.deps.store.listFindings(
      tenantId,
      { jobId: job_id, detector, severity, category, object },
      { limit, after },
      sort,
    );
    if (!page) return null;
    const body = JSON.stringify({
      items: page.items,
      next_cursor: page.next && encodeCursor(cursorKind(sort), page.next),
    });
    if (page.jobEnded && ended && mark !== undefined) ended.keepPage(mark, tenantId, job_id, pageKey, body);
    return body;
  }
}
