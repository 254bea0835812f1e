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

export const ScheduleUpdateSchema = ScheduleRequestSchema.partial()
  .extend({
    name: text().min(1).max(200).nullable().optional().openapi({ description: 'null clears it' }),
    detectors: ScanRequestSchema.shape.detectors.unwrap().nullable().optional().openapi({
      description: 'null: run every detector',
    }),
    paused: z.boolean().optional().openapi({
      description: 'true pauses it; false resumes it from the first tick after now',
    }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change' })
  .openapi('ScheduleUpdate');

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
