import { handle } from 'hono/aws-lambda';
import { createLambdaApp } from './lambda-app.ts';

/** API Gateway (REST proxy, v1 payload) handler for the scan routes; the same app as the Node server. */
export const handler = handle(createLambdaApp());
