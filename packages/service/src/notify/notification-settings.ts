import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Severity } from '../severity.ts';
import { type ChannelName, TEST_EVENT_KIND } from './channel-names.ts';

/** A tenant's choice of channels and of when they fire. */
export interface NotificationSettings {
  /** `finished`: every finished job; `findings`: only jobs with a finding at `minSeverity` or above. */
  when: 'finished' | 'findings';
  minSeverity: Severity;
  webhookUrl: string | null;
  /** Send a Slack-compatible `{"text": ...}` body instead of the event JSON. */
  webhookSlack: boolean;
  /** HMAC-SHA-256 key of the webhook signature; made once per tenant. */
  webhookSecret: string;
  emailTo: string | null;
  smsTo: string | null;
  updatedAt: Date | null;
}

export type NotificationSettingsInput = Omit<NotificationSettings, 'webhookSecret' | 'updatedAt'>;

/** What a tenant that never saved settings gets: nothing is sent until a channel is set. */
export const DEFAULT_SETTINGS: NotificationSettingsInput = {
  when: 'findings',
  minSeverity: 'high',
  webhookUrl: null,
  webhookSlack: false,
  emailTo: null,
  smsTo: null,
};

/** A delivery that failed at least once: dead (given up), or failed and waiting for its next attempt. */
export interface DeliveryFailure {
  channel: ChannelName;
  status: 'dead' | 'retrying';
  attempts: number;
  error: string;
  /** The event's kind: `job.finished`, or `notification.test`. */
  kind: string;
  jobId: string | null;
  jobName: string | null;
  /** When the event was dispatched to the channel. */
  createdAt: Date;
  deadAt: Date | null;
  /** When a retrying delivery is tried again. */
  nextAttemptAt: Date | null;
}

function toSettings(row: Record<string, unknown>): NotificationSettings {
  return {
    when: row.notify_when as NotificationSettings['when'],
    minSeverity: row.min_severity as Severity,
    webhookUrl: (row.webhook_url as string | null) ?? null,
    webhookSlack: Boolean(row.webhook_slack),
    webhookSecret: row.webhook_secret as string,
    emailTo: (row.email_to as string | null) ?? null,
    smsTo: (row.sms_to as string | null) ?? null,
    updatedAt: (row.updated_at as Date | null) ?? null,
  };
}

/** Notification settings per tenant on PostgreSQL. */
export class PgNotificationSettings {
  constructor(private readonly pool: pg.Pool) {}

  /** The tenant's settings, or undefined when it never saved any. */
  async get(tenantId: string): Promise<NotificationSettings | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM notification_settings WHERE tenant_id = $1', [
      tenantId,
    ]);
    return rows[0] ? toSettings(rows[0]) : undefined;
  }

  /** Replaces the tenant's settings; the webhook secret is made on first save and kept after. */
  async put(tenantId: string, input: NotificationSettingsInput): Promise<NotificationSettings> {
    const { rows } = await this.pool.query(
      `INSERT INTO notification_settings
         (tenant_id, notify_when, min_severity, webhook_url, webhook_slack, webhook_secret, email_to, sms_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id) DO UPDATE SET notify_when = excluded.notify_when,
         min_severity = excluded.min_severity, webhook_url = excluded.webhook_url,
         webhook_slack = excluded.webhook_slack, email_to = excluded.email_to, sms_to = excluded.sms_to,
         updated_at = now()
       RETURNING *`,
      [
        tenantId,
        input.when,
        input.minSeverity,
        input.webhookUrl,
        input.webhookSlack,
        `whsec_${randomBytes(24).toString('base64url')}`,
        input.emailTo,
        input.smsTo,
      ],
    );
    return toSettings(rows[0]);
  }

  /**
   * Queues a test message for the notifier: an outbox event of kind `notification.test`, sent to
   * every channel the tenant set, whatever `when` says. Returns the event id.
   */
  async queueTest(tenantId: string): Promise<string> {
    const { rows } = await this.pool.query(
      `INSERT INTO outbox (tenant_id, kind, payload) VALUES ($1, $2, $3) RETURNING id`,
      [
        tenantId,
        TEST_EVENT_KIND,
        {
          name: 'Test notification',
          source: 'no scan: a test sent from the dashboard or API',
          status: 'test',
        },
      ],
    );
    return String(rows[0].id);
  }

  /** The tenant's latest failed deliveries, newest first. */
  async recentFailures(tenantId: string, limit: number): Promise<DeliveryFailure[]> {
    const { rows } = await this.pool.query(
      `SELECT d.channel, d.status, d.attempts, d.last_error, d.created_at, d.dead_at, d.available_at,
              o.kind, o.job_id, j.name AS job_name
       FROM notification_deliveries d JOIN outbox o ON o.id = d.outbox_id LEFT JOIN jobs j ON j.id = o.job_id
       WHERE o.tenant_id = $1 AND d.last_error IS NOT NULL AND d.status <> 'delivered'
       ORDER BY d.id DESC LIMIT $2`,
      [tenantId, limit],
    );
    return rows.map((r) => ({
      channel: r.channel as ChannelName,
      status: r.status === 'dead' ? 'dead' : 'retrying',
      attempts: r.attempts as number,
      error: r.last_error as string,
      kind: r.kind as string,
      jobId: (r.job_id as string | null) ?? null,
      jobName: (r.job_name as string | null) ?? null,
      createdAt: r.created_at as Date,
      deadAt: (r.dead_at as Date | null) ?? null,
      nextAttemptAt: r.status === 'dead' ? null : (r.available_at as Date),
    }));
  }
}
