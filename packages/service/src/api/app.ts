import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps, ApiEnv } from './api-env.ts';
import { createRouteApp, type RegisterRoutes } from './route-app.ts';
import { registerAggregates } from './routes/aggregates.ts';
import { registerBaselines } from './routes/baselines.ts';
import { registerDetectors } from './routes/detectors.ts';
import { registerDocs } from './routes/docs.ts';
import { registerFindings } from './routes/findings.ts';
import { registerHealth } from './routes/health.ts';
import { registerJobs } from './routes/jobs.ts';
import { registerNotificationSettings } from './routes/notification-settings.ts';
import { registerReports } from './routes/reports.ts';
import { registerResults } from './routes/results.ts';
import { registerScan } from './routes/scan.ts';
import { registerScanEstimate } from './routes/scan-estimate.ts';
import { registerSchedules } from './routes/schedules.ts';

export type { ApiConfig, ApiDeps, ApiEnv } from './api-env.ts';
export { type RegisterRoutes, withoutApiPrefix } from './route-app.ts';

/** Every route group of the v1 API, in registration order. */
export const API_ROUTES: readonly RegisterRoutes[] = [
  registerHealth,
  registerScan,
  registerScanEstimate,
  registerJobs,
  registerResults,
  registerAggregates,
  registerFindings,
  registerBaselines,
  registerSchedules,
  registerNotificationSettings,
  registerDetectors,
  registerReports,
  (app) => registerDocs(app),
];

/**
 * Builds the v1 HTTP API. The same app object is served by Node (`serve --role api`) and by the
 * Lambda handlers (each with its own routes, see `createRouteApp`), and tests call `app.request()`
 * on it with no server.
 */
export function createApp(deps: ApiDeps): OpenAPIHono<ApiEnv> {
  return createRouteApp(deps, API_ROUTES);
}
