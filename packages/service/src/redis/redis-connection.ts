import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../log.ts';

/** Where Redis is and how to reach it (`Config['redis']` once a URL is set). */
export interface RedisSettings {
  /** `redis://host:port[/db]` or `rediss://…` */
  url: string;
  /** ElastiCache auth token (the default user's password). */
  authToken: string | undefined;
  tls: boolean;
}

/** Options of a RedisConnection. */
export interface RedisConnectionOptions {
  logger: Logger;
  /** Names the connections (`CLIENT SETNAME data-scanner-<name>-…`). @default 'service' */
  name?: string;
  /** Least time between two "Redis unavailable" warnings. @default 30000 */
  warnIntervalMs?: number;
  /** Clock of the warning interval and the cool-down. @default Date.now */
  now?: () => number;
}

/** A command that takes longer than this fails, and the caller falls back. */
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2000;
const MAX_RECONNECT_DELAY_MS = 2000;
/** After a failed command, callers skip Redis this long instead of waiting on it again. */
const COOL_DOWN_MS = 1000;

/**
 * ioredis options that never let a dead Redis hold a request: no offline queue (a command fails at
 * once while disconnected), a short command timeout, one retry, and reconnection forever.
 * The token comes from `REDIS_AUTH_TOKEN` (or the URL); TLS as `REDIS_TLS` says.
 */
export function redisOptions(settings: RedisSettings, connectionName: string): RedisOptions {
  const url = new URL(settings.url);
  const password = settings.authToken ?? (url.password ? decodeURIComponent(url.password) : undefined);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 6379,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(password ? { password } : {}),
    ...(settings.tls ? { tls: {} } : {}),
    connectionName,
    // RESP2 and plain `AUTH <token>`: what every ElastiCache engine version accepts.
    protocol: 2,
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    autoResubscribe: false,
    retryStrategy: (times) => Math.min(times * 200, MAX_RECONNECT_DELAY_MS),
  };
}

/**
 * The Redis connections of one process role: one for commands and, made on first use, one for
 * SUBSCRIBE. Tracks whether Redis is usable, so callers fall back at once instead of waiting, and
 * logs an outage once per interval rather than per request.
 */
export class RedisConnection {
  readonly client: Redis;
  private subscriberClient: Redis | undefined;
  private readonly logger: Logger;
  private readonly name: string;
  private readonly warnIntervalMs: number;
  private readonly now: () => number;
  private coolUntil = 0;
  private warnedAt = Number.NEGATIVE_INFINITY;
  private suppressed = 0;
  private down = false;
  private closing = false;

  constructor(
    private readonly settings: RedisSettings,
    options: RedisConnectionOptions,
  ) {
    this.name = options.name ?? 'service';
    this.logger = options.logger.child({ component: 'redis' });
    this.warnIntervalMs = options.warnIntervalMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.client = new Redis(redisOptions(settings, `data-scanner-${this.name}`));
    this.client.on('error', (err: Error) => this.failed(err));
    this.client.on('close', () => {
      if (!this.closing) this.failed(new Error('connection to redis closed'));
    });
    this.client.on('ready', () => this.recovered());
  }

  /** False while disconnected and shortly after a failed command: use the fallback without trying. */
  get usable(): boolean {
    return this.client.status === 'ready' && this.now() >= this.coolUntil;
  }

  /** Resolves when the command connection is ready (tests, benchmarks). */
  async whenReady(): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve) => this.client.once('ready', () => resolve()));
  }

  /** The SUBSCRIBE connection. Unlike commands, subscriptions wait for the connection. */
  subscriber(): Redis {
    if (!this.subscriberClient) {
      const client = new Redis({
        ...redisOptions(this.settings, `data-scanner-${this.name}-subscriber`),
        enableOfflineQueue: true,
      });
      client.on('error', (err: Error) => this.warn(err));
      this.subscriberClient = client;
    }
    return this.subscriberClient;
  }

  /** Records a failed command or connection: callers skip Redis for a moment; warns once per interval. */
  failed(err: unknown): void {
    this.down = true;
    this.coolUntil = this.now() + COOL_DOWN_MS;
    this.warn(err);
  }

  private warn(err: unknown): void {
    const now = this.now();
    if (now - this.warnedAt < this.warnIntervalMs) {
      this.suppressed += 1;
      return;
    }
    this.warnedAt = now;
    this.logger.warn(
      { err: err instanceof Error ? err.message : String(err), suppressed: this.suppressed },
      'redis unavailable: rate limits in-process, cache bypassed, wake-ups by polling',
    );
    this.suppressed = 0;
  }

  private recovered(): void {
    this.coolUntil = 0;
    if (!this.down) return;
    this.down = false;
    this.logger.info('redis reachable again');
  }

  /** Closes both connections; pending commands fail (their callers fall back). */
  async close(): Promise<void> {
    this.closing = true;
    this.client.disconnect();
    this.subscriberClient?.disconnect();
  }
}
