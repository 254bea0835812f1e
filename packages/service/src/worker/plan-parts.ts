import type { Job, ListingPart } from '../ports/job-store.ts';
import type { ObjectSource, SourceObject } from '../ports/object-source.ts';
import {
  type InventoryManifest,
  inventoryObjects,
  parseInventoryUri,
  readInventoryManifest,
} from '../sources/s3-inventory.ts';
import { SourceError } from '../sources/source-error.ts';
import { type ListedTotals, listIntoShards } from './list-into-shards.ts';
import { type ListMessage, PoisonMessageError, type ShardMessage } from './messages.ts';
import { listingError, openJobSource, type WorkerDeps } from './worker-deps.ts';

/** Parts registered and enqueued at once while the root lists. */
const PARTS_BATCH = 100;

/** The bucket and prefix of an `s3://` job source. */
function s3Scope(job: Job): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(job.source);
  if (!match) throw new PoisonMessageError(`source ${job.source} is not an S3 source`, job.id);
  return { bucket: match[1] as string, prefix: match[2] ?? '' };
}

/** The source on the inventory's bucket, and the manifest read through it. */
async function openInventory(
  deps: WorkerDeps,
  job: Job,
): Promise<{ store: ObjectSource; manifest: InventoryManifest }> {
  const uri = job.inventory as string;
  try {
    const store = await deps.openSource(`s3://${parseInventoryUri(uri).bucket}/`);
    return { store, manifest: await readInventoryManifest(store, uri) };
  } catch (err) {
    throw listingError(err, job.id);
  }
}

async function enqueueParts(deps: WorkerDeps, job: Job, parts: ListingPart[]): Promise<void> {
  if (parts.length === 0) return;
  await deps.jobs.addListingParts(job.id, parts);
  await deps.queue.send(
    parts.map((p) => JSON.stringify({ type: 'list', job_id: job.id, part: p.part } satisfies ListMessage)),
  );
}

/**
 * Sends again the shards an earlier attempt at this part reserved (a redelivery): one it filled
 * but never sent is scanned; one already scanned finds nothing PENDING.
 */
async function resendShards(deps: WorkerDeps, job: Job, shards: readonly number[]): Promise<void> {
  if (shards.length === 0) return;
  await deps.queue.send(
    shards.map((shard) => JSON.stringify({ type: 'shard', job_id: job.id, shard } satisfies ShardMessage)),
  );
}

async function logFinished(deps: WorkerDeps, job: Job, part: number, listed: ListedTotals): Promise<void> {
  const finished = await deps.jobs.finishListingPart(job.id, part);
  deps.logger.child({ job_id: job.id }).info(
    {
      part,
      objects: listed.objects,
      bytes: listed.bytes,
      shards: listed.shards,
      unchanged: listed.unchanged,
      sampled_out: listed.sampledOut,
      ...(finished.last ? { status: finished.status } : {}),
    },
    finished.last ? 'job planned' : 'listing part done',
  );
}

/**
 * The first part of a job listed in parts (part 0, the plan message): with an inventory, reads
 * its manifest and enqueues one part per data file (no ListObjectsV2 call); else lists one level
 * of the S3 source, storing the objects found there and enqueuing one part per prefix. Every part
 * is registered before part 0 is done, so the listing ends when the last part is done.
 */
export async function planRoot(
  deps: WorkerDeps,
  job: Job,
  source: ObjectSource,
  signal: AbortSignal,
): Promise<void> {
  await deps.jobs.addListingParts(job.id, [{ part: 0, kind: 'root', ref: '' }]);
  await resendShards(deps, job, (await deps.jobs.listingPart(job.id, 0))?.shards ?? []);
  if (job.inventory) {
    const { manifest } = await openInventory(deps, job);
    const { bucket } = s3Scope(job);
    if (manifest.sourceBucket !== bucket) {
      throw new PoisonMessageError(
        `inventory ${job.inventory} lists bucket ${manifest.sourceBucket}, not the source's bucket ${bucket}`,
        job.id,
      );
    }
    const parts = manifest.files.map((file, i) => ({
      part: i + 1,
      kind: 'inventory' as const,
      ref: file.key,
      format: manifest.fileFormat,
    }));
    for (let i = 0; i < parts.length; i += PARTS_BATCH)
      await enqueueParts(deps, job, parts.slice(i, i + PARTS_BATCH));
    const none = { objects: 0, bytes: 0, shards: 0, unchanged: 0, sampledOut: 0, cancelled: false };
    await logFinished(deps, job, 0, none);
    return;
  }
  if (!source.listLevel) throw new Error(`source ${source.uri} cannot be listed by level`);
  const listLevel: NonNullable<ObjectSource['listLevel']> = source.listLevel.bind(source);
  let next = 1;
  let pending: ListingPart[] = [];
  async function* objects(): AsyncIterable<SourceObject> {
    for await (const entry of listLevel({ exclude: job.exclude, signal })) {
      if (!('prefix' in entry)) {
        yield entry;
        continue;
      }
      pending.push({ part: next++, kind: 'prefix', ref: entry.prefix });
      if (pending.length >= PARTS_BATCH) {
        await enqueueParts(deps, job, pending);
        pending = [];
      }
    }
  }
  let listed: ListedTotals;
  try {
    listed = await listIntoShards(deps, job, objects(), 0);
  } catch (err) {
    throw listingError(err, job.id);
  }
  if (listed.cancelled) return;
  await enqueueParts(deps, job, pending);
  await logFinished(deps, job, 0, listed);
}

/** Lists one part of a job (a list message): a prefix of its S3 source, or one inventory data file. */
export async function listPart(
  deps: WorkerDeps,
  jobId: string,
  part: number,
  signal: AbortSignal,
): Promise<void> {
  const job = await deps.jobs.getJob(jobId);
  if (!job) throw new PoisonMessageError('job does not exist', jobId);
  if (job.status !== 'listing') return;
  const entry = await deps.jobs.listingPart(jobId, part);
  if (!entry) throw new PoisonMessageError(`listing part ${part} was never registered`, jobId);
  if (entry.done) return;
  await resendShards(deps, job, entry.shards);
  const { bucket, prefix } = s3Scope(job);
  let listing: AsyncIterable<SourceObject>;
  if (entry.kind === 'prefix') {
    const source = await openJobSource(deps, { ...job, source: `s3://${bucket}/${entry.ref}` });
    listing = source.list({ exclude: job.exclude, signal });
  } else if (entry.kind === 'inventory') {
    const { store, manifest } = await openInventory(deps, job);
    const file = manifest.files.find((f) => f.key === entry.ref);
    if (!file)
      throw new PoisonMessageError(`inventory data file ${entry.ref} is no longer in the manifest`, jobId);
    listing = inventoryObjects(store, file, manifest, { bucket, prefix, exclude: job.exclude });
  } else {
    throw new PoisonMessageError(`listing part ${part} is the ${entry.kind} part`, jobId);
  }
  let listed: ListedTotals;
  try {
    listed = await listIntoShards(deps, job, listing, part);
  } catch (err) {
    if (err instanceof SourceError && err.code === 'NOT_FOUND') {
      throw new PoisonMessageError(`listing part ${part} failed: ${err.message}`, jobId, { cause: err });
    }
    throw listingError(err, jobId);
  }
  if (listed.cancelled) return;
  await logFinished(deps, job, part, listed);
}
