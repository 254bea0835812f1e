import { handle } from 'hono/aws-lambda';
import { registerScan } from '../api/routes/scan.ts';
import { enqueuePlanOn } from '../jobs/submit-job.ts';
import { createScanQueue } from '../queue/create-queue.ts';
import { PgJobStore } from '../store/jobs-repository.ts';
import { createLambdaApp } from './lambda-app.ts';

/** API Gateway (REST proxy, v1 payload) handler for `POST /scan`; the same route as the Node server. */
export const handler = handle(
  createLambdaApp({
    routes: [registerScan],
    jobStore: (pool) => new PgJobStore(pool),
    enqueuePlan: (config, pool) => enqueuePlanOn(createScanQueue(config, pool)),
  }),
);
