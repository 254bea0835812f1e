import { z } from '@hono/zod-openapi';
import { SEVERITIES } from '../severity.ts';
import { jobOptionFields, jobOptionProgressFields, scanOptionFields } from './scan-options.ts';
import { text } from './text-schema.ts';

/** Job lifecycle states (DESIGN.md). */
export const JOB_STATUSES = [
  'queued',
  'listing',
  'scanning',
  'succeeded',
  'partial',
  'failed',
  'cancelled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Per-object outcomes. */
export const OBJECT_STATUSES = ['PENDING', 'COMPLETE', 'PARTIAL', 'SKIPPED', 'FAILED'] as const;
export type ObjectStatus = (typeof OBJECT_STATUSES)[number];

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ example: 'Request body is invalid' }),
      details: z.array(z.object({ path: z.string().optional(), message: z.string() })),
    }),
  })
  .openapi('Error');

export const ScanRequestSchema = z
  .object({
    // Control characters, NUL included, are refused by checkSource as `source_not_allowed`.
    source: z.string().min(1).max(2048).openapi({
      example: 's3://my-bucket/prefix/',
      description: '`s3://bucket/prefix` or `file:///abs/path`',
    }),
    name: text().min(1).max(200).optional().openapi({ example: 'nightly exports' }),
    detectors: z
      .array(text().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'detector ids are kebab-case'))
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Detector ids to run; all when absent', example: ['aws-access-key-id'] }),
    exclude: z
      .array(text().min(1).max(512))
      .max(100)
      .optional()
      .openapi({ description: 'Glob patterns of keys to skip', example: ['**/*.png'] }),
    ...scanOptionFields,
  })
  .strict()
  .openapi('ScanRequest');
export type ScanRequest = z.infer<typeof ScanRequestSchema>;

export const ScanAcceptedSchema = z
  .object({
    job_id: z.string().uuid(),
    status: z.enum(JOB_STATUSES),
  })
  .openapi('ScanAccepted');

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
    status: z.enum(OBJECT_STATUSES),
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

export const limit = (max: number, def: number) =>
  z.coerce.number().int().min(1).max(max).default(def).openapi({ example: def });

export const JobIdParamSchema = z.object({
  job_id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'job_id', in: 'path' }, example: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
});

export const JobListQuerySchema = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  limit: limit(200, 50),
  cursor: text().max(512).optional(),
});

export const ResultsQuerySchema = z.object({
  job_id: z.string().uuid(),
  detector: text().max(64).optional(),
  severity: z.enum(SEVERITIES).optional(),
  object: text().max(1024).optional().openapi({ description: 'Exact object key' }),
  limit: limit(1000, 100),
  cursor: text().max(512).optional(),
});

export const ObjectsQuerySchema = z.object({
  status: z.enum(OBJECT_STATUSES).optional(),
  limit: limit(1000, 100),
  cursor: text().max(512).optional(),
});

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': text().min(1).max(255).optional().openapi({
    description: 'Retries with the same key return the first job',
  }),
});

/** Longest `?wait=` of `GET /jobs/{id}` (seconds): under API Gateway's 29 s and an ALB's 60 s idle timeout. */
export const MAX_WAIT_SECONDS = 20;

export const JobWaitQuerySchema = z.object({
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_WAIT_SECONDS)
    .optional()
    .openapi({
      description:
        `Long poll: hold the request up to this many seconds (at most ${MAX_WAIT_SECONDS}) until the job differs from ` +
        '`If-None-Match` (without it: from the job as the request found it) or has ended',
      example: 20,
    }),
});

export const JobConditionalHeaderSchema = z.object({
  'if-none-match': text().max(1024).optional().openapi({
    description: 'The `ETag` of an earlier response: 304 Not Modified while the job still matches it',
  }),
});
