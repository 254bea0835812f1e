import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { FindingListSchema } from '../../views/schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { HttpError } from '../http-error.ts';
import type { ResultsKey, ResultsSort } from '../ports.ts';
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

const isSeq = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{1,19}$/.test(v) && BigInt(v) <= 9223372036854775807n;

const KEY_CHECKS: Record<ResultsSort, (v: unknown) => v is ResultsKey> = {
  seq: isSeq,
  severity: (v): v is ResultsKey =>
    Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && v[0] >= 0 && v[0] < 5 && isSeq(v[1]),
  object: (v): v is ResultsKey =>
    Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && !v[0].includes('\0') && isSeq(v[1]),
};

/** Cursor kind per order (`results` stays what it was for insertion order). */
const cursorKind = (sort: ResultsSort) => (sort === 'seq' ? 'results' : `results:${sort}`);

/** `GET /results`. */
export function registerResults(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  app.use('/results', authenticate(deps));
  app.openapi(listResults, async (c) => {
    const { job_id, detector, severity, category, object, sort, limit, cursor } = c.req.valid('query');
    const after = cursor ? decodeCursor(cursorKind(sort), cursor, KEY_CHECKS[sort]) : undefined;
    const page = await deps.store.listFindings(
      c.get('principal').tenantId,
      { jobId: job_id, detector, severity, category, object },
      { limit, after },
      sort,
    );
    if (!page) throw HttpError.notFound('No such job');
    return c.json(
      { items: page.items, next_cursor: page.next && encodeCursor(cursorKind(sort), page.next) },
      200,
    );
  });
}
