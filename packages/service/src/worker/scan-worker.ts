import { Loop } from '../loop.ts';
import type { QueueMessage } from '../ports/queue.ts';
import { processMessage, type WorkerDeps } from './job-processor.ts';
import { jobIdOf, PoisonMessageError, parseWorkMessage } from './messages.ts';

/** Queue settings the worker honours. */
export interface ScanWorkerOptions {
  visibilitySeconds: number;
  /** Deliveries after which a failing message is dead-lettered and its job failed. */
  maxReceives: number;
  waitSeconds: number;
  /** Idle pause after an empty receive or an error, in ms. @default 1000 */
  idleMs?: number;
}

/** Settles with `work`, or rejects as soon as `signal` aborts (work that ignores the signal is left behind). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Consumes work messages: receive → parse → plan or scan (with a visibility heartbeat) →
 * delete. Poison messages, and messages that failed `maxReceives` times, go to the dead-letter
 * queue and fail their job with the reason. `drain()` stops receiving and gives in-flight work a deadline.
 */
export class ScanWorker {
  private readonly loop: Loop<QueueMessage>;
  private readonly work = new AbortController();
  private inFlight: QueueMessage | undefined;

  constructor(
    private readonly deps: WorkerDeps,
    private readonly options: ScanWorkerOptions,
  ) {
    this.loop = new Loop<QueueMessage>({
      name: 'scan-worker',
      idleMs: options.idleMs ?? 1000,
      fetch: async (signal) => {
        const [message] = await deps.queue.receive({
          max: 1,
          waitSeconds: options.waitSeconds,
          visibilitySeconds: options.visibilitySeconds,
          signal,
        });
        return message;
      },
      handle: (message) => this.handle(message),
      onError: (err, message) => this.onError(err, message),
    });
  }

  start(): this {
    this.loop.start();
    return this;
  }

  private async handle(message: QueueMessage): Promise<void> {
    this.inFlight = message;
    await this.deps.taskProtection?.protect();
    const heartbeatMs = Math.max(this.options.visibilitySeconds * 1000 * 0.4, 200);
    const heartbeat = setInterval(() => {
      this.deps.queue.changeVisibility(message.receipt, this.options.visibilitySeconds).catch((err) => {
        this.deps.logger.warn({ err: describe(err), message_id: message.id }, 'visibility heartbeat failed');
      });
    }, heartbeatMs);
    try {
      if (message.receiveCount > this.options.maxReceives) {
        throw new PoisonMessageError(
          `message was received ${message.receiveCount} times without completing`,
          jobIdOf(message.body),
        );
      }
      const work = parseWorkMessage(message.body);
      const redelivered = message.receiveCount > 1;
      await untilAborted(
        processMessage(this.deps, work, this.work.signal, { redelivered }),
        this.work.signal,
      );
      await this.deps.queue.delete([message.receipt]);
    } finally {
      clearInterval(heartbeat);
      this.inFlight = undefined;
      await this.deps.taskProtection?.release();
    }
  }

  private async onError(err: unknown, message: QueueMessage | undefined): Promise<void> {
    const log = this.deps.logger;
    if (!message) {
      log.error({ err: describe(err) }, 'receive failed');
      return;
    }
    if (this.work.signal.aborted) {
      await this.deps.queue.changeVisibility(message.receipt, 0);
      log.warn({ message_id: message.id }, 'released in-flight message at the drain deadline');
      return;
    }
    const poison = err instanceof PoisonMessageError;
    if (!poison && message.receiveCount < this.options.maxReceives) {
      log.warn(
        { err: describe(err), message_id: message.id, receive_count: message.receiveCount },
        'work failed; will retry',
      );
      return;
    }
    const reason = poison
      ? describe(err)
      : `failed ${message.receiveCount} times, last error: ${describe(err)}`;
    const jobId = (poison ? err.jobId : undefined) ?? jobIdOf(message.body);
    await this.deps.queue.deadLetter(message, reason);
    if (jobId) await this.deps.jobs.failJob(jobId, reason);
    log.error({ message_id: message.id, job_id: jobId, reason }, 'message dead-lettered');
  }

  /**
   * Stops receiving; waits up to `deadlineMs` for the in-flight message, then aborts it and
   * makes it visible again at once, so another worker picks it up.
   */
  async drain(deadlineMs: number): Promise<void> {
    const stopped = this.loop.stop();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs);
    });
    const outcome = await Promise.race([stopped.then(() => 'done' as const), deadline]);
    clearTimeout(timer);
    if (outcome === 'deadline') {
      const message = this.inFlight;
      this.work.abort();
      if (message) await this.deps.queue.changeVisibility(message.receipt, 0).catch(() => undefined);
      await stopped;
    }
  }
}
