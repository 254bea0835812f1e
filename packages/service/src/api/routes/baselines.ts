import { assertBaselineKey, BaselineError, parseBaseline } from '@data-scanner/detect/baseline';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { BaselineImportSchema } from '../../views/exposure-schemas.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { HttpError } from '../http-error.ts';
import { NUL_MESSAGE, text } from '../text-schema.ts';
import { validationHook } from '../validation-hook.ts';
import { BEARER, errorResponses, jsonContent } from './openapi-parts.ts';

/** Largest baseline file accepted (about 60,000 entries). */
export const BASELINE_BODY_LIMIT = 16 * 1024 * 1024;

const BaselineFileSchema = z
  .object({
    version: z.literal(1),
    tool: z.literal('data-scanner'),
    fingerprintKeyId: text().openapi({ description: 'Key id of the fingerprint key it was made with' }),
    createdAt: text().openapi({ format: 'date-time' }),
    entries: z.array(
      z.object({
        detector: text(),
        fingerprint: text().openapi({ description: '64 hex characters' }),
        path: text().optional(),
        line: z.number().int().optional(),
      }),
    ),
  })
  .openapi('BaselineFile', {
    description:
      'A file written by `data-scanner baseline create`: keyed fingerprints and places, never a value',
  });

const importBaseline = createRoute({
  method: 'post',
  path: '/baselines',
  tags: ['findings'],
  summary: 'Import a baseline file: its values become accepted_risk exposures, suppressed in later scans',
  security: BEARER,
  request: {
    query: z.object({
      name: text()
        .min(1)
        .max(200)
        .optional()
        .openapi({ description: 'Named in the history; default: its createdAt' }),
    }),
    body: { content: { 'application/json': { schema: BaselineFileSchema } }, required: true },
  },
  responses: {
    201: jsonContent(BaselineImportSchema, 'Imported'),
    ...errorResponses(401, 413, 422, 503),
  },
});

/**
 * `POST /baselines`; registered only when the API has `deps.exposures`. The file is checked by
 * detect's `parseBaseline` (every problem named) and refused when made under another fingerprint key.
 */
export function registerBaselines(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const exposures = deps.exposures;
  if (!exposures) return;
  app.use('/baselines', authenticate(deps));
  app.use(
    '/baselines',
    bodyLimit({
      maxSize: BASELINE_BODY_LIMIT,
      onError: () => {
        throw new HttpError(
          413,
          'payload_too_large',
          `A baseline file is at most ${BASELINE_BODY_LIMIT} bytes`,
        );
      },
    }),
  );
  const check = (file: unknown, name: string) => {
    try {
      return parseBaseline(JSON.stringify(file), name);
    } catch (err) {
      if (err instanceof BaselineError)
        throw HttpError.validation(err.message, [{ path: 'body', message: err.message }]);
      throw err;
    }
  };
  app.openapi(
    importBaseline,
    async (c) => {
      const { tenantId, actor } = c.get('principal');
      const named = c.req.valid('query').name;
      const baseline = check(c.req.valid('json'), named ?? 'file');
      if (!exposures.fingerprintKey)
        throw new HttpError(503, 'service_unavailable', 'This deployment cannot read its fingerprint key');
      try {
        assertBaselineKey(baseline, await exposures.fingerprintKey(), named ?? 'file');
      } catch (err) {
        if (err instanceof BaselineError)
          throw HttpError.validation(err.message, [{ path: 'body', message: err.message }]);
        throw err;
      }
      const imported = await exposures.triage.importBaseline(
        tenantId,
        baseline,
        named ?? baseline.createdAt,
        actor,
      );
      return c.json(imported, 201);
    },
    // parseBaseline names every problem of a file the schema refuses (a NUL excepted).
    (result, c) => {
      if (result.success) return undefined;
      const refuse = (): never => {
        validationHook(result, c);
        throw HttpError.validation('Request body is invalid');
      };
      // A NUL is named by its field, as on every route; other problems by parseBaseline's list.
      if (result.target !== 'json' || result.error.issues.some((i) => i.message === NUL_MESSAGE))
        return refuse();
      return c.req.json().then((file: unknown): never => {
        check(file, c.req.query('name') ?? 'file');
        return refuse();
      });
    },
  );
}
