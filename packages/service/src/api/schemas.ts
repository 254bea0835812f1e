import { z } from '@hono/zod-openapi';
import { JOB_OBJECT_STATUSES, JOB_STATUSES } from '../ports/job-store.ts';
import { SEVERITIES } from '../severity.ts';
import { scanOptionFields } from '../views/scan-options.ts';
import { RESULTS_SORTS } from './ports.ts';
import { text } from './text-schema.ts';

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
    inventory: text()
      .min(1)
      .max(2048)
      .optional()
      .openapi({
        example: 's3://inventory-bucket/my-bucket/daily/2026-12-07T01-00Z/manifest.json',
        description:
          'manifest.json of an S3 Inventory (CSV or Parquet) of the source bucket: the job is listed from its ' +
          'data files, several workers at once, with no ListObjectsV2 call',
      }),
  })
  .strict()
  .openapi('ScanRequest');
export type ScanRequest = z.infer<typeof ScanRequestSchema>;

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
  category: text().max(64).optional(),
  object: text().max(1024).optional().openapi({ description: 'Object keys starting with this' }),
  sort: z.enum(RESULTS_SORTS).default('seq').openapi({
    description: '`seq` (the order found), `severity` (most severe first) or `object` (by object key)',
  }),
  limit: limit(1000, 100),
  cursor: text().max(1024).optional(),
});

export const AggregatesQuerySchema = z.object({
  job_id: z.string().uuid(),
  limit: limit(1000, 100),
  cursor: text().max(512).optional(),
});

export const ObjectsQuerySchema = z.object({
  status: z.enum(JOB_OBJECT_STATUSES).optional(),
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
