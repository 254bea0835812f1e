import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { AggregateListSchema } from '../../views/aggregate-schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { HttpError } from '../http-error.ts';
import { AggregatesQuerySchema } from '../schemas.ts';
import { BEARER, errorResponses } from './openapi-parts.ts';

const listAggregates = createRoute({
  method: 'get',
  path: '/results/aggregates',
  tags: ['results'],
  summary: 'Personal data of one job counted per object, detector and field past the aggregate threshold',
  description:
    'Credentials are always listed one by one in /results. Past `threshold` findings of one personal-data detector in one field of an object, further matches are counted here exactly, with sample locations; /results plus these counts are every match.',
  security: BEARER,
  request: { query: AggregatesQuerySchema },
  responses: {
    200: {
      description: 'A page of aggregates',
      content: { 'application/json': { schema: AggregateListSchema } },
    },
    ...errorResponses(401, 404, 422),
  },
});

const isSeq = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{1,19}$/.test(v) && BigInt(v) <= 9223372036854775807n;

/** `GET /results/aggregates`. */
export function registerAggregates(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  app.use('/results/aggregates', authenticate(deps));
  app.openapi(listAggregates, async (c) => {
    const { job_id, limit, cursor } = c.req.valid('query');
    const after = cursor ? decodeCursor('aggregates', cursor, isSeq) : undefined;
    const page = await deps.store.listAggregates(c.get('principal').tenantId, job_id, { limit, after });
    if (!page) throw HttpError.notFound('No such job');
    return c.json(
      { items: page.items, next_cursor: page.next && encodeCursor('aggregates', page.next) },
      200,
    );
  });
}
