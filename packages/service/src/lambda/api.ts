import { handle } from 'hono/aws-lambda';
import { API_ROUTES } from '../api/app.ts';
import { PgExposureStore } from '../store/exposure-store.ts';
import { PgExposureTriage } from '../store/exposure-triage.ts';
import { PgJobStore } from '../store/jobs-repository.ts';
import { PgWatchStore } from '../watch/watches-repository.ts';
import { createLambdaApp } from './lambda-app.ts';

/**
 * API Gateway (REST proxy, v1 payload) handler for every v1 route the seed's three functions do not
 * serve (`{proxy+}` and `ANY` beside them): jobs listing, objects, findings, exports, reports,
 * schedules, detectors, docs. It submits no scans: `POST /scan` stays with the scan function.
 */
export const handler = handle(
  createLambdaApp({
    routes: API_ROUTES,
    watches: (pool) => new PgWatchStore(pool),
    jobStore: (pool) => new PgJobStore(pool),
    // Lambda has no data directory: baselines are checked against FINGERPRINT_KEY when it is set.
    exposures: (config, pool) => {
      const key = config.fingerprintKey;
      return {
        store: new PgExposureStore(pool),
        triage: new PgExposureTriage(pool),
        ...(key === undefined ? {} : { fingerprintKey: async () => key }),
      };
    },
  }),
);
