import { handle } from 'hono/aws-lambda';
import { API_ROUTES } from '../api/app.ts';
import { PgWatchStore } from '../watch/watches-repository.ts';
import { createLambdaApp } from './lambda-app.ts';

/**
 * API Gateway (REST proxy, v1 payload) handler for every v1 route the seed's three functions do not
 * serve (`{proxy+}` and `ANY` beside them): jobs listing, objects, findings, exports, reports,
 * schedules, detectors, docs. It submits no scans: `POST /scan` stays with the scan function.
 */
export const handler = handle(
  createLambdaApp({ routes: API_ROUTES, watches: (pool) => new PgWatchStore(pool) }),
);
