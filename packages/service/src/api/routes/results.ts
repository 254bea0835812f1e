import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { FindingListSchema } from '../../views/schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { HttpError } from '../http-error.ts';
import { ResultsQuerySchema } from '../schemas.ts';
import { BEARER, errorResponses } from './openapi-parts.ts';

const listResults = createRoute({
  method: 'get',
  path: '/results',
  tags: ['results'],
  summary: 'Findings of one job, filtered by detector and object, in a stable order',
  security: BEARER,
  request: { query: ResultsQuerySchema },
  responses: {
    200: {
      description: 'A page of findings',
      content: { 'application/json': { schema: FindingListSchema } },
    },
    ...errorResponses(401, 404, 422),
  },
});

const isSeq = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{1,19}$/.test(v) && BigInt(v) <= 9223372036854775807n;

/** `GET /results`. */
export function registerResults(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  app.use('/results', authenticate(deps));
  app.openapi(listResults, async (c) => {
    const { job_id, detector, severity, object, limit, cursor } = c.req.valid('query');
    const after = cursor ? decodeCursor('results', cursor, isSeq) : undefined;
    const page = await deps.store.listFindings(
      c.get('principal').tenantId,
      { jobId: job_id, detector, severity, object },
      { limit, after },
    );
    if (!page) throw HttpError.notFound('No such job');
    return c.json({ items: page.items, next_cursor: page.next && encodeCursor('results', page.next) }, 200);
  });
}
