import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { JobDetailSchema, JobListSchema, JobObjectListSchema, JobSchema } from '../../views/schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { decodeCursor, encodeCursor, isCreatedKey } from '../cursor.ts';
import { HttpError } from '../http-error.ts';
import { JobDetailReader } from '../job-detail-reader.ts';
import {
  JobConditionalHeaderSchema,
  JobIdParamSchema,
  JobListQuerySchema,
  JobWaitQuerySchema,
  ObjectsQuerySchema,
} from '../schemas.ts';
import { validationHook } from '../validation-hook.ts';
import { BEARER, errorResponses, jsonContent } from './openapi-parts.ts';

const getJob = createRoute({
  method: 'get',
  path: '/jobs/{job_id}',
  tags: ['jobs'],
  summary: 'One job with its progress',
  description:
    'Polling clients send the `ETag` back as `If-None-Match` and may add `?wait=20` to be answered as ' +
    'soon as the job changes instead of polling again.',
  security: BEARER,
  request: { params: JobIdParamSchema, query: JobWaitQuerySchema, headers: JobConditionalHeaderSchema },
  responses: {
    200: {
      ...jsonContent(JobDetailSchema, 'The job with its findings summary'),
      headers: { ETag: { schema: { type: 'string' }, description: 'Validator for `If-None-Match`' } },
    },
    304: { description: 'The job still matches `If-None-Match` (after `wait`, if given)' },
    ...errorResponses(401, 404, 422, 429),
  },
});

const listJobs = createRoute({
  method: 'get',
  path: '/jobs',
  tags: ['jobs'],
  summary: 'Jobs of the caller, newest first',
  security: BEARER,
  request: { query: JobListQuerySchema },
  responses: { 200: jsonContent(JobListSchema, 'A page of jobs'), ...errorResponses(401, 422) },
});

const cancelJob = createRoute({
  method: 'post',
  path: '/jobs/{job_id}/cancel',
  tags: ['jobs'],
  summary: 'Cancel a job (no effect once it has ended)',
  security: BEARER,
  request: { params: JobIdParamSchema },
  responses: {
    202: jsonContent(JobSchema, 'Cancellation recorded; the job as it is now'),
    ...errorResponses(401, 404, 422),
  },
});

const listObjects = createRoute({
  method: 'get',
  path: '/jobs/{job_id}/objects',
  tags: ['jobs'],
  summary: 'Per-object status of a job, in key order',
  security: BEARER,
  request: { params: JobIdParamSchema, query: ObjectsQuerySchema },
  responses: { 200: jsonContent(JobObjectListSchema, 'A page of objects'), ...errorResponses(401, 404, 422) },
});

const isString = (v: unknown): v is string => typeof v === 'string' && v.length <= 2048;

/** `GET /jobs`, `GET /jobs/{id}`, `POST /jobs/{id}/cancel`, `GET /jobs/{id}/objects`. */
export function registerJobs(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  // `/jobs/*` matches `/jobs` too, so every request is authenticated (and rate-limited) once.
  app.use('/jobs/*', authenticate(deps));

  const reader = new JobDetailReader(deps);
  // Documented with its header, but the header is read alone: a `request.headers` validator would
  // copy every header of every poll into a WHATWG Headers object.
  app.openAPIRegistry.registerPath(getJob);
  const validated = {
    ...getJob,
    hide: true,
    request: { params: JobIdParamSchema, query: JobWaitQuerySchema },
  };
  app.openapi(validated, async (c) => {
    const header = JobConditionalHeaderSchema.safeParse({ 'if-none-match': c.req.header('if-none-match') });
    if (!header.success) validationHook({ ...header, target: 'header' }, c);
    const waitSeconds = c.req.valid('query').wait;
    const found = await reader.get(c.get('principal').tenantId, c.req.valid('param').job_id, {
      ifNoneMatch: header.data?.['if-none-match'],
      waitSeconds,
      // Only a long poll needs to know that its client went away.
      signal: waitSeconds ? c.req.raw.signal : undefined,
      logger: c.get('logger'),
    });
    if (!found) throw HttpError.notFound('No such job');
    c.header('ETag', found.etag);
    c.header('Cache-Control', 'private, no-cache');
    if (found.notModified) return c.body(null, 304);
    // The body is serialized once per job state (and kept with an ended job's view).
    return c.body(found.body, 200, { 'Content-Type': 'application/json' });
  });

  app.openapi(listJobs, async (c) => {
    const { status, limit, cursor } = c.req.valid('query');
    const after = cursor ? decodeCursor('jobs', cursor, isCreatedKey) : undefined;
    const page = await deps.store.listJobs(c.get('principal').tenantId, { status }, { limit, after });
    return c.json({ items: page.items, next_cursor: page.next && encodeCursor('jobs', page.next) }, 200);
  });

  app.openapi(cancelJob, async (c) => {
    const job = await deps.store.cancelJob(c.get('principal').tenantId, c.req.valid('param').job_id);
    if (!job) throw HttpError.notFound('No such job');
    return c.json(job, 202);
  });

  app.openapi(listObjects, async (c) => {
    const { status, limit, cursor } = c.req.valid('query');
    const after = cursor ? decodeCursor('objects', cursor, isString) : undefined;
    const page = await deps.store.listObjects(
      c.get('principal').tenantId,
      { jobId: c.req.valid('param').job_id, status },
      { limit, after },
    );
    if (!page) throw HttpError.notFound('No such job');
    return c.json({ items: page.items, next_cursor: page.next && encodeCursor('objects', page.next) }, 200);
  });
}
