import { createHash } from 'node:crypto';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ScanNotQueuedError } from '../../jobs/submit-job.ts';
import { ErrorSchema, ScanAcceptedSchema } from '../../views/schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { checkDetectorIds } from '../check-detector-ids.ts';
import { HttpError } from '../http-error.ts';
import { IdempotencyConflict } from '../ports.ts';
import { IdempotencyHeaderSchema, ScanRequestSchema } from '../schemas.ts';
import { checkInventory, checkSource } from '../source-policy.ts';
import { BEARER, errorResponses } from './openapi-parts.ts';

const scanRoute = createRoute({
  method: 'post',
  path: '/scan',
  tags: ['scans'],
  summary: 'Submit a scan of an S3 prefix or a local folder',
  security: BEARER,
  request: {
    headers: IdempotencyHeaderSchema,
    body: { required: true, content: { 'application/json': { schema: ScanRequestSchema } } },
  },
  responses: {
    202: { description: 'Job accepted', content: { 'application/json': { schema: ScanAcceptedSchema } } },
    200: {
      description: 'An earlier request with the same Idempotency-Key; its job is returned',
      content: { 'application/json': { schema: ScanAcceptedSchema } },
    },
    409: {
      description: 'Idempotency-Key reused with a different body',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    ...errorResponses(401, 413, 415, 422),
    503: {
      description: 'The scan queue refused the job: it is marked failed; retry later',
      content: { 'application/json': { schema: ErrorSchema } },
    },
  },
});

/** `POST /scan`. */
export function registerScan(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  app.use('/scan', authenticate(deps));
  app.openapi(scanRoute, async (c) => {
    const body = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'];
    const { tenantId } = c.get('principal');
    const customIds =
      body.detectors && deps.customDetectors ? await deps.customDetectors.ids(tenantId) : undefined;
    checkDetectorIds(body.detectors, customIds);
    if (body.inventory !== undefined) await checkInventory(body.inventory, body.source, deps.config);
    const source = await checkSource(body.source, deps.config);
    const spec = { ...body, source };
    const idempotency = key
      ? { key, requestHash: createHash('sha256').update(JSON.stringify(spec)).digest('hex') }
      : undefined;
    try {
      const { job, replayed } = await deps.store.submitScan(tenantId, spec, idempotency);
      c.header('Location', `/jobs/${job.job_id}`);
      if (replayed) c.header('Idempotent-Replayed', 'true');
      return c.json({ job_id: job.job_id, status: job.status }, replayed ? 200 : 202);
    } catch (err) {
      if (err instanceof ScanNotQueuedError) {
        throw new HttpError(503, 'service_unavailable', 'The scan could not be queued; retry later', [
          { message: err.queueError.message },
        ]);
      }
      if (err instanceof IdempotencyConflict) {
        const detail = err.jobId ? `used for job ${err.jobId}` : 'in progress';
        throw HttpError.conflict(err.message, [{ path: 'header.idempotency-key', message: detail }]);
      }
      throw err;
    }
  });
}
