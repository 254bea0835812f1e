import type { Redis } from 'ioredis';
import type { Signals, Subscription } from '../ports/signals.ts';
import type { RedisConnection } from '../redis/redis-connection.ts';

/**
 * Signals on Redis pub/sub, across processes. One SUBSCRIBE per channel however many listeners this
 * process has; every channel with listeners is subscribed again after a reconnection.
 */
export class RedisSignals implements Signals {
  private readonly listeners = new Map<string, Set<() => void>>();
  /** Channels subscribed (or being subscribed) on the current subscriber connection. */
  private readonly live = new Map<string, Promise<boolean>>();
  private client: Redis | undefined;

  constructor(private readonly connection: RedisConnection) {}

  async publish(channel: string): Promise<void> {
    if (!this.connection.usable) return;
    await this.connection.client.publish(channel, '').catch((err) => this.connection.failed(err));
  }

  subscribe(channel: string, listener: () => void): Subscription {
    const client = this.subscriber();
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
    }
    listeners.add(listener);
    let ready = this.live.get(channel);
    if (!ready) {
      ready = this.send(client, channel);
      this.live.set(channel, ready);
    }
    return { ready, close: () => this.remove(channel, listener) };
  }

  private subscriber(): Redis {
    if (this.client) return this.client;
    const client = this.connection.subscriber();
    client.on('message', (channel: string) => {
      for (const listener of this.listeners.get(channel) ?? []) listener();
    });
    client.on('close', () => this.live.clear());
    client.on('ready', () => {
      for (const channel of this.listeners.keys()) {
        if (!this.live.has(channel)) this.live.set(channel, this.send(client, channel));
      }
    });
    this.client = client;
    return client;
  }

  private send(client: Redis, channel: string): Promise<boolean> {
    const sent: Promise<boolean> = client.subscribe(channel).then(
      () => true,
      () => {
        if (this.live.get(channel) === sent) this.live.delete(channel);
        return false;
      },
    );
    return sent;
  }

  private remove(channel: string, listener: () => void): void {
    const listeners = this.listeners.get(channel);
    if (!listeners?.delete(listener) || listeners.size > 0) return;
    this.listeners.delete(channel);
    this.live.delete(channel);
    if (this.client?.status === 'ready') this.client.unsubscribe(channel).catch(() => undefined);
  }
}
