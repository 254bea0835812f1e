import { EventEmitter, once } from 'node:events';
import pg from 'pg';
import { checkBodies, chunk, type Queue, type QueueMessage, type ReceiveOptions } from '../ports/queue.ts';
import type { Signals, Subscription } from '../ports/signals.ts';

/** Options of the PostgreSQL queue. */
export interface PgQueueOptions {
  /** Queue name; many queues share the `queue_messages` table. */
  name: string;
  /** @default 30 */
  visibilitySeconds?: number;
  /** Deliveries after which a message goes to `queue_dead_letters` instead (SQS redrive). @default none */
  maxReceives?: number;
  /** Short-poll interval while a long poll waits. @default 200, or 2000 with `listen` or `wakeups` */
  pollMs?: number;
  /**
   * Wake waiting receivers with LISTEN/NOTIFY instead of relying on polling alone (uses one
   * extra connection per queue object; call `close()`). @default false
   */
  listen?: boolean;
  /**
   * Wake waiting receivers through these signals (Redis pub/sub, across processes): a send
   * signals the queue's channel, and receivers of the same queue elsewhere wake at once. Call `close()`.
   * @default none
   */
  wakeups?: Signals;
}

const CHANNEL = 'data_scanner_queue';

/** The wake-up channel of a queue. */
export const queueChannel = (name: string) => `data-scanner:queue:${name}`;

/** A dead-lettered message, as kept in `queue_dead_letters`. */
export interface DeadLetter {
  messageId: string;
  body: string;
  receiveCount: number;
  reason: string;
}

/**
 * A queue with SQS semantics in one PostgreSQL table: `FOR UPDATE SKIP LOCKED` hands each
 * message to one consumer, `visible_at` is the visibility timeout, each delivery gets a new
 * receipt (a stale receipt deletes nothing), and over-received messages move to the dead-letter table.
 */
export class PgQueue implements Queue {
  private readonly name: string;
  private readonly visibilitySeconds: number;
  private readonly maxReceives: number | undefined;
  private readonly pollMs: number;
  private readonly wake = new EventEmitter();
  private readonly listens: boolean;
  private listener: pg.Client | undefined;
  private listenFailures = 0;
  private relisten: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly wakeups: Signals | undefined;
  /** Made at the first receive, so a queue that only sends never subscribes. */
  private subscription: Subscription | undefined;

  constructor(
    private readonly pool: pg.Pool,
    options: PgQueueOptions,
  ) {
    this.name = options.name;
    this.visibilitySeconds = options.visibilitySeconds ?? 30;
    this.maxReceives = options.maxReceives;
    this.pollMs = options.pollMs ?? (options.listen || options.wakeups ? 2000 : 200);
    this.wake.setMaxListeners(0);
    this.wakeups = options.wakeups;
    this.listens = options.listen ?? false;
    if (this.listens) this.listen();
  }

