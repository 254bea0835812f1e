import { createHash } from 'node:crypto';
import { SignalJobEvents } from '../events/job-events.ts';
import type { Logger } from '../log.ts';
import type { JobEvents, JobWatch } from '../ports/job-events.ts';
import { isFinalStatus } from '../ports/job-store.ts';
import { MemorySignals } from '../signals/memory-signals.ts';
import type { ApiDeps } from './api-env.ts';
import type { PreparedJobView } from './ended-job-views.ts';
import { FreshReads } from './fresh-reads.ts';
import { type JobDetail, JobViewCache } from './job-view-cache.ts';

/** A job as `GET /jobs/{id}` answers it: its view, JSON body and ETag. */
export interface JobRead extends PreparedJobView {
  /** The caller's `If-None-Match` still matches: answer 304. */
  notModified: boolean;
}

/** What one read asks for. */
export interface JobReadOptions {
  ifNoneMatch?: string;
  /** Hold the request until the job changes, at most this long (seconds; `JobWaitQuerySchema` bounds it). */
  waitSeconds?: number;
  signal?: AbortSignal;
  logger?: Logger;
}

/** The view with its JSON body and a weak validator of that body. */
function prepare(detail: JobDetail): PreparedJobView {
  const body = JSON.stringify(detail);
  return { detail, body, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/** `If-None-Match` semantics: `*`, or any listed tag equal under weak comparison. */
function matches(header: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Reads a job for `GET /jobs/{id}`: an ended job from this process's memory when kept there (see
 * `EndedJobViews`), else through the shared cache when there is one; with an ETag, and
 * optionally as a long poll that returns once the job differs from `If-None-Match` (or, without
 * it, from the job as the request found it), the job ends, or the wait is over.
 */
export class JobDetailReader {
  private readonly cache: JobViewCache | undefined;
  private readonly events: JobEvents;
  private readonly fresh = new FreshReads<PreparedJobView | null>();

  constructor(private readonly deps: Pick<ApiDeps, 'store' | 'cache' | 'jobEvents' | 'endedJobs'>) {
    this.cache = deps.cache && new JobViewCache(deps.cache);
    this.events = deps.jobEvents ?? new SignalJobEvents({ signals: new MemorySignals(), recheckMs: 2000 });
  }

  private async read(tenantId: string, jobId: string): Promise<PreparedJobView | null> {
    const ended = this.deps.endedJobs;
    const kept = ended?.get(tenantId, jobId);
    if (kept) return kept;
    const mark = ended?.mark();
    const fromStore = () =>
      this.fresh.read(`${tenantId} ${jobId}`, async () => {
        const detail = await this.deps.store.getJobDetail(tenantId, jobId);
        return detail && prepare(detail);
      });
    let view: PreparedJobView | null;
    if (this.cache) {
      const detail = await this.cache.read(tenantId, jobId, () =>
        this.deps.store.getJobDetail(tenantId, jobId),
      );
      view = detail && prepare(detail);
      // The shared copy may predate a change made outside the job store; memory keeps the database's.
      if (view && ended?.listening && isFinalStatus(view.detail.status)) view = await fromStore();
    } else {
      view = await fromStore();
    }
    if (view && ended && mark !== undefined) ended.keep(mark, tenantId, view);
    return view;
  }

  /** The job, or null when it is not the tenant's. */
  async get(tenantId: string, jobId: string, options: JobReadOptions = {}): Promise<JobRead | null> {
    const waitMs = (options.waitSeconds ?? 0) * 1000;
    const deadline = Date.now() + waitMs;
    let since = options.ifNoneMatch;
    let watch: JobWatch | undefined;
    try {
      for (;;) {
        const view = await this.read(tenantId, jobId);
        if (!view) return null;
        const { detail, etag } = view;
        if (waitMs > 0) since ??= etag;
        const remaining = deadline - Date.now();
        const unchanged = since !== undefined && matches(since, etag);
        if (!unchanged || isFinalStatus(detail.status) || remaining <= 0 || options.signal?.aborted) {
          const notModified = options.ifNoneMatch !== undefined && matches(options.ifNoneMatch, etag);
          return { ...view, notModified };
        }
        if (!watch) {
          // Read once more after subscribing, so a change landing in between is not missed.
          watch = await this.events.watch(jobId);
          continue;
        }
        options.logger?.debug({ job_id: jobId, wait_ms: remaining }, 'waiting for a job change');
        await watch.next(remaining, options.signal);
      }
    } finally {
      watch?.close();
    }
  }
}
