/** A received message; `receipt` identifies this delivery for delete / change visibility. */
export interface QueueMessage {
  id: string;
  body: string;
  receipt: string;
  /** How many times the message has been delivered, this delivery included. */
  receiveCount: number;
}

/** Options of one receive call. */
export interface ReceiveOptions {
  /** 1..10 messages. */
  max?: number;
  /** Long poll: wait up to this long for a first message. */
  waitSeconds?: number;
  /** Visibility timeout of the delivered messages; the queue's default otherwise. */
  visibilitySeconds?: number;
  signal?: AbortSignal;
}

/** SQS limits, held by every implementation. */
export const QUEUE_LIMITS = { batchSize: 10, maxMessageBytes: 256 * 1024, maxWaitSeconds: 20 } as const;

/** Raised for a message the queue refuses (too large, empty). */
export class QueueMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueMessageError';
  }
}

/**
 * A queue with SQS semantics: at-least-once delivery, a visibility timeout during which a
 * received message is hidden from other consumers, receive counts, and dead-lettering.
 */
export interface Queue {
  /** Sends messages (batched by 10 internally); each body at most 256 KiB. */
  send(bodies: string[]): Promise<void>;
  receive(options?: ReceiveOptions): Promise<QueueMessage[]>;
  /** Deletes delivered messages; receipts of expired deliveries are ignored. */
  delete(receipts: string[]): Promise<void>;
  /** Extends (heartbeat) or ends (0 = release now) a delivery's invisibility. */
  changeVisibility(receipt: string, seconds: number): Promise<void>;
  /** Moves a delivered message to the dead-letter queue with a reason and deletes it. */
  deadLetter(message: QueueMessage, reason: string): Promise<void>;
  /** Stops background work (long-poll listeners, clients). */
  close?(): Promise<void>;
}

/** Checks bodies against SQS limits; shared by the adapters. */
export function checkBodies(bodies: string[]): void {
  for (const body of bodies) {
    if (body.length === 0) throw new QueueMessageError('a queue message cannot be empty');
    const bytes = Buffer.byteLength(body, 'utf8');
    if (bytes > QUEUE_LIMITS.maxMessageBytes) {
      throw new QueueMessageError(
        `a queue message is ${bytes} bytes; the limit is ${QUEUE_LIMITS.maxMessageBytes}`,
      );
    }
  }
}

/** Splits a list into batches of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
