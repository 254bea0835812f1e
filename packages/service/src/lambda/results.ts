import { handle } from 'hono/aws-lambda';
import { registerResults } from '../api/routes/results.ts';
import { createLambdaApp } from './lambda-app.ts';

/** API Gateway (REST proxy, v1 payload) handler for the results routes; the same routes as the Node server. */
export const handler = handle(createLambdaApp({ routes: [registerResults] }));
