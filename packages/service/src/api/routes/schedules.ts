import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { authenticate } from '../../auth/authenticate.ts';
import { scheduleProblems } from '../../schedules/cron-schedule.ts';
import type { PgScheduleStore, Schedule } from '../../schedules/schedules-repository.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { checkDetectorIds } from '../check-detector-ids.ts';
import { decodeCursor, encodeCursor, isCreatedKey } from '../cursor.ts';
import { HttpError } from '../http-error.ts';
import {
  ScheduleIdParamSchema,
  ScheduleListQuerySchema,
  ScheduleListSchema,
  ScheduleRequestSchema,
  ScheduleSchema,
  type ScheduleView,
} from '../schedule-schemas.ts';
import { checkSource } from '../source-policy.ts';
import { BEARER, errorResponses, jsonContent } from './openapi-parts.ts';

const createSchedule = createRoute({
  method: 'post',
  path: '/schedules',
  tags: ['schedules'],
  summary: 'Create a recurring scan',
  description: 'A bad cron expression or time zone is a 400 (`invalid_schedule`) naming the field.',
  security: BEARER,
  request: { body: { required: true, content: { 'application/json': { schema: ScheduleRequestSchema } } } },
  responses: { 201: jsonContent(ScheduleSchema, 'The schedule'), ...errorResponses(400, 401, 413, 415, 422) },
});

const listSchedules = createRoute({
  method: 'get',
  path: '/schedules',
  tags: ['schedules'],
  summary: "The caller's schedules, oldest first",
  security: BEARER,
  request: { query: ScheduleListQuerySchema },
  responses: { 200: jsonContent(ScheduleListSchema, 'A page of schedules'), ...errorResponses(401, 422) },
});

const getSchedule = createRoute({
  method: 'get',
  path: '/schedules/{schedule_id}',
  tags: ['schedules'],
  summary: 'One schedule',
  security: BEARER,
  request: { params: ScheduleIdParamSchema },
  responses: { 200: jsonContent(ScheduleSchema, 'The schedule'), ...errorResponses(401, 404, 422) },
});

const deleteSchedule = createRoute({
  method: 'delete',
  path: '/schedules/{schedule_id}',
  tags: ['schedules'],
  summary: 'Delete a schedule (jobs it started are kept)',
  security: BEARER,
  request: { params: ScheduleIdParamSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 404, 422) },
});

/** The API's JSON form of a schedule. */
export function scheduleView(s: Schedule): ScheduleView {
  return {
    id: s.id,
    name: s.name,
    source: s.source,
    cron: s.cron,
    timezone: s.timezone,
    detectors: s.detectors,
    exclude: s.exclude,
    incremental: s.incremental,
    next_run_at: Number.isFinite(s.nextFireAt.getTime()) ? s.nextFireAt.toISOString() : null,
    last_run_at: s.lastFiredAt?.toISOString() ?? null,
    last_job_id: s.lastJobId,
    created_at: s.createdAt.toISOString(),
  };
}

/** `POST /schedules`, `GET /schedules`, `GET|DELETE /schedules/{id}`: only when the app has a schedule store. */
export function registerSchedules(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const store: PgScheduleStore | undefined = deps.schedules;
  if (!store) return;
  // `/schedules/*` matches `/schedules` too, so every request is authenticated (and rate-limited) once.
  app.use('/schedules/*', authenticate(deps));

  app.openapi(createSchedule, async (c) => {
    const body = c.req.valid('json');
    const problems = scheduleProblems(body.cron, body.timezone);
    if (problems.length > 0) {
      throw new HttpError(
        400,
        'invalid_schedule',
        problems.map((p) => p.message).join('; '),
        problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
      );
    }
    const { tenantId } = c.get('principal');
    const customIds =
      body.detectors && deps.customDetectors ? await deps.customDetectors.ids(tenantId) : undefined;
    checkDetectorIds(body.detectors, customIds);
    const source = await checkSource(body.source, deps.config);
    const schedule = await store.create(tenantId, { ...body, source });
    c.header('Location', `/schedules/${schedule.id}`);
    return c.json(scheduleView(schedule), 201);
  });

  app.openapi(listSchedules, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const after = cursor ? decodeCursor('schedules', cursor, isCreatedKey) : undefined;
    const page = await store.list(c.get('principal').tenantId, { limit, ...(after ? { after } : {}) });
    return c.json(
      { items: page.items.map(scheduleView), next_cursor: page.next && encodeCursor('schedules', page.next) },
      200,
    );
  });

  app.openapi(getSchedule, async (c) => {
    const schedule = await store.get(c.get('principal').tenantId, c.req.valid('param').schedule_id);
    if (!schedule) throw HttpError.notFound('No such schedule');
    return c.json(scheduleView(schedule), 200);
  });

  app.openapi(deleteSchedule, async (c) => {
    const deleted = await store.delete(c.get('principal').tenantId, c.req.valid('param').schedule_id);
    if (!deleted) throw HttpError.notFound('No such schedule');
    return c.body(null, 204);
  });
}
