/** The SQS queue adapter (`sqs-queue.ts`): each `Queue` operation's SDK commands and IAM actions. */
export declare const SQS_QUEUE_CALLS: {
    readonly file: "queue/sqs-queue.ts";
    readonly operations: {
        readonly send: readonly [{
            readonly command: "SendMessageBatchCommand";
            readonly action: "sqs:SendMessage";
            readonly resource: "scan-queue";
        }];
        readonly receive: readonly [{
            readonly command: "ReceiveMessageCommand";
            readonly action: "sqs:ReceiveMessage";
            readonly resource: "scan-queue";
        }];
        readonly delete: readonly [{
            readonly command: "DeleteMessageBatchCommand";
            readonly action: "sqs:DeleteMessage";
            readonly resource: "scan-queue";
        }];
        readonly changeVisibility: readonly [{
            readonly command: "ChangeMessageVisibilityCommand";
            readonly action: "sqs:ChangeMessageVisibility";
            readonly resource: "scan-queue";
        }];
        readonly deadLetter: readonly [{
            readonly command: "SendMessageCommand";
            readonly action: "sqs:SendMessage";
            readonly resource: "dead-letter-queue";
        }, {
            readonly command: "DeleteMessageCommand";
            readonly action: "sqs:DeleteMessage";
            readonly resource: "scan-queue";
        }];
    };
};
