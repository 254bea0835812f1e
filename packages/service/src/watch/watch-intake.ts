import { objectIdentity } from '../incremental/object-identity.ts';
import type { ScanCoverage } from '../incremental/scan-coverage.ts';
import type { Logger } from '../log.ts';
import type { Job, JobStore } from '../ports/job-store.ts';
import type { Queue } from '../ports/queue.ts';
import type { ArrivedObject, Watch, WatchStore } from '../ports/watch-store.ts';
import { excludeMatcher } from '../sources/exclude-matcher.ts';
import type { ObjectCreatedEvent } from './object-events.ts';
import { s3Location } from './watches-repository.ts';

/** What the intake of arrived objects needs: ports, and the coverage a job scans with. */
export interface WatchIntakeDeps {
  watches: WatchStore;
  jobs: Pick<JobStore, 'setCoverage'>;
  queue: Pick<Queue, 'send'>;
  /** The engine and detectors a job scans with (recorded on a new rolling job). */
  coverageOf(job: Job): ScanCoverage;
  logger: Logger;
}

/**
 * Adds objects to the watch's rolling job of the hour and sends one shard message per batch of new
 * objects, so each is scanned as soon as a worker takes the message. With `resend` (a redelivered
 * intake whose send may have failed) the shards of objects still waiting are sent again.
 */
export async function intakeObjects(
  deps: WatchIntakeDeps,
  watch: Watch,
  objects: readonly ArrivedObject[],
  options: { resend?: boolean } = {},
): Promise<number> {
  if (objects.length === 0) return 0;
  const outcome = await deps.watches.addToRollingJob(watch, objects, options);
  for (const job of outcome.jobs) {
    if (!job.scanCoverageId) await deps.jobs.setCoverage(job.id, deps.coverageOf(job));
  }
  if (outcome.shards.length > 0) {
    await deps.queue.send(
      outcome.shards.map((s) => JSON.stringify({ type: 'shard', job_id: s.jobId, shard: s.shard })),
    );
  }
  deps.logger.info(
    {
      watch_id: watch.id,
      jobs: outcome.jobs.map((j) => j.id),
      arrived: objects.length,
      added: outcome.added,
    },
    'watched objects arrived',
  );
  return outcome.added;
}

function arrived(event: ObjectCreatedEvent): ArrivedObject {
  const source = {
    key: event.key,
    size: event.size,
    bucket: event.bucket,
    etag: event.etag,
    versionId: event.versionId,
  };
  const identity = objectIdentity(source);
  return {
    key: event.key,
    size: event.size,
    bucket: event.bucket,
    ...(event.etag ? { etag: event.etag } : {}),
    ...(event.versionId ? { versionId: event.versionId } : {}),
    ...(identity ? { identity } : {}),
  };
}

/**
 * Routes S3 ObjectCreated events to every watch (of any tenant) whose `s3://bucket/prefix` holds
 * the key and whose exclude globs do not; "folder" keys (ending in '/') are left out, as listing
 * does. Returns the objects added across watches.
 */
export async function intakeObjectEvents(
  deps: WatchIntakeDeps,
  events: readonly ObjectCreatedEvent[],
  options: { resend?: boolean } = {},
): Promise<number> {
  const buckets = new Map<string, ObjectCreatedEvent[]>();
  for (const event of events) {
    if (event.key.endsWith('/')) continue;
    buckets.set(event.bucket, [...(buckets.get(event.bucket) ?? []), event]);
  }
  let added = 0;
  for (const [bucket, list] of buckets) {
    for (const watch of await deps.watches.watchesOfBucket(bucket)) {
      const prefix = s3Location(watch.source)?.prefix ?? '';
      const excluded = excludeMatcher(watch.exclude);
      const objects = list.filter((e) => e.key.startsWith(prefix) && !excluded(e.key)).map(arrived);
      added += await intakeObjects(deps, watch, objects, options);
    }
  }
  return added;
}
