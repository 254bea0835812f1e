import { z } from '@hono/zod-openapi';
import { EXPORT_FORMATS } from '../reports/export-writers.ts';
import { SEVERITIES } from '../severity.ts';
import { EXPOSURE_SORTS, EXPOSURE_STATES } from '../views/exposure-schemas.ts';
import { limit } from './schemas.ts';
import { text } from './text-schema.ts';

const note = text().max(2000).optional().openapi({ description: 'Why (kept in the history)' });

export const ExposureListQuerySchema = z.object({
  state: z.enum(EXPOSURE_STATES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  category: text().max(64).optional(),
  detector: text().max(64).optional(),
  source: text().max(2048).optional().openapi({ description: 'Exposures found by jobs of this source' }),
  object: text()
    .max(1024)
    .optional()
    .openapi({ description: 'Exposures with an occurrence in an object whose key starts with this' }),
  firstSeenAfter: z
    .string()
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'First seen after this time (ISO 8601)' }),
  job: z.string().uuid().optional().openapi({ description: 'Exposures this job found' }),
  sort: z.enum(EXPOSURE_SORTS).default('-severity').openapi({
    description:
      '`-severity` (default: most severe first, then most recently seen), `lastSeen`, `firstSeen`, `count`; a leading `-` sorts descending',
  }),
  limit: limit(500, 50),
  cursor: text().max(1024).optional(),
});
export type ExposureListQuery = z.infer<typeof ExposureListQuerySchema>;

export const ExposureIdParamSchema = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
});

export const ExposureDetailQuerySchema = z.object({
  job: z.string().uuid().optional().openapi({ description: 'Only occurrences found by this job' }),
  limit: limit(500, 50).openapi({ description: 'Occurrences per page' }),
  cursor: text().max(512).optional().openapi({ description: '`occurrences_page.next_cursor`' }),
});

export const ExposurePatchSchema = z
  .object({ state: z.enum(EXPOSURE_STATES), note })
  .strict()
  .openapi('ExposurePatch');

export const TriageRequestSchema = z
  .object({
    ids: z.array(z.string().uuid()).min(1).max(1000),
    state: z.enum(EXPOSURE_STATES),
    note,
  })
  .strict()
  .openapi('TriageRequest');

export const ExposureExportQuerySchema = ExposureListQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: z.enum(EXPORT_FORMATS).openapi({
    description:
      'sarif (a result per exposure), csv (header row), json (`{filter, partial, findings}`) or jsonl',
    example: 'csv',
  }),
});
