import {
  type BatchResultErrorEntry,
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  checkBodies,
  chunk,
  QUEUE_LIMITS,
  type Queue,
  type QueueMessage,
  type ReceiveOptions,
} from '../ports/queue.ts';

/** Options of the SQS queue adapter. */
export interface SqsQueueOptions {
  queueUrl: string;
  /** Where `deadLetter()` sends messages (the queue's redrive target). */
  dlqUrl?: string;
  /** Per-receive visibility timeout; the queue's own setting otherwise. */
  visibilitySeconds?: number;
  client?: SQSClient;
  region?: string;
  endpoint?: string;
}

/** One batch entry SQS did not apply. */
export interface FailedEntry {
  /** What the caller knows the entry by: `message #<index in the send>` or `receipt <first characters>…`. */
  entry: string;
  code: string;
  message: string;
  senderFault: boolean;
}

/** Raised when SQS refuses batch entries, after one retry of those that were not the sender's fault. */
export class SqsBatchError extends Error {
  readonly failed: FailedEntry[];

  constructor(action: string, failed: FailedEntry[]) {
    const listed = failed.map((f) => `${f.entry} (${f.code}${f.message ? `: ${f.message}` : ''})`);
    super(
      `SQS ${action} failed for ${failed.length} entr${failed.length === 1 ? 'y' : 'ies'}: ${listed.join('; ')}`,
    );
    this.name = 'SqsBatchError';
    this.failed = failed;
  }
}

/**
 * A message's size as SQS counts it against its 256 KiB limit: the body plus every attribute's
 * name, data type and value, in UTF-8 bytes.
 */
export function sqsMessageBytes(
  body: string,
  attributes: Record<string, MessageAttributeValue> = {},
): number {
  let bytes = Buffer.byteLength(body, 'utf8');
  for (const [name, value] of Object.entries(attributes)) {
    bytes += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value.DataType ?? '', 'utf8');
    bytes += Buffer.byteLength(value.StringValue ?? '', 'utf8');
  }
  return bytes;
}

