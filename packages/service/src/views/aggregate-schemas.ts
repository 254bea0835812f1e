import { z } from '@hono/zod-openapi';
import { LocationSchema, ObjectRefSchema } from './schemas.ts';

export const AggregateSchema = z
  .object({
    id: z.string(),
    job_id: z.string().uuid(),
    object: ObjectRefSchema,
    detector: z.string(),
    category: z.string(),
    severity: z.string(),
    field: z
      .string()
      .optional()
      .openapi({ description: 'CSV column or JSON path (`[*]` for indexes); absent: the whole object' }),
    archive_path: z.string().optional(),
    count: z.number().int().openapi({ description: 'Exactly how many matches this record counts' }),
    threshold: z
      .number()
      .int()
      .openapi({ description: 'Findings of this detector and field listed one by one before folding began' }),
    samples: z.array(LocationSchema).openapi({ description: 'Where the first folded matches are' }),
  })
  .openapi('FindingAggregate');
export type AggregateView = z.infer<typeof AggregateSchema>;

export const AggregateListSchema = z
  .object({ items: z.array(AggregateSchema), next_cursor: z.string().nullable() })
  .openapi('FindingAggregateList');
