import { detectors as catalogue, type Detector } from '@data-scanner/detect';
import { jobCatalogue } from '../engine/job-catalogue.ts';
import { scanFromSource } from '../engine/scan-from-source.ts';
import { engineIdentity, type ScanCoverage, scanCoverage } from '../incremental/scan-coverage.ts';
import {
  BUDGET_EXCEEDED,
  type Job,
  type JobObject,
  type ObjectOutcome,
  SAMPLE_TRUNCATED,
} from '../ports/job-store.ts';
import type { ObjectSource } from '../ports/object-source.ts';
import type { ScanEngine } from '../ports/scan-engine.ts';
import { SourceError } from '../sources/source-error.ts';
import { intakeObjectEvents, intakeObjects, type WatchIntakeDeps } from '../watch/watch-intake.ts';
import { type ListedTotals, listIntoShards } from './list-into-shards.ts';
import { PoisonMessageError, type WorkMessage } from './messages.ts';
import { listPart, planRoot } from './plan-parts.ts';
import { listingError, openJobSource, type WorkerDeps } from './worker-deps.ts';

export type { WorkerDeps } from './worker-deps.ts';

/** Runs one work message. Throws PoisonMessageError for work that can never succeed. */
export async function processMessage(
  deps: WorkerDeps,
  message: WorkMessage,
  signal: AbortSignal,
  options: { redelivered?: boolean } = {},
): Promise<void> {
  if (message.type === 'plan') await planJob(deps, message.job_id, signal);
  else if (message.type === 'list') await listPart(deps, message.job_id, message.part, signal);
  else if (message.type === 'shard') await scanShard(deps, message.job_id, message.shard, signal);
  else await intake(deps, message, options.redelivered === true);
}

/** S3 events and changed files of watched sources: added to their rolling jobs, whose shards are queued. */
async function intake(
  deps: WorkerDeps,
  message: Exclude<WorkMessage, { type: 'plan' | 'list' | 'shard' }>,
  redelivered: boolean,
): Promise<void> {
  if (!deps.watches) throw new PoisonMessageError(`${message.type} message: this worker has no watch store`);
  if (message.type === 'close-rolling-jobs') {
    const closed = await deps.watches.closeEndedRollingJobs();
    if (closed.length > 0) deps.logger.info({ jobs: closed }, 'closed the rolling jobs of ended hours');
    return;
  }
  const intakeDeps: WatchIntakeDeps = {
    watches: deps.watches,
    jobs: deps.jobs,
    queue: deps.queue,
    coverageOf: (job) => coverageOf(deps, job),
    logger: deps.logger,
  };
  // A first delivery sends shards of new objects only, so a repeated S3 event never scans twice;
  // a redelivery (the send may have failed) sends the shards of its objects still waiting too.
  const options = { resend: redelivered };
  if (message.type === 'object-events') {
    await intakeObjectEvents(intakeDeps, message.events, options);
    return;
  }
  const watch = await deps.watches.byId(message.watch_id);
  if (!watch) {
    deps.logger.warn({ watch_id: message.watch_id }, 'changed files of a deleted watch; nothing to scan');
    return;
  }
  await intakeObjects(intakeDeps, watch, message.objects, options);
}

/** The detectors and engine a job scans with, as incremental scans compare them. */
function coverageOf(deps: WorkerDeps, job: Job): ScanCoverage {
  let detectors: readonly Detector[];
  try {
    detectors = jobCatalogue(job.detectors, job.customDetectors) ?? catalogue;
  } catch (err) {
    throw new PoisonMessageError((err as Error).message, job.id);
  }
  return scanCoverage(detectors, deps.engineIdentity ?? engineIdentity());
}

/**
 * Plans a job: lists its source (or, with fan-out or an inventory, its first part and the
 * messages for the others; see `planParts`), stores its objects by shard, enqueues the shards.
 */
export async function planJob(deps: WorkerDeps, jobId: string, signal: AbortSignal): Promise<void> {
  const job = await deps.jobs.getJob(jobId);
  if (!job) throw new PoisonMessageError('job does not exist', jobId);
  if (!(await deps.jobs.startListing(jobId))) return;
  deps.engineFor(job);
  await deps.jobs.setCoverage(jobId, coverageOf(deps, job));
  const source = await openJobSource(deps, job);
  if (job.inventory || (deps.listFanout && source.listLevel)) {
    await planRoot(deps, job, source, signal);
    return;
  }
  let listed: ListedTotals;
  try {
    listed = await listIntoShards(deps, job, source.list({ exclude: job.exclude, signal }));
  } catch (err) {
    throw listingError(err, jobId);
  }
  if (listed.cancelled) return;
  const status = await deps.jobs.finishListing(jobId, listed);
  deps.logger.child({ job_id: jobId }).info(
    {
      shards: listed.shards,
      objects: listed.objects,
      bytes: listed.bytes,
      unchanged: listed.unchanged,
      sampled_out: listed.sampledOut,
      status,
    },
    'job planned',
  );
}

