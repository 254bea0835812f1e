import { z } from '@hono/zod-openapi';
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
    next_run_at: z
      .string()
      .nullable()
      .openapi({ format: 'date-time', description: 'null once it never fires again' }),
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
