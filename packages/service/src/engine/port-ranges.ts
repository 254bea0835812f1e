import type { MessagePort } from 'node:worker_threads';
import type { RandomAccess } from '@data-scanner/detect';

/** A scan thread's request for bytes `[start, end)` of its object. */
interface RangeRequest {
  id: number;
  start: number;
  end: number;
}

/** The answer: the bytes (their buffer transferred) or why they could not be read. */
type RangeReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/**
 * Answers a scan thread's range reads over `port` from `random` (an S3 `Range` request, a file
 * read) on the calling thread, so the thread reads a Parquet footer and column chunks by range
 * instead of spooling the object. Stops answering when `signal` aborts.
 */
export function serveRanges(random: RandomAccess, port: MessagePort, signal: AbortSignal): void {
  const onMessage = ({ id, start, end }: RangeRequest) => {
    random.read(start, end).then(
      (bytes) => {
        if (signal.aborted) return;
        const copy = new Uint8Array(bytes);
        port.postMessage({ id, bytes: copy } satisfies RangeReply, [copy.buffer]);
      },
      (err: unknown) => {
        if (!signal.aborted)
          port.postMessage({
            id,
            error: err instanceof Error ? err.message : String(err),
          } satisfies RangeReply);
      },
    );
  };
  port.on('message', onMessage);
  signal.addEventListener('abort', () => port.off('message', onMessage), { once: true });
}

/** The thread's side of `serveRanges`: random access to an object of `size` bytes. */
export function rangeAccess(port: MessagePort, size: number): RandomAccess {
  const waiting = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  let next = 0;
  port.on('message', (reply: RangeReply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if ('bytes' in reply) pending.resolve(reply.bytes);
    else pending.reject(new Error(reply.error));
  });
  return {
    size,
    read(start, end) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        port.postMessage({ id, start, end } satisfies RangeRequest);
      });
    },
  };
}
