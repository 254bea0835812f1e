import pg from 'pg';

/** What a `PgListener` tells its owner. */
export interface PgListenerHandlers {
  /** A `NOTIFY` on the channel, with its payload. */
  onNotify(payload: string): void;
  /** The listener is (again) listening: notifications sent while it was away were missed. */
  onListening?(): void;
  /** The listener's connection failed or dropped; it reconnects on its own. */
  onLost?(err: unknown): void;
}

/**
 * One PostgreSQL `LISTEN` on its own connection (opened with `pool.options`, so it never takes a
 * pooled client). When the connection fails or drops it opens a new one after a backoff (0.5 s
 * doubling to 30 s). `listening` is true only while notifications are certain to arrive.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  /** True from `LISTEN` succeeding until the connection is lost. */
  listening = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    private readonly handlers: PgListenerHandlers,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
    this.connect();
  }

  private connect(): void {
    const client = new pg.Client(this.pool.options);
    this.client = client;
    const lost = (err: unknown) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.listening = false;
      client.end().catch(() => undefined);
      this.handlers.onLost?.(err);
      if (this.closed) return;
      const delay = Math.min(30_000, 500 * 2 ** this.failures++);
      this.retry = setTimeout(() => this.connect(), delay);
      this.retry.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('listener connection ended')));
    client.on('notification', (n) => this.handlers.onNotify(n.payload ?? ''));
    client
      .connect()
      .then(() => client.query(`LISTEN ${this.channel}`))
      .then(() => {
        if (this.client !== client) return;
        this.failures = 0;
        this.listening = true;
        this.handlers.onListening?.();
      }, lost);
  }

  /** Stops listening and closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
