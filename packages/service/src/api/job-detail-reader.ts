import { createHash } from 'node:crypto';
import { SignalJobEvents } from '../events/job-events.ts';
import type { Logger } from '../log.ts';
import type { JobEvents, JobWatch } from '../ports/job-events.ts';
import { isFinalStatus } from '../ports/job-store.ts';
import { MemorySignals } from '../signals/memory-signals.ts';
import type { ApiDeps } from './api-env.ts';
import { type JobDetail, JobViewCache } from './job-view-cache.ts';

/** A job as `GET /jobs/{id}` answers it. */
export interface JobRead {
  detail: JobDetail;
  etag: string;
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

/** A weak validator of the response body. */
function etagOf(detail: JobDetail): string {
  return `W/"${createHash('sha256').update(JSON.stringify(detail)).digest('base64url').slice(0, 27)}"`;
}

/** `If-None-Match` semantics: `*`, or any listed tag equal under weak comparison. */
function matches(header: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Reads a job for `GET /jobs/{id}`: through the shared cache when there is one, with an ETag, and
 * optionally as a long poll that returns once the job differs from `If-None-Match` (or, without
 * it, from the job as the request found it), the job ends, or the wait is over.
 */
export class JobDetailReader {
  private readonly cache: JobViewCache | undefined;
  private readonly events: JobEvents;

  constructor(private readonly deps: Pick<ApiDeps, 'store' | 'cache' | 'jobEvents'>) {
    this.cache = deps.cache && new JobViewCache(deps.cache);
    this.events = deps.jobEvents ?? new SignalJobEvents({ signals: new MemorySignals(), recheckMs: 2000 });
  }

  private read(tenantId: string, jobId: string): Promise<JobDetail | null> {
    const load = () => this.deps.store.getJobDetail(tenantId, jobId);
    return this.cache ? this.cache.read(tenantId, jobId, load) : load();
  }

  /** The job, or null when it is not the tenant's. */
  async get(tenantId: string, jobId: string, options: JobReadOptions = {}): Promise<JobRead | null> {
    const waitMs = (options.waitSeconds ?? 0) * 1000;
    const deadline = Date.now() + waitMs;
    let since = options.ifNoneMatch;
    let watch: JobWatch | undefined;
    try {
      for (;;) {
        const detail = await this.read(tenantId, jobId);
        if (!detail) return null;
        const etag = etagOf(detail);
        if (waitMs > 0) since ??= etag;
        const remaining = deadline - Date.now();
        const unchanged = since !== undefined && matches(since, etag);
        if (!unchanged || isFinalStatus(detail.status) || remaining <= 0 || options.signal?.aborted) {
          const notModified = options.ifNoneMatch !== undefined && matches(options.ifNoneMatch, etag);
          return { detail, etag, notModified };
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
