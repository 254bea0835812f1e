import { setTimeout as sleep } from 'node:timers/promises';

/** The three functions a loop runs: fetch work, handle it, report a failed iteration. */
export interface LoopOptions<T> {
  name: string;
  /** Returns the next work item, or undefined when there is none (the loop then idles). */
  fetch(signal: AbortSignal): Promise<T | undefined>;
  handle(item: T, signal: AbortSignal): Promise<void>;
  /** Called with the error of a failed iteration (and the item, when fetch succeeded); the loop keeps running. */
  onError(err: unknown, item: T | undefined): Promise<void> | void;
  /** Pause after an empty fetch or an error. @default 1000 */
  idleMs?: number;
  /**
   * Longest pause after consecutive failed iterations: the pause doubles from `idleMs` with each
   * failure (a database restarting, a queue unreachable) and is back to `idleMs` after a success.
   * @default 10000
   */
  maxBackoffMs?: number;
}

/**
 * A long-running fetch/handle loop (worker, scheduler, notifier). Errors are caught per
 * iteration; `stop()` cuts a pending fetch or idle sleep short and resolves when the loop has ended.
 */
export class Loop<T> {
  private readonly controller = new AbortController();
  private running: Promise<void> | undefined;

  constructor(private readonly options: LoopOptions<T>) {}

  /** The signal aborted by `stop()`; handlers may pass it to long operations. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  start(): this {
    this.running ??= this.run();
    return this;
  }

  private async run(): Promise<void> {
    const { signal } = this.controller;
    const idleMs = this.options.idleMs ?? 1000;
    let failures = 0;
    while (!signal.aborted) {
      let item: T | undefined;
      let idle = false;
      try {
        item = await this.options.fetch(signal);
        if (item === undefined) idle = true;
        else await this.options.handle(item, signal);
        failures = 0;
      } catch (err) {
        if (signal.aborted && item === undefined) break;
        idle = true;
        failures++;
        try {
          await this.options.onError(err, item);
        } catch {
          // onError must not end the loop.
        }
      }
      if (idle && !signal.aborted) {
        const pause =
          failures === 0
            ? idleMs
            : Math.min(idleMs * 2 ** (failures - 1), Math.max(idleMs, this.options.maxBackoffMs ?? 10_000));
        await sleep(pause, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  /** Stops fetching and waits for the current iteration to end. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }
}