  /**
   * Opens the LISTEN connection; when it fails or drops (a PostgreSQL restart), opens it again
   * after a backoff (0.5 s doubling to 30 s). A lost listener only costs latency: receivers still poll.
   */
  private listen(): void {
    const client = new pg.Client(this.pool.options);
    this.listener = client;
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.end().catch(() => undefined);
      if (this.closed) return;
      const delay = Math.min(30_000, 500 * 2 ** this.listenFailures++);
      this.relisten = setTimeout(() => this.listen(), delay);
      this.relisten.unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.payload === this.name) this.wake.emit('message');
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        this.listenFailures = 0;
        // Messages sent while the listener was away woke nobody.
        this.wake.emit('message');
      }, lost);
  }

  private async notify(): Promise<void> {
    if (this.listens) await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, this.name]);
    await this.wakeups?.publish(queueChannel(this.name));
  }

  /** Waits for a NOTIFY for this queue, the poll interval, or the abort signal, whichever comes first. */
  private async pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    const timeout = AbortSignal.timeout(ms);
    const stop = signal ? AbortSignal.any([signal, timeout]) : timeout;
    await once(this.wake, 'message', { signal: stop }).catch(() => undefined);
  }

  /** Stops listening for notifications. */
  async close(): Promise<void> {
    this.subscription?.close();
    this.subscription = undefined;
    this.closed = true;
    clearTimeout(this.relisten);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  async send(bodies: string[]): Promise<void> {
    checkBodies(bodies);
    for (const batch of chunk(bodies, 500)) {
      await this.pool.query('INSERT INTO queue_messages (queue, body) SELECT $1, unnest($2::text[])', [
        this.name,
        batch,
      ]);
    }
    await this.notify();
  }

  async receive(options: ReceiveOptions = {}): Promise<QueueMessage[]> {
    const max = Math.min(Math.max(options.max ?? 1, 1), 10);
    const deadline = Date.now() + Math.min(options.waitSeconds ?? 0, 20) * 1000;
    this.subscription ??= this.wakeups?.subscribe(queueChannel(this.name), () => this.wake.emit('message'));
    for (;;) {
      options.signal?.throwIfAborted();
      const messages = await this.tryReceive(max, options.visibilitySeconds ?? this.visibilitySeconds);
      if (messages.length > 0 || Date.now() >= deadline) return messages;
      await this.pause(Math.max(Math.min(this.pollMs, deadline - Date.now()), 1), options.signal);
    }
  }

  private async tryReceive(max: number, visibilitySeconds: number): Promise<QueueMessage[]> {
    if (this.maxReceives !== undefined) {
      await this.pool.query(
        `WITH dead AS (
           DELETE FROM queue_messages WHERE id IN (
             SELECT id FROM queue_messages
             WHERE queue = $1 AND visible_at <= now() AND receive_count >= $2
             ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED)
           RETURNING *)
         INSERT INTO queue_dead_letters (queue, message_id, body, receive_count, reason, created_at)
         SELECT queue, id, body, receive_count, 'received ' || receive_count || ' times without being deleted', created_at
         FROM dead`,
        [this.name, this.maxReceives],
      );
    }
    const { rows } = await this.pool.query(
      `WITH next AS (
         SELECT id FROM queue_messages
         WHERE queue = $1 AND visible_at <= now() AND ($4::int IS NULL OR receive_count < $4)
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE queue_messages m
       SET receive_count = m.receive_count + 1, receipt = gen_random_uuid(),
           visible_at = now() + make_interval(secs => $3), first_received_at = coalesce(m.first_received_at, now())
       FROM next WHERE m.id = next.id
       RETURNING m.id, m.body, m.receipt, m.receive_count`,
      [this.name, max, visibilitySeconds, this.maxReceives ?? null],
    );
    return rows
      .map((r) => ({ id: String(r.id), body: r.body, receipt: r.receipt, receiveCount: r.receive_count }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  async delete(receipts: string[]): Promise<void> {
    if (receipts.length === 0) return;
    await this.pool.query('DELETE FROM queue_messages WHERE queue = $1 AND receipt::text = ANY($2::text[])', [
      this.name,
      receipts,
    ]);
  }

  async changeVisibility(receipt: string, seconds: number): Promise<void> {
    await this.pool.query(
      `UPDATE queue_messages SET visible_at = now() + make_interval(secs => $3)
       WHERE queue = $1 AND receipt::text = $2`,
      [this.name, receipt, Math.max(seconds, 0)],
    );
    if (seconds <= 0) await this.notify();
  }

  async deadLetter(message: QueueMessage, reason: string): Promise<void> {
    await this.pool.query(
      `WITH dead AS (DELETE FROM queue_messages WHERE queue = $1 AND receipt::text = $2 RETURNING *)
       INSERT INTO queue_dead_letters (queue, message_id, body, receive_count, reason, created_at)
       SELECT queue, id, body, receive_count, $3, created_at FROM dead`,
      [this.name, message.receipt, reason.slice(0, 2000)],
    );
  }

  /** Dead-lettered messages of this queue, oldest first. */
  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query(
      `SELECT message_id, body, receive_count, reason FROM queue_dead_letters WHERE queue = $1 ORDER BY id LIMIT $2`,
      [this.name, limit],
    );
    return rows.map((r) => ({
      messageId: String(r.message_id),
      body: r.body,
      receiveCount: r.receive_count,
      reason: r.reason,
    }));
  }

  /** Messages waiting or in flight (queue depth, for scaling and tests). */
  async depth(): Promise<number> {
    const { rows } = await this.pool.query('SELECT count(*)::int AS n FROM queue_messages WHERE queue = $1', [
      this.name,
    ]);
    return rows[0].n;
  }
}
