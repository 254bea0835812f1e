import { SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { SqsBatchError, SqsQueue, sqsMessageBytes } from '../../src/queue/sqs-queue.ts';
import { type LocalSqs, startLocalSqs } from '../support/sqs-server.ts';
import { describeQueueContract } from './queue-contract.ts';

function client(endpoint: string): SQSClient {
  return new SQSClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

describeQueueContract('SQS adapter against a local SQS protocol endpoint', async () => {
  const sqs = await startLocalSqs();
  const queue = new SqsQueue({
    client: client(sqs.endpoint),
    queueUrl: sqs.queueUrl('scan'),
    dlqUrl: sqs.queueUrl('scan-dlq'),
  });
  return {
    queue,
    expire: async () => sqs.expireAll(),
    deadLetters: async () =>
      sqs.messages('scan-dlq').map((m) => ({
        body: m.body,
        reason: (m.attributes?.reason as { StringValue?: string } | undefined)?.StringValue ?? '',
      })),
    receiveWaiting: () => sqs.receiveWaiting(),
    teardown: async () => {
      await queue.close();
      await sqs.close();
    },
  };
});

describe('SqsQueue at the SQS boundary', () => {
  it('sends 25 messages as batches of at most 10 and asks for the receive count', async () => {
    const sqs = await startLocalSqs();
    try {
      const queue = new SqsQueue({
        client: client(sqs.endpoint),
        queueUrl: sqs.queueUrl('scan'),
        visibilitySeconds: 45,
      });
      await queue.send(Array.from({ length: 25 }, (_, i) => `m${i}`));
      await queue.receive({ max: 10, waitSeconds: 20 });
      const sends = sqs.calls.filter((c) => c.action === 'SendMessageBatch');
      expect(sends.map((c) => (c.input.Entries as unknown[]).length)).toEqual([10, 10, 5]);
      const receive = sqs.calls.find((c) => c.action === 'ReceiveMessage');
      expect(receive?.input).toMatchObject({
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 20,
        VisibilityTimeout: 45,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      });
    } finally {
      await sqs.close();
    }
  });

  it('refuses to dead-letter without a dead-letter queue URL', async () => {
    const sqs = await startLocalSqs();
    try {
      const queue = new SqsQueue({ client: client(sqs.endpoint), queueUrl: sqs.queueUrl('scan') });
      await queue.send(['x']);
      const [m] = await queue.receive();
      await expect(queue.deadLetter(m as NonNullable<typeof m>, 'bad')).rejects.toThrow(/SCAN_DLQ_URL/);
    } finally {
      await sqs.close();
    }
  });

  it('deletes more than 10 receipts as batches of at most 10', async () => {
    await withQueue(async (sqs, queue) => {
      await queue.send(Array.from({ length: 25 }, (_, i) => `m${i}`));
      const received = [];
      for (
        let batch = await queue.receive({ max: 10 });
        batch.length > 0;
        batch = await queue.receive({ max: 10 })
      )
        received.push(...batch);
      expect(received).toHaveLength(25);
      await queue.delete(received.map((m) => m.receipt));
      expect(entriesPerCall(sqs, 'DeleteMessageBatch')).toEqual([10, 10, 5]);
      sqs.expireAll();
      expect(sqs.messages('scan')).toEqual([]);
    });
  });

  it('retries the entries a send batch failed, once, without sending the others again', async () => {
    await withQueue(async (sqs, queue) => {
      sqs.failEntries('SendMessageBatch', { count: 2 });
      await queue.send(['a', 'b', 'c', 'd']);
      expect(entriesPerCall(sqs, 'SendMessageBatch')).toEqual([4, 2]);
      expect(
        sqs
          .messages('scan')
          .map((m) => m.body)
          .sort(),
      ).toEqual(['a', 'b', 'c', 'd']);
    });
  });

  it('throws naming the messages a send batch still failed after the retry', async () => {
    await withQueue(async (sqs, queue) => {
      sqs.failEntries('SendMessageBatch', { count: 2, times: 2, code: 'ServiceUnavailable' });
      const sent = queue.send(['a', 'b', 'c']);
      await expect(sent).rejects.toBeInstanceOf(SqsBatchError);
      await expect(sent).rejects.toThrow(
        /SendMessageBatch failed for 2 entries: message #0 \(ServiceUnavailable.*\); message #1 \(ServiceUnavailable/,
      );
      expect(sqs.messages('scan').map((m) => m.body)).toEqual(['c']);
    });
  });

  it('retries failed deletes once, and throws with the receipts when they fail again', async () => {
    await withQueue(async (sqs, queue) => {
      await queue.send(['a', 'b', 'c']);
      const received = await queue.receive({ max: 10 });
      sqs.failEntries('DeleteMessageBatch', { count: 1 });
      await queue.delete(received.slice(0, 2).map((m) => m.receipt));
      expect(entriesPerCall(sqs, 'DeleteMessageBatch')).toEqual([2, 1]);
      expect(sqs.messages('scan').map((m) => m.body)).toEqual(['c']);

      const last = received[2]?.receipt as string;
      sqs.failEntries('DeleteMessageBatch', { times: 2 });
      const deleted = queue.delete([last]);
      await expect(deleted).rejects.toThrow(`receipt ${last.slice(0, 16)}`);
      await expect(deleted).rejects.toMatchObject({
        failed: [{ code: 'InternalError', senderFault: false }],
      });
      expect(sqs.messages('scan').map((m) => m.body)).toEqual(['c']);
    });
  });

  it('does not retry entries SQS failed through the sender’s fault', async () => {
    await withQueue(async (sqs, queue) => {
      await queue.send(['a', 'b']);
      const received = await queue.receive({ max: 10 });
      sqs.failEntries('DeleteMessageBatch', { count: 1, senderFault: true, code: 'ReceiptHandleIsInvalid' });
      await expect(queue.delete(received.map((m) => m.receipt))).rejects.toThrow(/ReceiptHandleIsInvalid/);
      expect(entriesPerCall(sqs, 'DeleteMessageBatch')).toEqual([2]);
      expect(sqs.messages('scan')).toHaveLength(1);
    });
  });

  it('keeps each send batch within 256 KiB in all, not only 10 messages', async () => {
    await withQueue(async (sqs, queue) => {
      const big = (c: string) => c.repeat(100 * 1024);
      await queue.send([big('a'), big('b'), big('c'), 'small']);
      expect(entriesPerCall(sqs, 'SendMessageBatch')).toEqual([2, 2]);
      expect(sqs.messages('scan')).toHaveLength(4);
    });
  });

  it('dead-letters a message of the full 256 KiB: its attributes are cut to fit, the body is kept whole', async () => {
    await withQueue(async (sqs, queue) => {
      // 100 bytes to spare: receive_count and a cut reason fit, the reason's 2,000 characters do not.
      const body = 'x'.repeat(256 * 1024 - 100);
      await queue.send([body]);
      const [m] = await queue.receive();
      const reason = `poison: ${'why '.repeat(500)}`;
      await queue.deadLetter(m as NonNullable<typeof m>, reason);
      const [dead] = sqs.messages('scan-dlq');
      expect(dead?.body).toBe(body);
      const attributes = dead?.attributes as Record<string, { DataType: string; StringValue: string }>;
      expect(sqsMessageBytes(body, attributes)).toBeLessThanOrEqual(256 * 1024);
      expect(reason.startsWith(attributes.reason?.StringValue as string)).toBe(true);
      expect(attributes.reason?.StringValue).toMatch(/^poison: why/);
      expect(attributes.receive_count?.StringValue).toBe('1');
      expect(sqs.messages('scan')).toEqual([]);
    });
  });

  it('dead-letters a small message with its whole reason', async () => {
    await withQueue(async (sqs, queue) => {
      await queue.send(['{"type":"plan"}']);
      const [m] = await queue.receive();
      const reason = `poison: ${'why '.repeat(100)}`;
      await queue.deadLetter(m as NonNullable<typeof m>, reason);
      const attributes = sqs.messages('scan-dlq')[0]?.attributes as Record<string, { StringValue: string }>;
      expect(attributes.reason?.StringValue).toBe(reason);
    });
  });
});

async function withQueue(test: (sqs: LocalSqs, queue: SqsQueue) => Promise<void>): Promise<void> {
  const sqs = await startLocalSqs();
  const queue = new SqsQueue({
    client: client(sqs.endpoint),
    queueUrl: sqs.queueUrl('scan'),
    dlqUrl: sqs.queueUrl('scan-dlq'),
  });
  try {
    await test(sqs, queue);
  } finally {
    await queue.close();
    await sqs.close();
  }
}

function entriesPerCall(sqs: LocalSqs, action: string): number[] {
  return sqs.calls.filter((c) => c.action === action).map((c) => (c.input.Entries as unknown[]).length);
}
