import type pg from 'pg';
import { SEVERITIES, type Severity } from '../severity.ts';
import { countFindings } from '../store/finding-counts.ts';
import { inTransaction } from '../store/transaction.ts';
import { CHANNEL_NAMES, type ChannelName, channelTarget, TEST_EVENT_KIND } from './channel.ts';
import { type JobEvent, reachesNew } from './job-event.ts';
import type { NotificationSettings } from './notification-settings.ts';

/** An outbox event turned into deliveries (or skipped, with the reason). */
export interface DispatchedEvent {
  event: JobEvent;
  channels: ChannelName[];
  /** Why nothing is sent, when `channels` is empty. */
  skipped?: string;
}

/** One channel's delivery of one event, claimed for an attempt. */
export interface ClaimedDelivery {
  id: string;
  outboxId: string;
  channel: ChannelName;
  /** This attempt's number, from 1. */
  attempt: number;
  event: JobEvent;
  tenantId: string;
}

/** Detectors an event lists, the most frequent first. */
const TOP_DETECTORS = 10;

/** Events that notify; `job.cancelled` is the tenant's own doing and is not announced. */
const NOTIFIED_KINDS = new Set(['job.finished', TEST_EVENT_KIND]);

/** Why an event is not sent anywhere under `settings`, or null when it is. */
function skipReason(event: JobEvent, settings: NotificationSettings | undefined): string | null {
  if (!settings || CHANNEL_NAMES.every((c) => !channelTarget(c, settings))) return 'no channel is set';
  // A test goes to every channel set; a failed job is always told; findings notify only when they are new exposures.
  if (
    event.kind !== TEST_EVENT_KIND &&
    settings.when === 'findings' &&
    event.status !== 'failed' &&
    !reachesNew(event, settings.minSeverity)
  ) {
    return event.exposures
      ? `no new exposure reaches ${settings.minSeverity}`
      : `no finding reaches ${settings.minSeverity}`;
  }
  return null;
}

async function buildEvent(
  client: pg.PoolClient,
  row: Record<string, unknown>,
  publicUrl: string | undefined,
): Promise<JobEvent> {
  const jobId = row.job_id as string;
  // One client runs its queries one after another, so they are awaited in turn.
  const { rows: job } = await client.query('SELECT * FROM jobs WHERE id = $1', [jobId]);
  const j = job[0] ?? {};
  // A job's findings go with it (ON DELETE CASCADE), so a job that is gone has none to count.
  const counts = j.tenant_id ? await countFindings(client, jobId, j.tenant_id as string) : undefined;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const [severity, n] of Object.entries(counts?.by_severity ?? {}))
    if (severity in bySeverity) bySeverity[severity as Severity] = n;
  const payload = row.payload as Record<string, unknown>;
  return {
    id: String(row.id),
    kind: row.kind as string,
    tenantId: row.tenant_id as string,
    jobId,
    name: (j.name as string | null) ?? (payload.name as string | undefined) ?? null,
    source: (j.source as string) ?? (payload.source as string),
    status: (j.status as string) ?? (payload.status as string),
    reason: (j.status_reason as string | null) ?? null,
    objectsTotal: Number(j.objects_total ?? payload.objects_total ?? 0),
    objectsFailed: Number(j.objects_failed ?? payload.objects_failed ?? 0),
    findings: Object.values(bySeverity).reduce((a, b) => a + b, 0),
    bySeverity,
    topDetectors: Object.entries(counts?.by_detector ?? {})
      .slice(0, TOP_DETECTORS)
      .map(([detector, count]) => ({ detector, count })),
    finishedAt: j.finished_at ? (j.finished_at as Date).toISOString() : null,
    exposures:
      j.exposures_new === null || j.exposures_new === undefined
        ? null
        : {
            new: Number(j.exposures_new),
            open: Number(j.exposures_open),
            resolved: Number(j.exposures_resolved),
            reopened: Number(j.exposures_reopened),
            suppressed: Number(j.exposures_suppressed),
            newBySeverity: Object.fromEntries(
              SEVERITIES.map((s) => [s, Number(j.exposures_new_by_severity?.[s] ?? 0)]),
            ) as Record<Severity, number>,
          },
    url: publicUrl && jobId ? `${publicUrl}/#/jobs/${jobId}` : null,
  };
}

