import type { AdapterAwsCalls } from '../aws-call.ts';

/** The SQS queue adapter (`sqs-queue.ts`): each `Queue` operation's SDK commands and IAM actions. */
export const SQS_QUEUE_CALLS = {
  file: 'queue/sqs-queue.ts',
  operations: {
    send: [{ command: 'SendMessageBatchCommand', action: 'sqs:SendMessage', resource: 'scan-queue' }],
    receive: [{ command: 'ReceiveMessageCommand', action: 'sqs:ReceiveMessage', resource: 'scan-queue' }],
    delete: [{ command: 'DeleteMessageBatchCommand', action: 'sqs:DeleteMessage', resource: 'scan-queue' }],
    changeVisibility: [
      {
        command: 'ChangeMessageVisibilityCommand',
        action: 'sqs:ChangeMessageVisibility',
        resource: 'scan-queue',
      },
    ],
    deadLetter: [
      { command: 'SendMessageCommand', action: 'sqs:SendMessage', resource: 'dead-letter-queue' },
      { command: 'DeleteMessageCommand', action: 'sqs:DeleteMessage', resource: 'scan-queue' },
    ],
  },
} as const satisfies AdapterAwsCalls;
