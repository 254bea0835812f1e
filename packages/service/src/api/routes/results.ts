import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { FindingListSchema } from '../../views/schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { HttpError } from '../http-error.ts';
import { ResultsReader } from '../results-reader.ts';
import { ResultsQuerySchema } from '../schemas.ts';
import { BEARER, errorResponses } from './openapi-parts.ts';

const listResults = createRoute({
  method: 'get',
  path: '/results',
  tags: ['results'],
  summary:
    'Findings of one job, filtered by detector, severity, category and object prefix, in a stable order',
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

/** `GET /results`. */
export function registerResults(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const reader = new ResultsReader(deps);
  app.use('/results', authenticate(deps));
  // Documented as above; the handler sends a body it serialized (or kept) itself.
  app.openAPIRegistry.registerPath(listResults);
  const handled = { ...listResults, hide: true, responses: { 200: { description: 'A page of findings' } } };
  app.openapi(handled, async (c) => {
    const body = await reader.page(c.get('principal').tenantId, c.req.valid('query'));
    if (body === null) throw HttpError.notFound('No such job');
    // Serialized once per page of an ended job (and kept with its view).
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
}
