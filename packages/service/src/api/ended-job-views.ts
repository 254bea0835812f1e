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
  /** Bytes of `GET /results` pages kept across all jobs; past it the oldest jobs go first. @default 33554432 */
  maxPageBytes?: number;
}

interface Entry {
  tenantId: string;
  view?: PreparedJobView;
  /** `GET /results` bodies by `pageKey`. */
  pages: Map<string, string>;
  /** Bytes (UTF-16 length) of `pages`. */
  bytes: number;
  at: number;
}

/**
 * In-process copies of ended jobs' views for `GET /jobs/{id}` and of their `GET /results` pages, so
 * reading a finished job again costs no database round trip and no serialization. An ended job and
 * its findings do not change; should anything write to the job or delete it anyway (a finding
 * recorded late updates the job's counters), PostgreSQL announces it (migration 052's triggers,
 * `LISTEN/NOTIFY`) and its entry, pages included, is dropped in every API process. Entries are
 * served and kept only while that feed listens, so without it (Lambda, a lost connection) every
 * read goes to the database. An entry is served only to the tenant it was read for.
 */
export class EndedJobViews {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listener: PgListener | undefined;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly maxPageBytes: number;
  private pageBytes = 0;

  constructor(options: EndedJobViewsOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 600_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxPageBytes = options.maxPageBytes ?? 32 * 1024 * 1024;
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
    return this.entry(tenantId, jobId)?.view;
  }

  /** A kept `GET /results` body of this tenant's job, by the page's `pageKey`. */
  getPage(tenantId: string, jobId: string, pageKey: string): string | undefined {
    return this.entry(tenantId, jobId)?.pages.get(pageKey);
  }

  private entry(tenantId: string, jobId: string): Entry | undefined {
    if (!this.listening) return undefined;
    // Kept under PostgreSQL's spelling of the id; a path may spell it in capitals.
    const id = jobId.toLowerCase();
    const entry = this.entries.get(id);
    if (!entry || entry.tenantId !== tenantId) return undefined;
    if (Date.now() - entry.at >= this.maxAgeMs) {
      this.drop(id);
      return undefined;
    }
    return entry;
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
    if (!isFinalStatus(view.detail.status)) return;
    const entry = this.entryToKeep(mark, tenantId, view.detail.job_id);
    if (entry) entry.view = view;
  }

  /**
   * Keeps a `GET /results` body read after `mark` was taken, whose read saw the job ended: the
   * job's findings were all recorded then, and any later one announces itself.
   */
  keepPage(mark: number, tenantId: string, jobId: string, pageKey: string, body: string): void {
    const entry = this.entryToKeep(mark, tenantId, jobId.toLowerCase());
    if (!entry || entry.pages.has(pageKey) || body.length > this.maxPageBytes) return;
    entry.pages.set(pageKey, body);
    entry.bytes += body.length;
    this.pageBytes += body.length;
    for (const [id] of this.entries) {
      if (this.pageBytes <= this.maxPageBytes) break;
      this.drop(id);
    }
  }

  /** The job's entry, made the most recently kept (and made if new), when a read may be kept. */
  private entryToKeep(mark: number, tenantId: string, jobId: string): Entry | undefined {
    if (mark !== this.generation || !this.listening) return undefined;
    const kept = this.entries.get(jobId);
    const entry =
      kept && kept.tenantId === tenantId ? kept : { tenantId, pages: new Map(), bytes: 0, at: Date.now() };
    if (kept !== entry) this.drop(jobId);
    this.entries.delete(jobId);
    if (this.entries.size >= this.maxEntries) this.drop(this.entries.keys().next().value as string);
    this.entries.set(jobId, entry);
    return entry;
  }

  private drop(jobId: string): void {
    const entry = this.entries.get(jobId);
    if (!entry) return;
    this.pageBytes -= entry.bytes;
    this.entries.delete(jobId);
  }

  /** Drops one job's entry (it changed or is gone). */
  invalidate(jobId: string): void {
    this.generation++;
    this.drop(jobId);
  }

  /** Drops every entry. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.pageBytes = 0;
  }

  /** Stops the invalidation feed (and with it, serving entries). */
  async close(): Promise<void> {
    await this.listener?.close();
    this.listener = undefined;
    this.clear();
  }
}
