import type { Logger } from '../log.ts';
import { Loop } from '../loop.ts';
import { type ChannelName, type NotificationChannel, PermanentDeliveryError } from './channel.ts';
import type { JobEvent } from './job-event.ts';
import type { PgNotificationSettings } from './notification-settings.ts';
import type { ClaimedDelivery, PgOutbox } from './outbox-repository.ts';

export interface NotifierOptions {
  /** Attempts before a delivery is dead. @default 8 */
  maxAttempts?: number;
  /** First retry delay in seconds, doubled per attempt (with jitter). @default 10 */
  backoffSeconds?: number;
  /** @default 3600 */
  maxBackoffSeconds?: number;
  /** Pause when there is nothing to do. @default 5 */
  pollSeconds?: number;
  /** How long a claimed delivery stays hidden from other notifiers. @default 120 */
  leaseSeconds?: number;
  /** Deliveries sent at once. @default 10 */
  batchSize?: number;
}

export interface NotifierDeps {
  outbox: PgOutbox;
  settings: PgNotificationSettings;
  /** The channels this deployment can send on; a tenant's channel missing here is dead with a reason. */
  channels: NotificationChannel[];
  logger: Logger;
  /** Work for every finished job besides messages (the PDF report); a failure is logged, not retried. */
  onJobFinished?: (event: JobEvent) => Promise<void>;
}

const UNAVAILABLE: Record<ChannelName, string> = {
  webhook: 'webhooks are not enabled on this deployment',
  email: 'email is not configured on this deployment (set NOTIFY_EMAIL_FROM, and SMTP_URL for SMTP)',
  sms: 'SMS is not enabled on this deployment (set NOTIFY_SMS_ENABLED=true)',
};

/** Delay before attempt `attempt + 1`: exponential, capped, with up to 20 % jitter either way. */
export function backoffSeconds(attempt: number, base: number, max: number, random = Math.random): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/**
 * The notifier role: dispatches outbox events into per-channel deliveries, then sends due
 * deliveries with retries and exponential backoff, marking a delivery (and its event) dead with the
 * reason after `maxAttempts`. Delivery is at least once; the event id in every message
 * (`X-Data-Scanner-Delivery` on webhooks) lets a receiver drop a repeat.
 */
export class Notifier {
  private readonly options: Required<NotifierOptions>;
  private readonly channels: Map<ChannelName, NotificationChannel>;
  private readonly loop: Loop<ClaimedDelivery[]>;

  constructor(
    private readonly deps: NotifierDeps,
    options: NotifierOptions = {},
  ) {
    this.options = {
      maxAttempts: options.maxAttempts ?? 8,
      backoffSeconds: options.backoffSeconds ?? 10,
      maxBackoffSeconds: options.maxBackoffSeconds ?? 3600,
      pollSeconds: options.pollSeconds ?? 5,
      leaseSeconds: options.leaseSeconds ?? 120,
      batchSize: options.batchSize ?? 10,
    };
    this.channels = new Map(deps.channels.map((c) => [c.name, c]));
    this.loop = new Loop<ClaimedDelivery[]>({
      name: 'notifier',
      idleMs: this.options.pollSeconds * 1000,
      fetch: async () => {
        await this.dispatch();
        const due = await this.deps.outbox.claimDue(this.options.batchSize, this.options.leaseSeconds);
        return due.length > 0 ? due : undefined;
      },
      handle: (due) => this.deliver(due),
      onError: (err) => this.deps.logger.error({ err }, 'notifier iteration failed'),
    });
  }

  start(): this {
    this.loop.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** One pass: dispatch pending events, then send every delivery now due. Returns the deliveries tried. */
  async runOnce(): Promise<number> {
    await this.dispatch();
    const due = await this.deps.outbox.claimDue(this.options.batchSize, this.options.leaseSeconds);
    await this.deliver(due);
    return due.length;
  }

  private async dispatch(): Promise<void> {
    const dispatched = await this.deps.outbox.dispatchPending((tenantId) => this.deps.settings.get(tenantId));
    for (const { event, channels, skipped } of dispatched) {
      this.deps.logger.info(
        { event_id: event.id, job_id: event.jobId, kind: event.kind, channels, skipped },
        skipped ? 'event not notified' : 'event dispatched',
      );
      if (event.kind === 'job.finished' && this.deps.onJobFinished) {
        await this.deps
          .onJobFinished(event)
          .catch((err) => this.deps.logger.warn({ err, job_id: event.jobId }, 'job finished hook failed'));
      }
    }
  }

  private async deliver(due: ClaimedDelivery[]): Promise<void> {
    await Promise.all(due.map((delivery) => this.deliverOne(delivery)));
  }

  private async deliverOne(delivery: ClaimedDelivery): Promise<void> {
    const log = this.deps.logger.child({
      delivery_id: delivery.id,
      event_id: delivery.outboxId,
      job_id: delivery.event.jobId,
      channel: delivery.channel,
      attempt: delivery.attempt,
    });
    try {
      const channel = this.channels.get(delivery.channel);
      if (!channel) throw new PermanentDeliveryError(UNAVAILABLE[delivery.channel]);
      const settings = await this.deps.settings.get(delivery.tenantId);
      if (!settings) throw new PermanentDeliveryError('the tenant has no notification settings any more');
      await channel.send(delivery.event, settings);
      await this.deps.outbox.delivered(delivery);
      log.info('notification delivered');
    } catch (err) {
      const reason = (err as Error).message;
      const final = err instanceof PermanentDeliveryError || delivery.attempt >= this.options.maxAttempts;
      const retryIn = final
        ? null
        : backoffSeconds(delivery.attempt, this.options.backoffSeconds, this.options.maxBackoffSeconds);
      await this.deps.outbox.failed(delivery, reason, retryIn);
      if (final) log.error({ reason }, 'notification dead');
      else log.warn({ reason, retry_in_seconds: retryIn }, 'notification failed; will retry');
    }
  }
}
