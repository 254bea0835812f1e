import { EventEmitter } from 'node:events';
import type { Signals, Subscription } from '../ports/signals.ts';

/** Signals within this process only (no Redis): other processes never hear them. */
export class MemorySignals implements Signals {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string): Promise<void> {
    this.emitter.emit(channel);
  }

  subscribe(channel: string, listener: () => void): Subscription {
    this.emitter.on(channel, listener);
    return { ready: Promise.resolve(true), close: () => this.emitter.off(channel, listener) };
  }
}
