import { z } from '@hono/zod-openapi';
import { limit, ScanRequestSchema } from './schemas.ts';
import { text } from './text-schema.ts';

export const WatchRequestSchema = ScanRequestSchema.pick({
  source: true,
  name: true,
  detectors: true,
  exclude: true,
})
  .strict()
  .openapi('WatchRequest');

export const WatchListQuerySchema = z.object({
  limit: limit(200, 100),
  cursor: text().max(512).optional(),
});

export const WatchIdParamSchema = z.object({
  watch_id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'watch_id', in: 'path' }, example: '9b2f4c1e-3a7d-4e8b-9c0d-1f2e3a4b5c6d' }),
});
