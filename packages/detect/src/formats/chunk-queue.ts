/**
 * Bridges a push-based decoder (fflate) to an async consumer with backpressure: the producer
 * pushes, then awaits `drained()` before pushing more, so at most one batch is buffered.
 */
export class ChunkQueue implements AsyncIterable<Uint8Array> {
  private items: Uint8Array[] = [];
  private ended = false;
  private failure: Error | undefined;
  private waiting = false;
  private closed = false;
  private wake: (() => void) | undefined;
  private drainWaiters: (() => void)[] = [];

  push(chunk: Uint8Array): void {
    if (this.closed) return;
    this.items.push(chunk);
    this.signal();
  }

  end(error?: Error): void {
    this.ended = true;
    this.failure = error;
    this.signal();
  }

  /** Resolves once the consumer took everything and waits for more, or stopped reading. */
  drained(): Promise<void> {
    if (this.closed || (this.waiting && this.items.length === 0)) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private notifyDrained(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const w of waiters) w();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    try {
      while (true) {
        const next = this.items.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (this.failure) throw this.failure;
        if (this.ended) return;
        this.waiting = true;
        this.notifyDrained();
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.waiting = false;
      }
    } finally {
      this.closed = true;
      this.items = [];
      this.notifyDrained();
    }
  }
}
