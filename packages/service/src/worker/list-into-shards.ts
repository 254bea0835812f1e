import { type ObjectIdentity, objectIdentity } from '../incremental/object-identity.ts';
import type { Job, PlannedObject } from '../ports/job-store.ts';
import type { SourceObject } from '../ports/object-source.ts';
import { ObjectSampler } from '../sampling/object-sampler.ts';
import type { ShardMessage } from './messages.ts';
import { ShardPlanner } from './plan-shards.ts';
import type { WorkerDeps } from './worker-deps.ts';

const INSERT_BATCH = 500;

/** What listing one part (or a whole source) stored and left out. */
export interface ListedTotals {
  objects: number;
  bytes: number;
  /** Shards used. */
  shards: number;
  unchanged: number;
  sampledOut: number;
  /** True when the job was cancelled while listing (the rest was not listed). */
  cancelled: boolean;
}

/**
 * Stores listed objects by shard and enqueues each shard once no later object can join it, so
 * workers scan while listing goes on and no more than one batch of keys is held. An incremental
 * job leaves out (and counts) objects unchanged since a complete scan that covered them; a sampled
 * job, what its sample leaves out. `part` set: the shards get job-wide numbers reserved from the
 * store and the counts are the part's; unset: shards are numbered from 0 and the counts the job's.
 */
export async function listIntoShards(
  deps: WorkerDeps,
  job: Job,
  listing: AsyncIterable<SourceObject>,
  part?: number,
): Promise<ListedTotals> {
  const planner = new ShardPlanner(deps.limits);
  const sampler = new ObjectSampler(job.sample);
  const global = new Map<number, number>();
  const shardNumber = async (local: number): Promise<number> => {
    if (part === undefined) return local;
    let number = global.get(local);
    if (number === undefined) {
      number = await deps.jobs.allocateShards(job.id, part, 1);
      global.set(local, number);
    }
    return number;
  };
  let unchanged = 0;
  let sent = 0;
  const sendShards = async (upTo: number) => {
    if (upTo <= sent) return;
    const messages = [];
    for (let shard = sent; shard < upTo; shard++) {
      const message: ShardMessage = { type: 'shard', job_id: job.id, shard: await shardNumber(shard) };
      messages.push(JSON.stringify(message));
      global.delete(shard);
    }
    await deps.queue.send(messages);
    sent = upTo;
  };
  let listed: SourceObject[] = [];
  const store = async () => {
    const identities = new Map<SourceObject, ObjectIdentity>();
    for (const object of listed) {
      const identity = objectIdentity(object);
      if (identity) identities.set(object, identity);
    }
    const skip = job.incremental
      ? await deps.jobs.unchangedObjects(job.id, [...identities.values()])
      : new Set<string>();
    const batch: PlannedObject[] = [];
    for (const object of listed) {
      const identity = identities.get(object);
      if (identity && skip.has(identity.locator)) continue;
      const planned = planner.assign(object);
      batch.push({ ...planned, shard: await shardNumber(planned.shard), ...(identity ? { identity } : {}) });
    }
    listed = [];
    unchanged += skip.size;
    if (skip.size > 0 || job.sample) {
      const counts = { unchanged, sampledOut: sampler.sampledOut };
      if (part === undefined) await deps.jobs.setPlanCounts(job.id, counts);
      else await deps.jobs.setPartCounts(job.id, part, counts);
    }
    await deps.jobs.addObjects(job.id, batch);
    // Entries the listing will not read (FIFOs, symlinks leaving the roots, folders it cannot open) are recorded now.
    for (const object of batch) {
      const entry = object.unscannable;
      if (!entry) continue;
      await deps.jobs.recordObject(job.id, {
        key: object.key,
        status: entry.status,
        reason: entry.reason,
        reasonDetail: entry.detail,
        findings: [],
      });
    }
  };
  const totals = (cancelled: boolean): ListedTotals => ({
    objects: planner.totalObjects,
    bytes: planner.totalBytes,
    shards: planner.shards,
    unchanged,
    sampledOut: sampler.sampledOut,
    cancelled,
  });
  for await (const object of listing) {
    if (object.unscannable || sampler.keep(object.key)) listed.push(object);
    if (listed.length >= INSERT_BATCH) {
      await store();
      if ((await deps.jobs.jobStatus(job.id)) === 'cancelled') return totals(true);
      await sendShards(planner.closedShards);
    }
  }
  await store();
  await sendShards(planner.shards);
  return totals(false);
}
