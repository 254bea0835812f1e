import { detectors as catalogue, type Detector } from '@data-scanner/detect';
import { jobCatalogue } from '../engine/job-catalogue.ts';
import { scanFromSource } from '../engine/scan-from-source.ts';
import { type ObjectIdentity, objectIdentity } from '../incremental/object-identity.ts';
import { engineIdentity, type ScanCoverage, scanCoverage } from '../incremental/scan-coverage.ts';
import type { Logger } from '../log.ts';
import {
  BUDGET_EXCEEDED,
  type BudgetRates,
  type Job,
  type JobObject,
  type JobStore,
  type ObjectOutcome,
  type PlannedObject,
  SAMPLE_TRUNCATED,
} from '../ports/job-store.ts';
import type { ObjectSource, SourceObject } from '../ports/object-source.ts';
import type { Queue } from '../ports/queue.ts';
import type { ScanEngine } from '../ports/scan-engine.ts';
import { ObjectSampler } from '../sampling/object-sampler.ts';
import { SourceError } from '../sources/source-error.ts';
import { PoisonMessageError, type ShardMessage, type WorkMessage } from './messages.ts';
import { type ShardLimits, ShardPlanner } from './plan-shards.ts';
import type { TaskProtection } from './task-protection.ts';

/** What the worker needs; every dependency is a port. */
export interface WorkerDeps {
  jobs: JobStore;
  queue: Queue;
  openSource(uri: string): Promise<ObjectSource>;
  /** The detection engine configured for one job (its detector selection). */
  engineFor(job: Job): ScanEngine;
  logger: Logger;
  limits: ShardLimits;
  /** Objects scanned at once within a shard. */
  concurrency: number;
  /** Held while a message is processed. @default - none */
  taskProtection?: TaskProtection;
  /** The engine identity incremental scans compare (`engineIdentity`). @default engineIdentity() */
  engineIdentity?: string;
  /** Prices `max_cost_usd` budgets (the deployment's `ScanCostModel`). @default - free: only objects and bytes count */
  costModel?: BudgetRates;
}

const INSERT_BATCH = 500;

/** Runs one work message. Throws PoisonMessageError for work that can never succeed. */
export async function processMessage(
  deps: WorkerDeps,
  message: WorkMessage,
  signal: AbortSignal,
): Promise<void> {
  if (message.type === 'plan') await planJob(deps, message.job_id, signal);
  else await scanShard(deps, message.job_id, message.shard, signal);
}

async function openJobSource(deps: WorkerDeps, job: Job): Promise<ObjectSource> {
  try {
    return await deps.openSource(job.source);
  } catch (err) {
    if (err instanceof SourceError && !err.retryable) {
      throw new PoisonMessageError(`source unusable: ${err.message}`, job.id, { cause: err });
    }
    throw err;
  }
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
 * Lists the job's source, stores its objects by shard, enqueues one message per shard. An
 * incremental job leaves out (and counts) objects unchanged since a complete scan that covered it.
 */
export async function planJob(deps: WorkerDeps, jobId: string, signal: AbortSignal): Promise<void> {
  const job = await deps.jobs.getJob(jobId);
  if (!job) throw new PoisonMessageError('job does not exist', jobId);
  if (!(await deps.jobs.startListing(jobId))) return;
  deps.engineFor(job);
  await deps.jobs.setCoverage(jobId, coverageOf(deps, job));
  const log = deps.logger.child({ job_id: jobId });
  const source = await openJobSource(deps, job);
  const planner = new ShardPlanner(deps.limits);
  let unchanged = 0;
  let sent = 0;
  // A shard's message goes out once its objects are stored and no later object can join it, so
  // workers scan while listing goes on and the planner never holds more than one batch of keys.
  const sendShards = async (upTo: number) => {
    if (upTo <= sent) return;
    const messages = [];
    for (let shard = sent; shard < upTo; shard++) {
      messages.push(JSON.stringify({ type: 'shard', job_id: jobId, shard } satisfies ShardMessage));
    }
    await deps.queue.send(messages);
    sent = upTo;
  };
  const sampler = new ObjectSampler(job.sample);
  let listed: SourceObject[] = [];
  const store = async () => {
    const identities = new Map<SourceObject, ObjectIdentity>();
    for (const object of listed) {
      const identity = objectIdentity(object);
      if (identity) identities.set(object, identity);
    }
    const skip = job.incremental
      ? await deps.jobs.unchangedObjects(jobId, [...identities.values()])
      : new Set<string>();
    const batch: PlannedObject[] = [];
    for (const object of listed) {
      const identity = identities.get(object);
      if (identity && skip.has(identity.locator)) continue;
      batch.push({ ...planner.assign(object), ...(identity ? { identity } : {}) });
    }
    listed = [];
    unchanged += skip.size;
    if (skip.size > 0 || job.sample) {
      await deps.jobs.setPlanCounts(jobId, { unchanged, sampledOut: sampler.sampledOut });
    }
    await deps.jobs.addObjects(jobId, batch);
    // Entries the listing will not read (FIFOs, symlinks leaving the roots, folders it cannot open) are recorded now.
    for (const object of batch) {
      const entry = object.unscannable;
      if (!entry) continue;
      await deps.jobs.recordObject(jobId, {
        key: object.key,
        status: entry.status,
        reason: entry.reason,
        reasonDetail: entry.detail,
        findings: [],
      });
    }
  };
  try {
    for await (const object of source.list({ exclude: job.exclude, signal })) {
      if (object.unscannable || sampler.keep(object.key)) listed.push(object);
      if (listed.length >= INSERT_BATCH) {
        await store();
        if ((await deps.jobs.jobStatus(jobId)) === 'cancelled') return;
        await sendShards(planner.closedShards);
      }
    }
  } catch (err) {
    if (err instanceof SourceError && !err.retryable) {
      throw new PoisonMessageError(`listing failed: ${err.message}`, jobId, { cause: err });
    }
    throw err;
  }
  await store();
  await sendShards(planner.shards);
  const status = await deps.jobs.finishListing(jobId, {
    shards: planner.shards,
    objects: planner.totalObjects,
    bytes: planner.totalBytes,
  });
  log.info(
    {
      shards: planner.shards,
      objects: planner.totalObjects,
      bytes: planner.totalBytes,
      unchanged,
      sampled_out: sampler.sampledOut,
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
