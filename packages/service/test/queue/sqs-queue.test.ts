import { SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { SqsQueue } from '../../src/queue/sqs-queue.ts';
import { startLocalSqs } from '../support/sqs-server.ts';
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
});
