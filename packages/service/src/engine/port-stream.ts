import type { MessagePort } from 'node:worker_threads';

/** Chunks the sender may have in flight before the receiver asks for more. */
export const WINDOW = 4;

/** What the sender posts: a chunk (its buffer transferred), the end, or the source's failure. */
export type StreamMessage = { chunk: Uint8Array } | { end: true } | { error: string };

/** What the receiver posts back: it took one chunk, or it stopped reading. */
export type CreditMessage = 'more' | 'stop';

/**
 * Sends a byte stream over a MessagePort with credit-based flow control: at most `WINDOW`
 * chunks are in flight, each copied into a buffer of its own and transferred (the source's
 * buffers may share a pool). Resolves when the stream ended or failed, the receiver stopped, or
 * `signal` aborted (the scan ended first).
 */
export async function sendStream(
  stream: AsyncIterable<Uint8Array>,
  port: MessagePort,
  signal: AbortSignal,
): Promise<void> {
  let credits = WINDOW;
  let stopped = signal.aborted;
  let wake: (() => void) | undefined;
  const onMessage = (message: CreditMessage) => {
    if (message === 'more') credits++;
    else stopped = true;
    wake?.();
  };
  const onAbort = () => {
    stopped = true;
    wake?.();
  };
  port.on('message', onMessage);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream) {
      while (credits === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
      if (stopped) return;
      credits--;
      const copy = new Uint8Array(chunk);
      port.postMessage({ chunk: copy } satisfies StreamMessage, [copy.buffer]);
    }
    if (!stopped) port.postMessage({ end: true } satisfies StreamMessage);
  } catch (err) {
    if (!stopped)
      port.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies StreamMessage);
  } finally {
    port.off('message', onMessage);
    signal.removeEventListener('abort', onAbort);
  }
}

/** The receiving end of `sendStream`: the chunks as an async iterable; ending it early tells the sender to stop. */
export function receiveStream(port: MessagePort): AsyncIterable<Uint8Array> {
  const queue: StreamMessage[] = [];
  let wake: (() => void) | undefined;
  port.on('message', (message: StreamMessage) => {
    queue.push(message);
    wake?.();
  });
  return {
    async *[Symbol.asyncIterator]() {
      let finished = false;
      try {
        for (;;) {
          const message = queue.shift();
          if (!message) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = undefined;
            continue;
          }
          if ('error' in message) throw new Error(message.error);
          if ('end' in message) {
            finished = true;
            return;
          }
          port.postMessage('more' satisfies CreditMessage);
          yield message.chunk;
        }
      } finally {
        if (!finished) port.postMessage('stop' satisfies CreditMessage);
        port.close();
      }
    },
  };
}
