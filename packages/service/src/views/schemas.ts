import { z } from '@hono/zod-openapi';
import { JOB_OBJECT_STATUSES, JOB_STATUSES } from '../ports/job-store.ts';
import { jobOptionFields, jobOptionProgressFields } from './scan-options.ts';

/** The public JSON shapes the API answers with (OpenAPI components); the dashboard's types are generated from them. */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ example: 'Request body is invalid' }),
      details: z.array(z.object({ path: z.string().optional(), message: z.string() })),
    }),
  })
  .openapi('Error');

export const ScanAcceptedSchema = z
  .object({
    job_id: z.string().uuid(),
    status: z.enum(JOB_STATUSES),
  })
  .openapi('ScanAccepted');

/** The job's comparison with what its scope knew before; null until the job has ended. */
export const JobExposuresSchema = z
  .object({
    new: z.number().int().openapi({ description: 'Exposures first seen by this job' }),
    open: z
      .number()
      .int()
      .openapi({ description: 'Exposures this job found that are open (new and reopened included)' }),
    resolved: z.number().int().openapi({
      description:
        'Exposures the scope had that this complete job did not find, now resolved (0 unless complete)',
    }),
    reopened: z.number().int().openapi({ description: 'Resolved exposures this job found again' }),
    suppressed: z
      .number()
      .int()
      .openapi({ description: 'Exposures found but marked false_positive, accepted_risk or revoked' }),
    previous_job_id: z
      .string()
      .uuid()
      .nullable()
      .openapi({ description: 'The previous complete scan of the same scope, if any' }),
  })
  .openapi('JobExposures');
export type JobExposuresView = z.infer<typeof JobExposuresSchema>;

export const JobSchema = z
  .object({
    job_id: z.string().uuid(),
    status: z.enum(JOB_STATUSES),
    source: z.string(),
    name: z.string().nullable(),
    detectors: z.array(z.string()).nullable(),
    exclude: z.array(z.string()),
    reason: z.string().nullable().openapi({ description: 'Why the job failed or ended partial' }),
    ...jobOptionFields,
    progress: z.object({
      ...jobOptionProgressFields,
      objects_total: z.number().int(),
      objects_done: z.number().int(),
      bytes_total: z.number().int().nullable().openapi({ description: 'Known once the source is listed' }),
      bytes_scanned: z.number().int(),
      findings: z.number().int().openapi({
        description: 'Every match, exactly: findings listed one by one plus those counted in aggregates',
      }),
      findings_aggregated: z.number().int().openapi({
        description:
          'The part of `findings` counted in aggregates (GET /results/aggregates), not listed one by one',
      }),
      aggregate_threshold: z.number().int().nullable().openapi({
        description:
          'Personal-data findings listed per object, detector and field before the rest are aggregated; null until an object is recorded',
      }),
    }),
    created_at: z.string().openapi({ format: 'date-time' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
    finished_at: z.string().nullable().openapi({ format: 'date-time' }),
    exposures: JobExposuresSchema.nullable().openapi({
      description:
        'New, open, resolved, reopened and suppressed exposures (GET /findings); null until the job ends',
    }),
  })
  .openapi('Job');
export type JobView = z.infer<typeof JobSchema>;

const CountsSchema = z.record(z.string(), z.number().int());

export const JobSummarySchema = z
  .object({ by_severity: CountsSchema, by_category: CountsSchema, by_detector: CountsSchema })
  .openapi('JobSummary');
export type JobSummary = z.infer<typeof JobSummarySchema>;

export const JobDetailSchema = JobSchema.extend({
  summary: JobSummarySchema.openapi({ description: 'Findings counted by severity, category and detector' }),
}).openapi('JobDetail');

export const JobListSchema = z
  .object({ items: z.array(JobSchema), next_cursor: z.string().nullable() })
  .openapi('JobList');

export const LocationSchema = z
  .object({
    byte_start: z.number().int(),
    byte_end: z.number().int(),
    line: z.number().int(),
    column: z.number().int(),
    json_path: z.string().optional(),
    record_index: z.number().int().optional(),
    row: z.number().int().optional(),
    column_index: z.number().int().optional(),
    column_name: z.string().optional(),
    page: z.number().int().optional(),
    archive_path: z.string().optional(),
    sheet: z.string().optional().openapi({ description: 'Worksheet of a spreadsheet (XLSX, ODS)' }),
    cell: z.string().optional().openapi({ description: 'A1 cell of `sheet`, or a Word table cell' }),
    slide: z.number().int().optional().openapi({ description: '1-based slide of a presentation' }),
    part: z
      .string()
      .optional()
      .openapi({ description: 'Document part, shape, e-mail header (`header:Subject`) or MIME part' }),
    paragraph: z.number().int().optional(),
    row_group: z.number().int().optional().openapi({ description: 'Parquet row group' }),
    message_index: z.number().int().optional().openapi({ description: '0-based message of a mailbox' }),
  })
  .openapi('Location');

/** The object a finding or an aggregate belongs to. */
export const ObjectRefSchema = z.object({
  bucket: z.string().optional(),
  key: z.string(),
  version_id: z.string().optional(),
  etag: z.string().optional(),
});

export const FindingSchema = z
  .object({
    id: z.string(),
    job_id: z.string().uuid(),
    object: ObjectRefSchema,
    detector: z.string(),
    category: z.string(),
    severity: z.string(),
    confidence: z.number(),
    location: LocationSchema,
    redacted: z.string().openapi({ example: 'AKIA************MPLE' }),
    fingerprint: z.string(),
  })
  .openapi('Finding');
export type FindingView = z.infer<typeof FindingSchema>;

export const FindingListSchema = z
  .object({ items: z.array(FindingSchema), next_cursor: z.string().nullable() })
  .openapi('FindingList');

export const JobObjectSchema = z
  .object({
    key: z.string(),
    bucket: z.string().optional(),
    status: z.enum(JOB_OBJECT_STATUSES),
    reason: z.string().nullable(),
    reason_detail: z.string().nullable(),
    bytes: z.number().int().nullable(),
    etag: z.string().nullable(),
    version_id: z.string().nullable(),
    findings: z
      .number()
      .int()
      .openapi({ description: 'Every match of the object, aggregated ones included' }),
    findings_aggregated: z.number().int(),
  })
  .openapi('JobObject');
export type JobObjectView = z.infer<typeof JobObjectSchema>;

export const JobObjectListSchema = z
  .object({ items: z.array(JobObjectSchema), next_cursor: z.string().nullable() })
  .openapi('JobObjectList');

export const HealthSchema = z
  .object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'down']) })
  .openapi('Health');
