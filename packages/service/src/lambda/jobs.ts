import { handle } from 'hono/aws-lambda';
import { registerJobs } from '../api/routes/jobs.ts';
import { createLambdaApp } from './lambda-app.ts';

/** API Gateway (REST proxy, v1 payload) handler for the jobs routes; the same routes as the Node server. */
export const handler = handle(createLambdaApp({ routes: [registerJobs] }));
