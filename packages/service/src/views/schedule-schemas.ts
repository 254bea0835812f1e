import { z } from '@hono/zod-openapi';
import { CHANNEL_NAMES } from '../notify/channel.ts';
import type { DeliveryFailure } from '../notify/notification-settings.ts';
import type { Schedule } from '../schedules/schedules-repository.ts';
import { SEVERITIES } from '../severity.ts';

export const ScheduleSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string().nullable(),
    source: z.string(),
    cron: z.string(),
    timezone: z.string(),
    detectors: z.array(z.string()).nullable(),
    exclude: z.array(z.string()),
    incremental: z.boolean().openapi({ description: 'Its jobs skip unchanged objects (default true)' }),
    paused: z.boolean().openapi({ description: 'Paused schedules do not fire until resumed' }),
    next_run_at: z.string().nullable().openapi({
      format: 'date-time',
      description: 'The next tick (UTC; the cron fields are read in `timezone`); null while paused',
    }),
    last_run_at: z.string().nullable().openapi({ format: 'date-time' }),
    last_job_id: z.string().uuid().nullable(),
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Schedule');
export type ScheduleView = z.infer<typeof ScheduleSchema>;

export const ScheduleListSchema = z
  .object({ items: z.array(ScheduleSchema), next_cursor: z.string().nullable() })
  .openapi('ScheduleList');

/** The API's JSON form of a schedule. */
export function scheduleView(s: Schedule): ScheduleView {
  return {
    id: s.id,
    name: s.name,
    source: s.source,
    cron: s.cron,
    timezone: s.timezone,
    detectors: s.detectors,
    exclude: s.exclude,
    incremental: s.incremental,
    paused: s.paused,
    next_run_at: Number.isFinite(s.nextFireAt.getTime()) ? s.nextFireAt.toISOString() : null,
    last_run_at: s.lastFiredAt?.toISOString() ?? null,
    last_job_id: s.lastJobId,
    created_at: s.createdAt.toISOString(),
  };
}

export const NotificationSettingsSchema = z
  .object({
    when: z.enum(['finished', 'findings']),
    min_severity: z.enum(SEVERITIES),
    webhook_url: z.string().nullable(),
    webhook_slack: z.boolean(),
    webhook_secret: z.string().nullable().openapi({
      description:
        'Key of the X-Data-Scanner-Signature HMAC (t=<unix>,v1=hex(HMAC-SHA-256(key, "<t>.<body>")))',
    }),
    email_to: z.string().nullable(),
    sms_to: z.string().nullable(),
    channels_available: z.array(z.enum(['webhook', 'email', 'sms'])).openapi({
      description: 'Channels this deployment can send on',
    }),
    updated_at: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('NotificationSettings');

export const NotificationTestSchema = z
  .object({
    event_id: z.string().openapi({ description: 'Outbox id; webhooks carry it as X-Data-Scanner-Delivery' }),
    channels: z.array(z.enum(CHANNEL_NAMES)).openapi({ description: 'Channels set, each sent the test' }),
    unavailable: z.array(z.enum(CHANNEL_NAMES)).openapi({
      description: 'Channels set that this deployment cannot send on: their test fails, listed in failures',
    }),
  })
  .openapi('NotificationTest');

export const DeliveryFailureSchema = z
  .object({
    channel: z.enum(CHANNEL_NAMES),
    status: z
      .enum(['dead', 'retrying'])
      .openapi({ description: 'dead: given up; retrying: tried again later' }),
    attempts: z.number().int(),
    error: z.string().openapi({ description: 'Why the last attempt failed' }),
    event: z.string().openapi({ description: '`job.finished` or `notification.test`' }),
    job_id: z.string().uuid().nullable(),
    job_name: z.string().nullable(),
    created_at: z.string().openapi({ format: 'date-time' }),
    dead_at: z.string().nullable().openapi({ format: 'date-time' }),
    next_attempt_at: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('DeliveryFailure');

export const DeliveryFailureListSchema = z
  .object({ items: z.array(DeliveryFailureSchema) })
  .openapi('DeliveryFailureList');

/** The API's JSON form of a failed delivery. */
export function deliveryFailureView(f: DeliveryFailure): z.infer<typeof DeliveryFailureSchema> {
  return {
    channel: f.channel,
    status: f.status,
    attempts: f.attempts,
    error: f.error,
    event: f.kind,
    job_id: f.jobId,
    job_name: f.jobName,
    created_at: f.createdAt.toISOString(),
    dead_at: f.deadAt?.toISOString() ?? null,
    next_attempt_at: f.nextAttemptAt?.toISOString() ?? null,
  };
}
