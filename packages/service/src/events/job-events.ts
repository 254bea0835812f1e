import type { Cache } from '../ports/cache.ts';
import type { JobEvents, JobWatch } from '../ports/job-events.ts';
import type { Signals } from '../ports/signals.ts';

/**
 * Counter bumped at every change of a job; cached views of the job are valid only for the value they
 * were read at. (The braces are a Redis Cluster hash tag: a job's keys share one slot.)
 */
export const jobGenerationKey = (jobId: string) => `data-scanner:job:{${jobId}}:generation`;

/** Pub/sub channel signalled at every change of a job. */
export const jobChannel = (jobId: string) => `data-scanner:job:${jobId}`;

/** Outlives any cached view; refreshed at each change. */
const GENERATION_TTL_SECONDS = 86_400;
/** While signals cannot be delivered, watchers re-check this often. */
const OFFLINE_RECHECK_MS = 2000;

/** Options of SignalJobEvents. */
export interface SignalJobEventsOptions {
  signals: Signals;
  /** Holds the generation counters that cached job views check. @default none: nothing is cached */
  cache?: Cache;
  /**
   * Longest one `next()` waits before its caller re-checks. Set it when signals do not reach every
   * process (in-process signals and a worker in another process). @default no limit
   */
  recheckMs?: number;
}

/** JobEvents over a generation counter in the cache and a signal per job. */
export class SignalJobEvents implements JobEvents {
  private readonly signals: Signals;
  private readonly cache: Cache | undefined;
  private readonly recheckMs: number;

  constructor(options: SignalJobEventsOptions) {
    this.signals = options.signals;
    this.cache = options.cache;
    this.recheckMs = options.recheckMs ?? Number.POSITIVE_INFINITY;
  }

  async changed(jobId: string): Promise<void> {
    // The counter first: a watcher woken by the signal must not read the stale cached view.
    await this.cache?.increment(jobGenerationKey(jobId), GENERATION_TTL_SECONDS);
    await this.signals.publish(jobChannel(jobId));
  }

  async watch(jobId: string): Promise<JobWatch> {
    let changed = false;
    let wake: (() => void) | undefined;
    const subscription = this.signals.subscribe(jobChannel(jobId), () => {
      changed = true;
      wake?.();
    });
    const live = await subscription.ready;
    const cap = live ? this.recheckMs : Math.min(this.recheckMs, OFFLINE_RECHECK_MS);
    return {
      next: (ms, signal) =>
        new Promise<boolean>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            wake = undefined;
            const result = changed;
            changed = false;
            resolve(result);
          };
          const timer = setTimeout(done, Math.max(0, Math.min(ms, cap)));
          if (changed || signal?.aborted) return done();
          wake = done;
          signal?.addEventListener('abort', done, { once: true });
        }),
      close: () => subscription.close(),
    };
  }
}