/** The notifier's side of the outbox on PostgreSQL: dispatch events, claim and settle deliveries. */
export class PgOutbox {
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: { publicUrl?: string } = {},
  ) {}

  /**
   * Turns pending outbox events into one delivery per channel the tenant's settings call for, in
   * one transaction per batch (rows locked with SKIP LOCKED, so two notifiers never dispatch one
   * event twice). The event as sent is kept in the row's payload, so retries say the same thing.
   */
  async dispatchPending(
    settingsOf: (tenantId: string) => Promise<NotificationSettings | undefined>,
    limit = 20,
  ): Promise<DispatchedEvent[]> {
    return inTransaction(this.pool, async (client) => {
      const dispatched: DispatchedEvent[] = [];
      const { rows } = await client.query(
        `SELECT * FROM outbox WHERE status = 'pending' AND available_at <= now()
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      for (const row of rows) {
        const event = await buildEvent(client, row, this.options.publicUrl);
        const settings = row.tenant_id ? await settingsOf(row.tenant_id) : undefined;
        const skipped = NOTIFIED_KINDS.has(event.kind)
          ? skipReason(event, settings)
          : `${event.kind} events are not notified`;
        const channels = skipped || !settings ? [] : CHANNEL_NAMES.filter((c) => channelTarget(c, settings));
        for (const channel of channels) {
          await client.query(
            'INSERT INTO notification_deliveries (outbox_id, channel) VALUES ($1, $2) ON CONFLICT DO NOTHING',
            [row.id, channel],
          );
        }
        await client.query(
          `UPDATE outbox SET status = $2, payload = payload || jsonb_build_object('event', $3::jsonb),
             last_error = $4, delivered_at = CASE WHEN $2 = 'skipped' THEN now() END
           WHERE id = $1`,
          [row.id, skipped ? 'skipped' : 'dispatched', JSON.stringify(event), skipped],
        );
        dispatched.push({ event, channels, ...(skipped ? { skipped } : {}) });
      }
      return dispatched;
    });
  }

  /**
   * Claims due deliveries for one attempt each: the attempt is counted and the row hidden for
   * `leaseSeconds`, so a notifier that dies mid-send leaves it to be tried again, not lost.
   */
  async claimDue(limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
    const { rows } = await this.pool.query(
      `UPDATE notification_deliveries d SET attempts = d.attempts + 1,
         available_at = now() + make_interval(secs => $2)
       FROM outbox o
       WHERE d.id IN (SELECT id FROM notification_deliveries WHERE status = 'pending' AND available_at <= now()
                      ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
         AND o.id = d.outbox_id
       RETURNING d.id, d.outbox_id, d.channel, d.attempts, o.tenant_id, o.payload -> 'event' AS event`,
      [limit, leaseSeconds],
    );
    return rows.map((r) => ({
      id: String(r.id),
      outboxId: String(r.outbox_id),
      channel: r.channel as ChannelName,
      attempt: r.attempts as number,
      event: r.event as JobEvent,
      tenantId: r.tenant_id as string,
    }));
  }

  async delivered(delivery: ClaimedDelivery): Promise<void> {
    await this.pool.query(
      `UPDATE notification_deliveries SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`,
      [delivery.id],
    );
    await this.settle(delivery.outboxId);
  }

  /** Records a failed attempt: tried again after `retryInSeconds`, or dead (null) with the reason. */
  async failed(delivery: ClaimedDelivery, reason: string, retryInSeconds: number | null): Promise<void> {
    if (retryInSeconds === null) {
      await this.pool.query(
        `UPDATE notification_deliveries SET status = 'dead', dead_at = now(), last_error = $2 WHERE id = $1`,
        [delivery.id, reason],
      );
      await this.settle(delivery.outboxId);
    } else {
      await this.pool.query(
        `UPDATE notification_deliveries SET last_error = $2, available_at = now() + make_interval(secs => $3)
         WHERE id = $1`,
        [delivery.id, reason, retryInSeconds],
      );
    }
  }

  /** Once every delivery of an event has ended: the event is delivered, or dead with the reasons kept. */
  private async settle(outboxId: string): Promise<void> {
    await this.pool.query(
      `UPDATE outbox o SET status = s.status, attempts = s.attempts, last_error = s.errors,
         delivered_at = CASE WHEN s.status = 'delivered' THEN now() END,
         dead_at = CASE WHEN s.status = 'dead' THEN now() END
       FROM (SELECT outbox_id, max(attempts) AS attempts,
               CASE WHEN bool_or(status = 'dead') THEN 'dead' ELSE 'delivered' END AS status,
               string_agg(channel || ': ' || last_error, '; ' ORDER BY channel) FILTER (WHERE status = 'dead') AS errors
             FROM notification_deliveries WHERE outbox_id = $1
             GROUP BY outbox_id HAVING bool_and(status <> 'pending')) s
       WHERE o.id = s.outbox_id AND o.status = 'dispatched'`,
      [outboxId],
    );
  }
}
