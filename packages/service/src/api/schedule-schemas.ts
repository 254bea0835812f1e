import { z } from '@hono/zod-openapi';
import { SEVERITIES } from '../severity.ts';
import { limit, ScanRequestSchema } from './schemas.ts';
import { text } from './text-schema.ts';

export const ScheduleRequestSchema = ScanRequestSchema.omit({ budget: true, sample: true })
  .extend({
    cron: text().min(1).max(120).openapi({
      example: '0 2 * * *',
      description: 'Five-field cron (minute hour day-of-month month day-of-week) or @hourly, @daily, ...',
    }),
    timezone: text()
      .max(64)
      .openapi({ example: 'Europe/Paris', description: 'IANA time zone of the cron fields' }),
  })
  .strict()
  .openapi('ScheduleRequest');

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

export const ScheduleListQuerySchema = z.object({
  limit: limit(200, 100),
  cursor: text().max(512).optional(),
});

export const ScheduleIdParamSchema = z.object({
  schedule_id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'schedule_id', in: 'path' }, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }),
});

// The dashboard sends back what it read (extra keys, nulls), so unknown keys are dropped, not refused.
export const NotificationSettingsRequestSchema = z
  .object({
    when: z
      .enum(['finished', 'findings'])
      .openapi({ description: 'every finished job, or only ones with findings at min_severity' }),
    min_severity: z.enum(SEVERITIES).default('high'),
    webhook_url: text()
      .max(2048)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
      .nullish(),
    webhook_slack: z.boolean().nullish(),
    email_to: text().max(254).email().nullish(),
    sms_to: text()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +14155550100')
      .nullish(),
  })
  .openapi('NotificationSettingsRequest');

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
