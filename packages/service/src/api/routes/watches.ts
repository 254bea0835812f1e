import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { WatchStore } from '../../ports/watch-store.ts';
import { WatchListSchema, WatchSchema, watchView } from '../../views/watch-schemas.ts';
import { WatchExistsError } from '../../watch/watches-repository.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { checkDetectorIds } from '../check-detector-ids.ts';
import { decodeCursor, encodeCursor, isCreatedKey } from '../cursor.ts';
import { HttpError } from '../http-error.ts';
import { checkSource } from '../source-policy.ts';
import { WatchIdParamSchema, WatchListQuerySchema, WatchRequestSchema } from '../watch-schemas.ts';
import { BEARER, errorResponses, jsonContent } from './openapi-parts.ts';

/** Rolling jobs `GET /watches/{id}` shows: the last day's. */
const RECENT_JOBS = 24;

const createWatch = createRoute({
  method: 'post',
  path: '/watches',
  tags: ['watches'],
  summary: 'Scan on upload: watch an S3 prefix or a local folder',
  description:
    'Each object created under the source (S3 event notifications; file-system notifications for a ' +
    'local folder) is scanned within about a minute, in a rolling job per watch and hour. Deletes ' +
    'remove nothing. Same source policy as `POST /scan`; a local source must be a folder. A second ' +
    'watch of the same source is a 409.',
  security: BEARER,
  request: { body: { required: true, content: { 'application/json': { schema: WatchRequestSchema } } } },
  responses: {
    201: jsonContent(WatchSchema, 'The watch'),
    ...errorResponses(401, 409, 413, 415, 422),
  },
});

const listWatches = createRoute({
  method: 'get',
  path: '/watches',
  tags: ['watches'],
  summary: "The caller's watches, oldest first",
  security: BEARER,
  request: { query: WatchListQuerySchema },
  responses: { 200: jsonContent(WatchListSchema, 'A page of watches'), ...errorResponses(401, 422) },
});

const getWatch = createRoute({
  method: 'get',
  path: '/watches/{watch_id}',
  tags: ['watches'],
  summary: 'One watch and its recent rolling jobs',
  security: BEARER,
  request: { params: WatchIdParamSchema },
  responses: { 200: jsonContent(WatchSchema, 'The watch'), ...errorResponses(401, 404, 422) },
});

const deleteWatch = createRoute({
  method: 'delete',
  path: '/watches/{watch_id}',
  tags: ['watches'],
  summary: 'Stop watching (its rolling jobs and findings are kept)',
  security: BEARER,
  request: { params: WatchIdParamSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 404, 422) },
});

async function checkFolder(source: string): Promise<void> {
  if (!source.startsWith('file:')) return;
  const info = await stat(fileURLToPath(source)).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new HttpError(422, 'source_not_allowed', 'A watched local source must be a folder', [
      { path: 'body.source', message: 'not a folder' },
    ]);
  }
}

/** `POST /watches`, `GET /watches`, `GET|DELETE /watches/{id}`: only when the app has a watch store. */
export function registerWatches(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const store: WatchStore | undefined = deps.watches;
  if (!store) return;
  // `/watches/*` matches `/watches` too, so every request is authenticated (and rate-limited) once.
  app.use('/watches/*', authenticate(deps));

  app.openapi(createWatch, async (c) => {
    const body = c.req.valid('json');
    const { tenantId } = c.get('principal');
    const customIds =
      body.detectors && deps.customDetectors ? await deps.customDetectors.ids(tenantId) : undefined;
    checkDetectorIds(body.detectors, customIds);
    const source = await checkSource(body.source, deps.config);
    await checkFolder(source);
    try {
      const watch = await store.create(tenantId, { ...body, source });
      c.header('Location', `/watches/${watch.id}`);
      return c.json(watchView(watch), 201);
    } catch (err) {
      if (err instanceof WatchExistsError) {
        throw HttpError.conflict(err.message, [
          { path: 'body.source', message: `watched by ${err.watchId}` },
        ]);
      }
      throw err;
    }
  });

  app.openapi(listWatches, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const after = cursor ? decodeCursor('watches', cursor, isCreatedKey) : undefined;
    const page = await store.list(c.get('principal').tenantId, { limit, ...(after ? { after } : {}) });
    return c.json(
      {
        items: page.items.map((w) => watchView(w)),
        next_cursor: page.next && encodeCursor('watches', page.next),
      },
      200,
    );
  });

  app.openapi(getWatch, async (c) => {
    const watch = await store.get(c.get('principal').tenantId, c.req.valid('param').watch_id);
    if (!watch) throw HttpError.notFound('No such watch');
    return c.json(watchView(watch, await store.rollingJobs(watch.id, RECENT_JOBS)), 200);
  });

  app.openapi(deleteWatch, async (c) => {
    const deleted = await store.delete(c.get('principal').tenantId, c.req.valid('param').watch_id);
    if (!deleted) throw HttpError.notFound('No such watch');
    return c.body(null, 204);
  });
}
