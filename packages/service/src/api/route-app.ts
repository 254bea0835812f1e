import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getPath } from 'hono/utils/url';
import type { ApiDeps, ApiEnv } from './api-env.ts';
import { KeyUsage } from './auth/key-usage.ts';
import { type ErrorCode, errorBody, HttpError } from './http-error.ts';
import { methodNotAllowed } from './method-not-allowed.ts';
import { limitByClientIp } from './rate-limit.ts';
import { validationHook } from './validation-hook.ts';

/** Adds one group of routes (`/jobs`, `/results`, ...) to the app. */
export type RegisterRoutes = (app: OpenAPIHono<ApiEnv>, deps: ApiDeps) => void;

const DEFAULT_BODY_LIMIT = 64 * 1024;
const BODYLESS = new Set(['GET', 'HEAD']);
/** Routes that set their own body limit (a baseline file is larger than any other request). */
const OWN_BODY_LIMIT = new Set(['/baselines']);

/** PostgreSQL's `character_not_in_repertoire` (NUL in text) and `untranslatable_character`. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/**
 * The routing path of a request: `/api/jobs` routes as `/jobs`, because a CloudFront profile
 * forwards `/api/*` to the API unchanged while the dashboard is served from the same domain.
 */
export function withoutApiPrefix(request: Request): string {
  const path = getPath(request);
  if (path === '/api') return '/';
  return path.startsWith('/api/') ? path.slice(4) : path;
}

/**
 * Builds the v1 HTTP API with the given route groups: the middleware (request id, logging, CORS,
 * rate limits, body limit), the 404/405 answers and the JSON error body are the same for all.
 * A Lambda function passes only its own routes, so its bundle holds only their code.
 */
export function createRouteApp(appDeps: ApiDeps, routes: readonly RegisterRoutes[]): OpenAPIHono<ApiEnv> {
  const deps: ApiDeps = {
    ...appDeps,
    keyUsage:
      appDeps.keyUsage ??
      new KeyUsage((ids) => appDeps.store.touchApiKeys(ids), {
        onError: (err) =>
          appDeps.logger.warn({ err: (err as Error).message }, 'could not record API key use'),
      }),
  };
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook, getPath: withoutApiPrefix });

  app.use(requestId({ headerName: 'X-Request-Id', limitLength: 128 }));
  app.use(async (c, next) => {
    const started = performance.now();
    const logger = deps.logger.child({ request_id: c.get('requestId') });
    c.set('logger', logger);
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        tenant_id: c.get('principal')?.tenantId,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  if (deps.config.corsOrigins && deps.config.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: [...deps.config.corsOrigins],
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'If-None-Match'],
        exposeHeaders: [
          'X-Request-Id',
          'Location',
          'Idempotent-Replayed',
          'Content-Disposition',
          'Retry-After',
          'ETag',
        ],
        maxAge: 600,
      }),
    );
  }
  // Per client address before any route, so floods and key guessing stop before authentication.
  if (deps.rateLimit) app.use(limitByClientIp(deps.rateLimit));
  const limitBody = bodyLimit({
    maxSize: deps.config.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', 'Request body is too large');
    },
  });
  // GET and HEAD carry no body; asking for one would make the Node adapter build a full Request.
  app.use((c, next) =>
    BODYLESS.has(c.req.method) || OWN_BODY_LIMIT.has(withoutApiPrefix(c.req.raw))
      ? next()
      : limitBody(c, next),
  );

  for (const register of routes) register(app, deps);

  app.notFound((c) => {
    const allowed = methodNotAllowed(app.routes, c.req.method, c.req.path);
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      return c.json(errorBody('method_not_allowed', `${c.req.method} is not allowed here`), 405);
    }
    return c.json(errorBody('not_found', 'No such route'), 404);
  });

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json(errorBody(err.code, err.message, err.details), err.status as ContentfulStatusCode);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = STATUS_CODES[err.status] ?? 'bad_request';
      return c.json(errorBody(code, err.message || code), err.status);
    }
    if (UNSTORABLE_TEXT.has((err as { code?: unknown }).code as string)) {
      // A field the schemas let through with text PostgreSQL cannot hold: still the client's mistake.
      (c.get('logger') ?? deps.logger).warn(
        { err: (err as Error).message },
        'request text the database cannot store',
      );
      return c.json(errorBody('validation_failed', 'Request holds characters that cannot be stored'), 422);
    }
    (c.get('logger') ?? deps.logger).error({ err }, 'unhandled error');
    return c.json(errorBody('internal', 'Internal error'), 500);
  });

  return app;
}