/** What the sample's `max_bytes_per_object` made of an object's outcome: PARTIAL SAMPLE_TRUNCATED when it cut it. */
function truncatedOutcome(outcome: ObjectOutcome, limit: number, size: number): ObjectOutcome {
  if (outcome.status === 'FAILED') return outcome;
  return {
    ...outcome,
    status: 'PARTIAL',
    reason: SAMPLE_TRUNCATED,
    reasonDetail: `sampled: the first ${limit} of ${size} bytes were read (sample.max_bytes_per_object)`,
  };
}

async function scanOne(
  engine: ScanEngine,
  source: ObjectSource,
  object: JobObject,
  maxBytes?: number,
): Promise<ObjectOutcome> {
  const listed = {
    key: object.key,
    size: object.size,
    etag: object.etag ?? undefined,
    versionId: object.versionId ?? undefined,
    bucket: object.bucket ?? undefined,
  };
  const request = { object: listed, ...(maxBytes === undefined ? {} : { maxBytes }) };
  const scan = engine.scanFromSource
    ? await engine.scanFromSource({ source: source.uri, ...request })
    : await scanFromSource(engine, source, request);
  if (scan.kind === 'unopened') {
    if (scan.retryable) throw new SourceError(scan.code, scan.message, { retryable: true });
    return {
      key: object.key,
      status: 'FAILED',
      reason: scan.code === 'ACCESS_DENIED' || scan.code === 'NOT_FOUND' ? scan.code : 'READ_ERROR',
      reasonDetail: scan.message,
      findings: [],
    };
  }
  const { result } = scan;
  const outcome: ObjectOutcome = {
    key: object.key,
    etag: scan.etag,
    versionId: scan.versionId,
    status: result.status,
    reason: result.reason,
    reasonDetail: result.reason_detail,
    result,
    findings: result.findings,
    aggregates: result.aggregates ?? [],
    ...(engine.limits ? { aggregateThreshold: engine.limits.aggregateThreshold } : {}),
  };
  return maxBytes !== undefined && scan.size > maxBytes
    ? truncatedOutcome(outcome, maxBytes, scan.size)
    : outcome;
}

/** Scans a shard's PENDING objects, `concurrency` at a time; each object is recorded in its own transaction. */
export async function scanShard(
  deps: WorkerDeps,
  jobId: string,
  shard: number,
  signal: AbortSignal,
): Promise<void> {
  const job = await deps.jobs.getJob(jobId);
  if (!job) throw new PoisonMessageError('job does not exist', jobId);
  if (job.status === 'cancelled' || job.status === 'failed') return;
  const budgetDetail = `not started: the job's budget ${JSON.stringify(job.budget)} was reached`;
  if (job.budgetExceeded) {
    await deps.jobs.skipPending(jobId, shard, BUDGET_EXCEEDED, budgetDetail);
    return;
  }
  const pending = await deps.jobs.pendingObjects(jobId, shard);
  if (pending.length === 0) return;
  const engine = deps.engineFor(job);
  const source = await openJobSource(deps, job);
  const rates = deps.costModel ?? { usdPerObject: 0, usdPerByte: 0 };
  let next = 0;
  let cancelled = false;
  let overBudget = false;
  const lane = async () => {
    try {
      await scanLane();
    } catch (err) {
      cancelled = true;
      throw err;
    }
  };
  const scanLane = async () => {
    while (!cancelled && !overBudget && next < pending.length) {
      signal.throwIfAborted();
      const object = pending[next++] as JobObject;
      const status = await deps.jobs.jobStatus(jobId);
      if (status === 'cancelled' || status === 'failed') {
        cancelled = true;
        return;
      }
      if (job.budget && !(await deps.jobs.reserveBudget(jobId, object.size, rates))) {
        overBudget = true;
        return;
      }
      const outcome = await scanOne(engine, source, object, job.sample?.max_bytes_per_object);
      await deps.jobs.recordObject(jobId, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency, pending.length) }, lane));
  // The objects in flight are recorded; what the budget left is recorded SKIPPED, so the job can end.
  if (overBudget) await deps.jobs.skipPending(jobId, shard, BUDGET_EXCEEDED, budgetDetail);
}
