import { CustomDetectorError, compileCustomDetector, detectors } from '@data-scanner/detect';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  builtinDetectorView,
  customDetectorView,
  DetectorListSchema,
  DetectorViewSchema,
} from '../../views/detector-schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { CustomDetectorRequestSchema, DetectorIdParamSchema } from '../detector-schemas.ts';
import { HttpError } from '../http-error.ts';
import { BEARER, errorResponses, jsonContent } from './openapi-parts.ts';

const listDetectors = createRoute({
  method: 'get',
  path: '/detectors',
  tags: ['detectors'],
  summary: "The built-in detectors and the caller's own",
  security: BEARER,
  responses: {
    200: jsonContent(DetectorListSchema, 'Built-ins first, then custom ones by id'),
    ...errorResponses(401),
  },
});

const createDetector = createRoute({
  method: 'post',
  path: '/detectors',
  tags: ['detectors'],
  summary: 'Add a custom detector',
  description:
    'Checked at submit: a 422 lists every problem (a pattern that does not compile, that can backtrack catastrophically or that the linear-time engine refuses, missing keywords, an unknown validator, an id that is a built-in one). Jobs created afterwards run it; a job keeps the detectors it was created with.',
  security: BEARER,
  request: {
    body: { required: true, content: { 'application/json': { schema: CustomDetectorRequestSchema } } },
  },
  responses: {
    201: jsonContent(DetectorViewSchema, 'The detector'),
    ...errorResponses(401, 409, 413, 415, 422),
  },
});

const deleteDetector = createRoute({
  method: 'delete',
  path: '/detectors/{detector_id}',
  tags: ['detectors'],
  summary: 'Delete a custom detector (jobs already created keep it)',
  security: BEARER,
  request: { params: DetectorIdParamSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 404, 422) },
});

/** `GET`, `POST /detectors` and `DELETE /detectors/{id}`: only when the app has a custom detector store. */
export function registerDetectors(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const store = deps.customDetectors;
  if (!store) return;
  app.use('/detectors', authenticate(deps));
  app.use('/detectors/*', authenticate(deps));

  app.openapi(listDetectors, async (c) => {
    const own = await store.list(c.get('principal').tenantId);
    return c.json({ items: [...detectors.map(builtinDetectorView), ...own.map(customDetectorView)] }, 200);
  });

  app.openapi(createDetector, async (c) => {
    const spec = c.req.valid('json');
    try {
      compileCustomDetector(spec);
    } catch (err) {
      if (!(err instanceof CustomDetectorError)) throw err;
      throw HttpError.validation(
        err.message,
        err.problems.map((message) => ({ path: 'body', message })),
      );
    }
    const saved = await store.create(c.get('principal').tenantId, spec.id, spec);
    if (!saved) {
      throw HttpError.conflict(`A custom detector "${spec.id}" already exists`, [
        { path: 'body.id', message: 'delete it first to replace it' },
      ]);
    }
    c.header('Location', `/detectors/${saved.id}`);
    return c.json(customDetectorView(saved), 201);
  });

  app.openapi(deleteDetector, async (c) => {
    const { detector_id } = c.req.valid('param');
    const deleted = await store.delete(c.get('principal').tenantId, detector_id);
    if (!deleted) throw HttpError.notFound('No such custom detector');
    return c.body(null, 204);
  });
}