/** Splits bodies into SendMessageBatch calls: at most 10 entries and 256 KiB in all per call. */
function sendBatches(bodies: string[]): { index: number; body: string }[][] {
  const batches: { index: number; body: string }[][] = [];
  let current: { index: number; body: string }[] = [];
  let bytes = 0;
  bodies.forEach((body, index) => {
    const size = sqsMessageBytes(body);
    if (
      current.length === QUEUE_LIMITS.batchSize ||
      (current.length > 0 && bytes + size > QUEUE_LIMITS.maxMessageBytes)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ index, body });
    bytes += size;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Runs a batch call, retries once the entries SQS failed through no fault of ours, and throws
 * an SqsBatchError naming every entry still failed. `label` names an entry for the error.
 */
async function withEntryRetry<E extends { Id: string }>(
  action: string,
  entries: E[],
  call: (entries: E[]) => Promise<{ Failed?: BatchResultErrorEntry[] }>,
  label: (entry: E) => string,
): Promise<void> {
  const byId = new Map(entries.map((e) => [e.Id, e]));
  const describe = (f: BatchResultErrorEntry): FailedEntry => {
    const entry = byId.get(f.Id ?? '');
    return {
      entry: entry ? label(entry) : `entry ${f.Id}`,
      code: f.Code ?? 'error',
      message: f.Message ?? '',
      senderFault: f.SenderFault === true,
    };
  };
  const first = (await call(entries)).Failed ?? [];
  const permanent = first.filter((f) => f.SenderFault === true);
  const retry = first.filter((f) => f.SenderFault !== true).map((f) => byId.get(f.Id ?? ''));
  const again = retry.filter((e): e is E => e !== undefined);
  const second = again.length > 0 ? ((await call(again)).Failed ?? []) : [];
  const failed = [...permanent, ...second];
  if (failed.length > 0) throw new SqsBatchError(action, failed.map(describe));
}

/** The dead-letter attributes that fit next to the body within SQS's message limit. */
function deadLetterAttributes(message: QueueMessage, reason: string): Record<string, MessageAttributeValue> {
  const count: Record<string, MessageAttributeValue> = {
    receive_count: { DataType: 'Number', StringValue: String(message.receiveCount) },
  };
  const withoutReason = sqsMessageBytes(message.body, { ...count, reason: { DataType: 'String' } });
  const room = Math.min(QUEUE_LIMITS.maxMessageBytes - withoutReason, 2000);
  let text = reason.slice(0, room);
  while (room > 0 && Buffer.byteLength(text, 'utf8') > room) text = text.slice(0, -1);
  if (room > 0 && text.length > 0) return { ...count, reason: { DataType: 'String', StringValue: text } };
  if (sqsMessageBytes(message.body, count) <= QUEUE_LIMITS.maxMessageBytes) return count;
  return {};
}

/** A Queue on Amazon SQS: long polling, batches of 10, receive counts, explicit dead-lettering. */
export class SqsQueue implements Queue {
  private readonly client: SQSClient;
  private readonly queueUrl: string;
  private readonly dlqUrl: string | undefined;
  private readonly visibilitySeconds: number | undefined;

  constructor(options: SqsQueueOptions) {
    this.client = options.client ?? new SQSClient({ region: options.region, endpoint: options.endpoint });
    this.queueUrl = options.queueUrl;
    this.dlqUrl = options.dlqUrl;
    this.visibilitySeconds = options.visibilitySeconds;
  }

  /** Sends in batches of at most 10 messages and 256 KiB; entries SQS fails are retried once, then thrown. */
  async send(bodies: string[]): Promise<void> {
    checkBodies(bodies);
    for (const batch of sendBatches(bodies)) {
      await withEntryRetry(
        'SendMessageBatch',
        batch.map(({ index, body }) => ({ Id: String(index), MessageBody: body })),
        (Entries) => this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries })),
        (entry) => `message #${entry.Id}`,
      );
    }
  }

  async receive(options: ReceiveOptions = {}): Promise<QueueMessage[]> {
    const out = await this.client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.queueUrl,
        MaxNumberOfMessages: Math.min(Math.max(options.max ?? 1, 1), QUEUE_LIMITS.batchSize),
        WaitTimeSeconds: Math.min(options.waitSeconds ?? 0, QUEUE_LIMITS.maxWaitSeconds),
        VisibilityTimeout: options.visibilitySeconds ?? this.visibilitySeconds,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
      { abortSignal: options.signal },
    );
    return (out.Messages ?? []).map((m) => ({
      id: m.MessageId ?? '',
      body: m.Body ?? '',
      receipt: m.ReceiptHandle ?? '',
      receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 1),
    }));
  }

  /** Deletes in batches of 10; entries SQS fails are retried once, then thrown with their receipts. */
  async delete(receipts: string[]): Promise<void> {
    for (const batch of chunk(receipts, QUEUE_LIMITS.batchSize)) {
      await withEntryRetry(
        'DeleteMessageBatch',
        batch.map((receipt, i) => ({ Id: String(i), ReceiptHandle: receipt })),
        (Entries) => this.client.send(new DeleteMessageBatchCommand({ QueueUrl: this.queueUrl, Entries })),
        (entry) => `receipt ${entry.ReceiptHandle.slice(0, 16)}…`,
      );
    }
  }

  async changeVisibility(receipt: string, seconds: number): Promise<void> {
    await this.client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: this.queueUrl,
        ReceiptHandle: receipt,
        VisibilityTimeout: Math.max(0, Math.min(seconds, 43_200)),
      }),
    );
  }

  /**
   * Sends the body unchanged to the dead-letter queue with `reason` and `receive_count` attributes,
   * then deletes the delivery. The reason is shortened, or the attributes left out, so that body
   * and attributes together stay within SQS's 256 KiB.
   */
  async deadLetter(message: QueueMessage, reason: string): Promise<void> {
    if (!this.dlqUrl) throw new Error('SCAN_DLQ_URL is not set: cannot dead-letter a message');
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.dlqUrl,
        MessageBody: message.body,
        MessageAttributes: deadLetterAttributes(message, reason),
      }),
    );
    await this.client.send(
      new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: message.receipt }),
    );
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
