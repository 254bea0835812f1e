import { jobGenerationKey } from '../events/job-events.ts';
import type { Cache } from '../ports/cache.ts';
import { isFinalStatus } from '../ports/job-store.ts';
import type { JobSummary, JobView } from '../views/schemas.ts';

/** What `GET /jobs/{id}` returns. */
export type JobDetail = JobView & { summary: JobSummary };

/** A running job's view is kept this long at most, in case an invalidation was lost. */
const RUNNING_TTL_SECONDS = 2;
/** An ended job never changes again. */
const ENDED_TTL_SECONDS = 60;

/** One tenant's view of one job: another tenant's read can never land on it. */
const viewKey = (tenantId: string, jobId: string) => `data-scanner:job:{${jobId}}:tenant:${tenantId}:view`;

interface Entry {
  /** The job's generation when the view was read from the database. */
  generation: string;
  detail: JobDetail;
}

/**
 * Read-through cache of job views. An entry is served only while the job's generation counter
 * (bumped by every job store write, see SignalJobEvents) still has the value it was read at, so a
 * write is visible at the next read; the counter and the entry come back in one round trip.
 * Concurrent misses for the same view and generation share one database read (pollers in step).
 */
export class JobViewCache {
  private readonly loading = new Map<string, Promise<JobDetail | null>>();

  constructor(private readonly cache: Cache) {}

  async read(
    tenantId: string,
    jobId: string,
    load: () => Promise<JobDetail | null>,
  ): Promise<JobDetail | null> {
    const key = viewKey(tenantId, jobId);
    const [counter, stored] = await this.cache.get([jobGenerationKey(jobId), key]);
    // Read before the database, so a write landing in between leaves a stale-tagged entry, never a stale hit.
    const generation = counter ?? '0';
    const entry = stored ? parse(stored) : undefined;
    if (entry?.generation === generation) return entry.detail;
    const flight = `${key} ${generation}`;
    let loaded = this.loading.get(flight);
    if (!loaded) {
      loaded = this.fill(key, generation, load).finally(() => this.loading.delete(flight));
      this.loading.set(flight, loaded);
    }
    return loaded;
  }

  private async fill(
    key: string,
    generation: string,
    load: () => Promise<JobDetail | null>,
  ): Promise<JobDetail | null> {
    const detail = await load();
    if (detail) {
      const value: Entry = { generation, detail };
      const ttl = isFinalStatus(detail.status) ? ENDED_TTL_SECONDS : RUNNING_TTL_SECONDS;
      await this.cache.set(key, JSON.stringify(value), ttl);
    }
    return detail;
  }
}

function parse(stored: string): Entry | undefined {
  try {
    return JSON.parse(stored) as Entry;
  } catch {
    return undefined;
  }
}
