import type { ArrivedObject } from '../ports/watch-store.ts';
import { isUuid } from '../uuid.ts';
import { type ObjectCreatedEvent, ObjectEventError, parseObjectEvents } from '../watch/object-events.ts';

/** Plan a job: list its source, store its objects, enqueue its shards. */
export interface PlanMessage {
  type: 'plan';
  job_id: string;
}

/** Scan the PENDING objects of one shard of a job. */
export interface ShardMessage {
  type: 'shard';
  job_id: string;
  shard: number;
}

/** List one part of a job's source (a prefix, an inventory data file); see `ListingPart`. */
export interface ListMessage {
  type: 'list';
  job_id: string;
  part: number;
}

/** Objects S3 reported created: an S3 → SQS notification or an EventBridge event, as delivered. */
export interface ObjectEventsMessage {
  type: 'object-events';
  events: ObjectCreatedEvent[];
}

/** Files that changed under a watched folder (sent by the scheduler role, which follows the folder). */
export interface WatchObjectsMessage {
  type: 'watch-objects';
  watch_id: string;
  objects: ArrivedObject[];
}

/**
 * Close the rolling jobs of watches whose hour is over (the scheduler role does it on every tick;
 * a deployment without one, such as the data-scanner profile, sends this hourly from EventBridge).
 */
export interface CloseRollingJobsMessage {
  type: 'close-rolling-jobs';
}

export type WorkMessage =
  | PlanMessage
  | ListMessage
  | ShardMessage
  | ObjectEventsMessage
  | WatchObjectsMessage
  | CloseRollingJobsMessage;

/** A message that can never succeed (malformed, or its job's input is unusable): it is not retried. */
export class PoisonMessageError extends Error {
  readonly jobId: string | undefined;

  constructor(message: string, jobId?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoisonMessageError';
    this.jobId = jobId;
  }
}

/** Parses a queue body; anything unexpected is a PoisonMessageError naming what is wrong. */
export function parseWorkMessage(body: string): WorkMessage {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new PoisonMessageError('message is not JSON');
  }
  let events: ObjectCreatedEvent[] | undefined;
  try {
    events = parseObjectEvents(value);
  } catch (err) {
    if (err instanceof ObjectEventError) throw new PoisonMessageError(`S3 event: ${err.message}`);
    throw err;
  }
  if (events) return { type: 'object-events', events };
  const v = value as Record<string, unknown>;
  if (v?.type === 'watch-objects') return parseWatchObjects(v);
  if (v?.type === 'close-rolling-jobs') return { type: 'close-rolling-jobs' };
  const jobId = typeof v?.job_id === 'string' && isUuid(v.job_id) ? v.job_id : undefined;
  if (!jobId) throw new PoisonMessageError('message has no valid job_id');
  if (v.type === 'plan') return { type: 'plan', job_id: jobId };
  if (v.type === 'shard') {
    if (!Number.isInteger(v.shard) || (v.shard as number) < 0) {
      throw new PoisonMessageError('shard message has no valid shard number', jobId);
    }
    return { type: 'shard', job_id: jobId, shard: v.shard as number };
  }
  if (v.type === 'list') {
    if (!Number.isInteger(v.part) || (v.part as number) < 1) {
      throw new PoisonMessageError('list message has no valid part number', jobId);
    }
    return { type: 'list', job_id: jobId, part: v.part as number };
  }
  throw new PoisonMessageError(`unknown message type ${JSON.stringify(v.type)}`, jobId);
}

/** Best effort: the job id of a message body, for failing the job of a poison message. */
export function jobIdOf(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { job_id?: unknown })?.job_id;
    return typeof id === 'string' && isUuid(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

function parseWatchObjects(v: Record<string, unknown>): WatchObjectsMessage {
  if (typeof v.watch_id !== 'string' || !isUuid(v.watch_id)) {
    throw new PoisonMessageError('watch-objects message has no valid watch_id');
  }
  const objects = v.objects;
  const valid =
    Array.isArray(objects) &&
    objects.every(
      (o: Partial<ArrivedObject> | null) =>
        typeof o?.key === 'string' &&
        o.key !== '' &&
        Number.isSafeInteger(o.size) &&
        (o.identity === undefined ||
          (typeof o.identity?.locator === 'string' && typeof o.identity?.version === 'string')),
    );
  if (!valid)
    throw new PoisonMessageError('watch-objects message has no valid objects (key, size, identity?)');
  return { type: 'watch-objects', watch_id: v.watch_id, objects: objects as ArrivedObject[] };
}
