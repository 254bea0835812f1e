import type { ObjectIdentity } from '../incremental/object-identity.ts';
import type { ScanCoverage } from '../incremental/scan-coverage.ts';
import type { JobEvents } from '../ports/job-events.ts';
import type {
  BudgetRates,
  Job,
  JobObject,
  JobObjectStatus,
  JobStatus,
  JobStore,
  ListingPart,
  ListingPartState,
  NewJob,
  ObjectOutcome,
  PartFinished,
  PlanCounts,
  PlannedObject,
  RecordOutcome,
} from '../ports/job-store.ts';

/**
 * A JobStore that announces each write to a job's row (status, progress) through JobEvents, once the
 * write has committed: cached views of the job go stale and clients waiting on it wake.
 */
export class PublishingJobStore implements JobStore {
  constructor(
    private readonly inner: JobStore,
    private readonly events: JobEvents,
  ) {}

  private async announce<T>(jobId: string, result: T, changed: boolean): Promise<T> {
    if (changed) await this.events.changed(jobId);
    return result;
  }

  createJob(job: NewJob): Promise<Job> {
    return this.inner.createJob(job);
  }

  getJob(id: string, tenantId?: string): Promise<Job | undefined> {
    return this.inner.getJob(id, tenantId);
  }

  async startListing(jobId: string): Promise<boolean> {
    const started = await this.inner.startListing(jobId);
    return this.announce(jobId, started, started);
  }

  setCoverage(jobId: string, coverage: ScanCoverage): Promise<void> {
    return this.inner.setCoverage(jobId, coverage);
  }

  unchangedObjects(jobId: string, candidates: readonly ObjectIdentity[]): Promise<Set<string>> {
    return this.inner.unchangedObjects(jobId, candidates);
  }

  async setPlanCounts(jobId: string, counts: PlanCounts): Promise<void> {
    await this.inner.setPlanCounts(jobId, counts);
    await this.events.changed(jobId);
  }

  reserveBudget(jobId: string, size: number, rates: BudgetRates): Promise<boolean> {
    return this.inner.reserveBudget(jobId, size, rates);
  }

  async skipPending(jobId: string, shard: number, reason: string, detail: string): Promise<RecordOutcome> {
    const outcome = await this.inner.skipPending(jobId, shard, reason, detail);
    return this.announce(jobId, outcome, outcome.recorded);
  }

  addObjects(jobId: string, objects: PlannedObject[]): Promise<void> {
    return this.inner.addObjects(jobId, objects);
  }

  async finishListing(
    jobId: string,
    totals: { shards: number; objects: number; bytes: number },
  ): Promise<JobStatus | undefined> {
    return this.announce(jobId, await this.inner.finishListing(jobId, totals), true);
  }

  addListingParts(jobId: string, parts: readonly ListingPart[]): Promise<void> {
    return this.inner.addListingParts(jobId, parts);
  }

  listingPart(jobId: string, part: number): Promise<ListingPartState | undefined> {
    return this.inner.listingPart(jobId, part);
  }

  allocateShards(jobId: string, part: number, count: number): Promise<number> {
    return this.inner.allocateShards(jobId, part, count);
  }

  async setPartCounts(jobId: string, part: number, counts: PlanCounts): Promise<void> {
    await this.inner.setPartCounts(jobId, part, counts);
    await this.events.changed(jobId);
  }

  async finishListingPart(jobId: string, part: number): Promise<PartFinished> {
    const finished = await this.inner.finishListingPart(jobId, part);
    return this.announce(jobId, finished, finished.last);
  }

  pendingObjects(jobId: string, shard: number): Promise<JobObject[]> {
    return this.inner.pendingObjects(jobId, shard);
  }

  async recordObject(jobId: string, outcome: ObjectOutcome): Promise<RecordOutcome> {
    const recorded = await this.inner.recordObject(jobId, outcome);
    return this.announce(jobId, recorded, recorded.recorded);
  }

  async failJob(jobId: string, reason: string): Promise<boolean> {
    const failed = await this.inner.failJob(jobId, reason);
    return this.announce(jobId, failed, failed);
  }

  async cancelJob(jobId: string, tenantId?: string): Promise<boolean> {
    const cancelled = await this.inner.cancelJob(jobId, tenantId);
    return this.announce(jobId, cancelled, cancelled);
  }

  jobStatus(jobId: string): Promise<JobStatus | undefined> {
    return this.inner.jobStatus(jobId);
  }

  listObjects(jobId: string, options?: { status?: JobObjectStatus; limit?: number }): Promise<JobObject[]> {
    return this.inner.listObjects(jobId, options);
  }
}
