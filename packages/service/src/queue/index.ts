export { type DeadLetter, PgQueue, type PgQueueOptions } from './pg-queue.ts';
export { SqsQueue, type SqsQueueOptions } from './sqs-queue.ts';
