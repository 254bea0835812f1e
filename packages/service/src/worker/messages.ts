import { isUuid } from '../uuid.ts';

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

export type WorkMessage = PlanMessage | ListMessage | ShardMessage;

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
  const v = value as Record<string, unknown>;
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
