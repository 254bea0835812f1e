import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface StoredMessage {
  id: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
  receipt?: string;
  attributes?: Record<string, unknown>;
}

/** One request the server answered: the SQS action and its JSON input. */
export interface SqsCall {
  action: string;
  input: Record<string, unknown>;
}

/** Batch actions whose entries can be made to fail on demand. */
export type BatchAction = 'SendMessageBatch' | 'DeleteMessageBatch';

/** How `failEntries` fails entries: SQS reports them in `Failed` and does not apply them. */
export interface EntryFailure {
  /** Calls of the action that fail entries. @default 1 */
  times?: number;
  /** Entries that fail in each such call, counted from the first. @default all */
  count?: number;
  /** @default 'InternalError' */
  code?: string;
  /** True for a caller's mistake (not worth retrying). @default false */
  senderFault?: boolean;
}

/** A local SQS endpoint on 127.0.0.1 speaking the JSON 1.0 protocol for the calls the adapter makes. */
export interface LocalSqs {
  endpoint: string;
  queueUrl(name: string): string;
  calls: SqsCall[];
  /** Ends every delivery's invisibility now (instead of waiting out the timeout). */
  expireAll(): void;
  messages(name: string): StoredMessage[];
  /** Makes the next call(s) of a batch action report entries as `Failed`. */
  failEntries(action: BatchAction, failure?: EntryFailure): void;
  /** Resolves once a ReceiveMessage call has found nothing ready and is long-polling (at once if one is). */
  receiveWaiting(): Promise<void>;
  close(): Promise<void>;
}

/** SQS's limit on one message and on a whole batch: body plus attribute names, types and values. */
export const SQS_MAX_BYTES = 256 * 1024;

function messageBytes(body: string, attributes: unknown): number {
  let bytes = Buffer.byteLength(body, 'utf8');
  for (const [name, value] of Object.entries((attributes ?? {}) as Record<string, Record<string, string>>)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '');
    bytes += Buffer.byteLength(value.StringValue ?? '');
  }
  return bytes;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/**
 * Starts a small SQS protocol server: SendMessage(Batch), ReceiveMessage (long poll),
 * DeleteMessage(Batch), ChangeMessageVisibility. It enforces SQS's 10-per-batch limit and its
 * 256 KiB limit on a message (attributes included) and on a batch.
 */
