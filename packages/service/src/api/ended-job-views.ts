import type pg from 'pg';
import { isFinalStatus } from '../ports/job-store.ts';
import { PgListener } from '../store/pg-listener.ts';
import type { JobDetail } from './job-view-cache.ts';

/** PostgreSQL channel on which migration 052's triggers announce a changed ended job (`*`: all). */
export const ENDED_JOB_CHANNEL = 'data_scanner_ended_jobs';

/** A job's view ready to send: the JSON body and its ETag, computed once. */
export interface PreparedJobView {
  detail: JobDetail;
  body: string;
  etag: string;
}

/** Options of `EndedJobViews`. */
export interface EndedJobViewsOptions {
  /** How long an entry is served: a bound on a lost notification. @default 600000 */
  maxAgeMs?: number;
  /** Jobs kept; the least recently kept go first. @default 10000 */
  maxEntries?: number;
}

interface Entry {
  tenantId: string;
  view: PreparedJobView;
  at: number;
}

/**
 * In-process copies of ended jobs' views for `GET /jobs/{id}`, so polling a finished job costs no
 * database round trip and no serialization. An ended job does not change; should anything write
 * to it or delete it anyway, PostgreSQL announces it (migration 052's triggers, `LISTEN/NOTIFY`)
 * and its entry is dropped in every API process. Entries are served and kept only while that feed
 * listens, so without it (Lambda, a lost connection) every read goes to the database. An entry is
 * served only to the tenant it was read for.
 */
export class EndedJobViews {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listener: PgListener | undefined;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;

  constructor(options: EndedJobViewsOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 600_000;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** Starts the invalidation feed on the pool's database; `close()` stops it. */
  listen(pool: pg.Pool, onLost?: (err: unknown) => void): this {
    this.listener ??= new PgListener(pool, ENDED_JOB_CHANNEL, {
      onNotify: (jobId) => (jobId === '*' ? this.clear() : this.invalidate(jobId)),
      // Notifications sent while the feed was away are lost: forget everything.
      onListening: () => this.clear(),
      onLost: (err) => {
        this.clear();
        onLost?.(err);
      },
    });
    return this;
  }

  /** Whether the invalidation feed is up: only then are views served and kept. */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  /** The kept view of this tenant's job, if any. */
  get(tenantId: string, jobId: string): PreparedJobView | undefined {
    if (!this.listening) return undefined;
    // Kept under PostgreSQL's spelling of the id; a path may spell it in capitals.
    const id = jobId.toLowerCase();
    const entry = this.entries.get(id);
    if (!entry || entry.tenantId !== tenantId) return undefined;
    if (Date.now() - entry.at >= this.maxAgeMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.view;
  }

  /** A mark to take before reading a job from the database, for `keep`. */
  mark(): number {
    return this.generation;
  }

  /**
   * Keeps a view read from the database after `mark` was taken, if the job has ended and no
   * invalidation has landed since (it may concern this very read).
   */
  keep(mark: number, tenantId: string, view: PreparedJobView): void {
    if (mark !== this.generation || !this.listening || !isFinalStatus(view.detail.status)) return;
    const jobId = view.detail.job_id;
    this.entries.delete(jobId);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(jobId, { tenantId, view, at: Date.now() });
  }

  /** Drops one job's entry (it changed or is gone). */
  invalidate(jobId: string): void {
    this.generation++;
    this.entries.delete(jobId);
  }

  /** Drops every entry. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Stops the invalidation feed (and with it, serving entries). */
  async close(): Promise<void> {
    await this.listener?.close();
    this.listener = undefined;
    this.entries.clear();
  }
}
