import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { scheduleProblems } from '../../schedules/cron-schedule.ts';
import type { PgScheduleStore } from '../../schedules/schedules-repository.ts';
import { ScheduleListSchema, ScheduleSchema, scheduleView } from '../../views/schedule-schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { checkDetectorIds } from '../check-detector-ids.ts';
import { decodeCursor, encodeCursor, isCreatedKey } from '../cursor.ts';
import { HttpError } from '../http-error.ts';
import {
  ScheduleIdParamSchema,
  ScheduleListQuerySchema,
  ScheduleRequestSchema,
  ScheduleUpdateSchema,
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

const updateSchedule = createRoute({
  method: 'patch',
  path: '/schedules/{schedule_id}',
  tags: ['schedules'],
  summary: 'Edit, pause or resume a schedule',
  description:
    'Fields left out keep their value. `paused: true` stops it firing; `paused: false` resumes it from the ' +
    'first tick after now (ticks missed while paused never fire). A bad cron or time zone is a 400 ' +
    '(`invalid_schedule`) naming the field.',
  security: BEARER,
  request: {
    params: ScheduleIdParamSchema,
    body: { required: true, content: { 'application/json': { schema: ScheduleUpdateSchema } } },
  },
  responses: {
    200: jsonContent(ScheduleSchema, 'The schedule as changed'),
    ...errorResponses(400, 401, 404, 413, 415, 422),
  },
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

function checkTiming(cron: string, timezone: string): void {
  const problems = scheduleProblems(cron, timezone);
  if (problems.length > 0) {
    throw new HttpError(
      400,
      'invalid_schedule',
      problems.map((p) => p.message).join('; '),
      problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
    );
  }
}

/** `POST /schedules`, `GET /schedules`, `GET|PATCH|DELETE /schedules/{id}`: only when the app has a schedule store. */
export function registerSchedules(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const store: PgScheduleStore | undefined = deps.schedules;
  if (!store) return;
  // `/schedules/*` matches `/schedules` too, so every request is authenticated (and rate-limited) once.
  app.use('/schedules/*', authenticate(deps));

  app.openapi(createSchedule, async (c) => {
    const body = c.req.valid('json');
    checkTiming(body.cron, body.timezone);
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

  app.openapi(updateSchedule, async (c) => {
    const { tenantId } = c.get('principal');
    const id = c.req.valid('param').schedule_id;
    const body = c.req.valid('json');
    // A source outside the policy is refused whether or not the schedule exists, as on POST.
    const source = body.source === undefined ? undefined : await checkSource(body.source, deps.config);
    const current = await store.get(tenantId, id);
    if (!current) throw HttpError.notFound('No such schedule');
    if (body.cron !== undefined || body.timezone !== undefined) {
      checkTiming(body.cron ?? current.cron, body.timezone ?? current.timezone);
    }
    if (body.detectors) {
      const customIds = deps.customDetectors ? await deps.customDetectors.ids(tenantId) : undefined;
      checkDetectorIds(body.detectors, customIds);
    }
    const updated = await store.update(tenantId, id, { ...body, ...(source ? { source } : {}) });
    if (!updated) throw HttpError.notFound('No such schedule');
    return c.json(scheduleView(updated), 200);
  });

  app.openapi(deleteSchedule, async (c) => {
    const deleted = await store.delete(c.get('principal').tenantId, c.req.valid('param').schedule_id);
    if (!deleted) throw HttpError.notFound('No such schedule');
    return c.body(null, 204);
  });
}