export async function startLocalSqs(): Promise<LocalSqs> {
  const queues = new Map<string, StoredMessage[]>();
  const calls: SqsCall[] = [];
  const failures = new Map<BatchAction, EntryFailure[]>();
  let polling = 0;
  let onPolling: (() => void)[] = [];
  /** Splits a batch call's entries into those to apply and those reported as failed. */
  const split = <E extends { Id: string }>(action: BatchAction, entries: E[]) => {
    const failure = failures.get(action)?.shift();
    const failing = failure ? entries.slice(0, failure.count ?? entries.length) : [];
    const Failed = failing.map((e) => ({
      Id: e.Id,
      SenderFault: failure?.senderFault ?? false,
      Code: failure?.code ?? 'InternalError',
      Message: 'injected failure',
    }));
    return { apply: entries.slice(failing.length), Failed };
  };
  const tooLong = (bytes: number, type: string) =>
    bytes > SQS_MAX_BYTES
      ? { status: 400, body: { __type: `com.amazonaws.sqs#${type}`, message: `${bytes} bytes` } }
      : null;
  const queueOf = (url: unknown): StoredMessage[] => {
    const name = String(url).split('/').pop() ?? '';
    let q = queues.get(name);
    if (!q) {
      q = [];
      queues.set(name, q);
    }
    return q;
  };
  const tooMany = (entries: unknown[]) =>
    entries.length > 10
      ? { status: 400, body: { __type: 'com.amazonaws.sqs#TooManyEntriesInBatchRequest' } }
      : null;

  async function handle(
    action: string,
    input: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }> {
    const q = queueOf(input.QueueUrl);
    switch (action) {
      case 'SendMessage': {
        const refused = tooLong(
          messageBytes(String(input.MessageBody), input.MessageAttributes),
          'InvalidParameterValue',
        );
        if (refused) return refused;
        const id = randomUUID();
        q.push({
          id,
          body: String(input.MessageBody),
          receiveCount: 0,
          visibleAt: 0,
          attributes: input.MessageAttributes as Record<string, unknown>,
        });
        return { status: 200, body: { MessageId: id, MD5OfMessageBody: md5(String(input.MessageBody)) } };
      }
      case 'SendMessageBatch': {
        const entries = input.Entries as { Id: string; MessageBody: string; MessageAttributes?: unknown }[];
        const refused =
          tooMany(entries) ??
          tooLong(
            entries.reduce((sum, e) => sum + messageBytes(e.MessageBody, e.MessageAttributes), 0),
            'BatchRequestTooLong',
          );
        if (refused) return refused;
        const { apply, Failed } = split('SendMessageBatch', entries);
        const Successful = apply.map((e) => {
          const id = randomUUID();
          q.push({
            id,
            body: e.MessageBody,
            receiveCount: 0,
            visibleAt: 0,
            attributes: e.MessageAttributes as Record<string, unknown>,
          });
          return { Id: e.Id, MessageId: id, MD5OfMessageBody: md5(e.MessageBody) };
        });
        return { status: 200, body: { Successful, Failed } };
      }
      case 'ReceiveMessage': {
        const max = Number(input.MaxNumberOfMessages ?? 1);
        if (max > 10) return { status: 400, body: { __type: 'com.amazonaws.sqs#InvalidParameterValue' } };
        const deadline = Date.now() + Number(input.WaitTimeSeconds ?? 0) * 1000;
        for (;;) {
          const now = Date.now();
          const ready = q.filter((m) => m.visibleAt <= now).slice(0, max);
          if (ready.length > 0 || now >= deadline) {
            const visibility = Number(input.VisibilityTimeout ?? 30);
            const Messages = ready.map((m) => {
              m.receiveCount += 1;
              m.receipt = randomUUID();
              m.visibleAt = now + visibility * 1000;
              return {
                MessageId: m.id,
                ReceiptHandle: m.receipt,
                Body: m.body,
                MD5OfBody: md5(m.body),
                Attributes: { ApproximateReceiveCount: String(m.receiveCount) },
              };
            });
            return { status: 200, body: Messages.length > 0 ? { Messages } : {} };
          }
          polling += 1;
          for (const resolve of onPolling) resolve();
          onPolling = [];
          await new Promise((r) => setTimeout(r, 20));
          polling -= 1;
        }
      }
      case 'DeleteMessage': {
        const i = q.findIndex((m) => m.receipt === input.ReceiptHandle);
        if (i >= 0) q.splice(i, 1);
        return { status: 200, body: {} };
      }
      case 'DeleteMessageBatch': {
        const entries = input.Entries as { Id: string; ReceiptHandle: string }[];
        const refused = tooMany(entries);
        if (refused) return refused;
        const { apply, Failed } = split('DeleteMessageBatch', entries);
        for (const e of apply) {
          const i = q.findIndex((m) => m.receipt === e.ReceiptHandle);
          if (i >= 0) q.splice(i, 1);
        }
        return { status: 200, body: { Successful: apply.map((e) => ({ Id: e.Id })), Failed } };
      }
      case 'ChangeMessageVisibility': {
        const m = q.find((x) => x.receipt === input.ReceiptHandle);
        if (m) m.visibleAt = Date.now() + Number(input.VisibilityTimeout) * 1000;
        return { status: 200, body: {} };
      }
      default:
        return { status: 400, body: { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: action } };
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const action = String(req.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      calls.push({ action, input });
      handle(action, input).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    queueUrl: (name) => `${endpoint}/000000000000/${name}`,
    calls,
    expireAll: () => {
      for (const q of queues.values()) for (const m of q) m.visibleAt = 0;
    },
    messages: (name) => queues.get(name) ?? [],
    failEntries: (action, failure = {}) => {
      const queued = failures.get(action) ?? [];
      for (let i = 0; i < (failure.times ?? 1); i++) queued.push(failure);
      failures.set(action, queued);
    },
    receiveWaiting: () =>
      polling > 0 ? Promise.resolve() : new Promise<void>((resolve) => onPolling.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
