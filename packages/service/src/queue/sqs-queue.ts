import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
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

  async send(bodies: string[]): Promise<void> {
    checkBodies(bodies);
    for (const batch of chunk(bodies, QUEUE_LIMITS.batchSize)) {
      const out = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((body, i) => ({ Id: String(i), MessageBody: body })),
        }),
      );
      if (out.Failed && out.Failed.length > 0) {
        const first = out.Failed[0];
        throw new Error(
          `SQS refused ${out.Failed.length} message(s): ${first?.Code ?? 'error'} ${first?.Message ?? ''}`,
        );
      }
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

  async delete(receipts: string[]): Promise<void> {
    for (const batch of chunk(receipts, QUEUE_LIMITS.batchSize)) {
      await this.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((receipt, i) => ({ Id: String(i), ReceiptHandle: receipt })),
        }),
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

  async deadLetter(message: QueueMessage, reason: string): Promise<void> {
    if (!this.dlqUrl) throw new Error('SCAN_DLQ_URL is not set: cannot dead-letter a message');
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.dlqUrl,
        MessageBody: message.body,
        MessageAttributes: {
          reason: { DataType: 'String', StringValue: reason.slice(0, 2000) },
          receive_count: { DataType: 'Number', StringValue: String(message.receiveCount) },
        },
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
