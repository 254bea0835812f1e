import { remediationFor } from '@data-scanner/detect/remediation';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { isFinalStatus } from '../../ports/job-store.ts';
import { EXPORT_FORMATS, EXPORT_MEDIA } from '../../reports/export-writers.ts';
import { exposureExportStream } from '../../reports/exposure-export.ts';
import { isExposureKey } from '../../store/exposure-store.ts';
import { isUuid } from '../../uuid.ts';
import {
  EXPOSURE_SORTS,
  ExposureDetailSchema,
  ExposureListSchema,
  ExposureSchema,
  type ExposureSort,
  TriageResultSchema,
} from '../../views/exposure-schemas.ts';
import { exposureView, historyView, occurrenceView } from '../../views/exposure-views.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import {
  ExposureDetailQuerySchema,
  ExposureExportQuerySchema,
  ExposureIdParamSchema,
  ExposureListQuerySchema,
  ExposurePatchSchema,
  TriageRequestSchema,
} from '../exposure-request-schemas.ts';
import { HttpError } from '../http-error.ts';
import { BEARER, errorResponses, jsonContent } from './openapi-parts.ts';

const listExposures = createRoute({
  method: 'get',
  path: '/findings',
  tags: ['findings'],
  summary:
    'Exposures across jobs: one row per distinct value (or per object and field for bulk personal data)',
  security: BEARER,
  request: { query: ExposureListQuerySchema },
  responses: { 200: jsonContent(ExposureListSchema, 'A page of exposures'), ...errorResponses(401, 422) },
});

const getExposure = createRoute({
  method: 'get',
  path: '/findings/{id}',
  tags: ['findings'],
  summary: 'One exposure with a page of its occurrences, its history and a remediation hint',
  security: BEARER,
  request: { params: ExposureIdParamSchema, query: ExposureDetailQuerySchema },
  responses: { 200: jsonContent(ExposureDetailSchema, 'The exposure'), ...errorResponses(401, 404, 422) },
});

const patchExposure = createRoute({
  method: 'patch',
  path: '/findings/{id}',
  tags: ['findings'],
  summary: "Change an exposure's state (kept in its history with the caller and the note)",
  security: BEARER,
  request: {
    params: ExposureIdParamSchema,
    body: { content: { 'application/json': { schema: ExposurePatchSchema } }, required: true },
  },
  responses: {
    200: jsonContent(ExposureSchema, 'The exposure as it is now'),
    ...errorResponses(401, 404, 422),
  },
});

const triage = createRoute({
  method: 'post',
  path: '/findings/triage',
  tags: ['findings'],
  summary: 'Change the state of up to 1000 exposures at once',
  security: BEARER,
  request: { body: { content: { 'application/json': { schema: TriageRequestSchema } }, required: true } },
  responses: { 200: jsonContent(TriageResultSchema, 'What changed'), ...errorResponses(401, 422) },
});

const binary = z.string().openapi({ format: 'binary' });

const exportExposures = createRoute({
  method: 'get',
  path: '/findings/export',
  tags: ['findings'],
  summary:
    'A filtered GET /findings view in one streamed document (filtered on a running job: labelled partial in the content and the file name)',
  security: BEARER,
  request: { query: ExposureExportQuerySchema },
  responses: {
    200: {
      description: 'The exposures, streamed',
      content: Object.fromEntries(
        EXPORT_FORMATS.map((f) => [EXPORT_MEDIA[f].contentType, { schema: binary }]),
      ),
    },
    ...errorResponses(401, 422),
  },
});

const isOccurrenceKey = (v: unknown): v is [string, string] =>
  Array.isArray(v) &&
  v.length === 2 &&
  (v[0] === 'finding' || v[0] === 'aggregate') &&
  typeof v[1] === 'string' &&
  /^\d{1,18}$/.test(v[1]);

/** Cursor kind of a `GET /findings` order, so a cursor of one order is refused by another. */
const cursorKind = (sort: ExposureSort) => `findings:${EXPOSURE_SORTS.indexOf(sort)}`;

/**
 * `GET /findings`, `GET/PATCH /findings/{id}` and `POST /findings/triage`; registered only when the
 * API has `deps.exposures`.
 */
export function registerFindings(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const exposures = deps.exposures;
  if (!exposures) return;
  app.use('/findings', authenticate(deps));
  app.use('/findings/*', authenticate(deps));

  app.openapi(listExposures, async (c) => {
    const { sort, limit, cursor, ...filter } = c.req.valid('query');
    const after = cursor
      ? decodeCursor(cursorKind(sort), cursor, (v): v is (string | number)[] => isExposureKey(sort, v))
      : undefined;
    const page = await exposures.store.list(c.get('principal').tenantId, filter, sort, { limit, after });
    return c.json(
      {
        items: page.rows.map(exposureView),
        next_cursor: page.next && encodeCursor(cursorKind(sort), page.next),
      },
      200,
    );
  });

  // Registered before `/findings/{id}`, so `export` and `triage` are never taken for an id.
  app.openapi(exportExposures, async (c) => {
    const { tenantId } = c.get('principal');
    const { format, sort, ...filter } = c.req.valid('query');
    const job = filter.job ? await deps.store.getJob(tenantId, filter.job) : null;
    const partial = job !== null && !isFinalStatus(job.status);
    const logger = c.get('logger');
    const body = exposureExportStream(
      exposures.store,
      tenantId,
      format,
      { filter, sort, partial, exportedAt: new Date().toISOString() },
      { onError: (err) => logger.error({ err, format }, 'findings export failed mid-stream') },
    );
    const media = EXPORT_MEDIA[format];
    const name = `data-scanner-findings${filter.job ? `-${filter.job.toLowerCase()}` : ''}${partial ? '-partial' : ''}`;
    return c.body(body, 200, {
      'Content-Type': media.contentType,
      'Content-Disposition': `attachment; filename="${name}.${media.extension}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.openapi(triage, async (c) => {
    const { ids, state, note } = c.req.valid('json');
    const { tenantId, actor } = c.get('principal');
    return c.json(await exposures.triage.setState(tenantId, ids, state, { actor, note }), 200);
  });

  app.openapi(getExposure, async (c) => {
    const { tenantId } = c.get('principal');
    const { id } = c.req.valid('param');
    const { job, limit, cursor } = c.req.valid('query');
    const row = await exposures.store.get(tenantId, id);
    if (!row) throw HttpError.notFound('No such finding');
    const after = cursor ? decodeCursor('occurrences', cursor, isOccurrenceKey) : undefined;
    const [history, occurrences] = await Promise.all([
      exposures.store.history(row.id),
      exposures.store.occurrences(row.id, { limit, after, job }),
    ]);
    return c.json(
      {
        ...exposureView(row),
        remediation: remediationFor(row.detector, row.category),
        history: history.map(historyView),
        occurrences_page: {
          items: occurrences.rows.map(occurrenceView),
          next_cursor: occurrences.next && encodeCursor('occurrences', occurrences.next),
        },
      },
      200,
    );
  });

  app.openapi(patchExposure, async (c) => {
    const { tenantId, actor } = c.get('principal');
    const { id } = c.req.valid('param');
    const { state, note } = c.req.valid('json');
    if (!isUuid(id)) throw HttpError.notFound('No such finding');
    const result = await exposures.triage.setState(tenantId, [id], state, { actor, note });
    if (result.not_found > 0) throw HttpError.notFound('No such finding');
    const row = await exposures.store.get(tenantId, id);
    if (!row) throw HttpError.notFound('No such finding');
    return c.json(exposureView(row), 200);
  });
}
