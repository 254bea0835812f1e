import { randomUUID } from 'node:crypto';

/** What a test sets on an API Gateway REST proxy (payload v1) event. */
export interface RestEventInput {
  method: string;
  /** The request path without the stage, as API Gateway passes it in `path`. */
  path: string;
  /** The matched API resource, e.g. `/jobs/{job_id}`. */
  resource: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  stage?: string;
}

/**
 * A REST API proxy event as API Gateway sends it to Lambda (version 1.0): single- and multi-value
 * headers and query strings, the stage in `requestContext.path` but not in `path`, nulls where
 * API Gateway sends nulls.
 */
export function restEvent(input: RestEventInput) {
  const stage = input.stage ?? 'prod';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Host: 'abc123defg.execute-api.eu-west-1.amazonaws.com',
    'User-Agent': 'curl/8.5.0',
    'X-Amzn-Trace-Id': 'Root=1-67891233-abcdef012345678912345678',
    'X-Forwarded-For': '203.0.113.7',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
    ...input.headers,
  };
  const query = input.query && Object.keys(input.query).length > 0 ? input.query : null;
  return {
    resource: input.resource,
    path: input.path,
    httpMethod: input.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: query,
    multiValueQueryStringParameters: query
      ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]]))
      : null,
    pathParameters: input.pathParameters ?? null,
    stageVariables: null,
    requestContext: {
      resourceId: 'a1b2c3',
      resourcePath: input.resource,
      httpMethod: input.method,
      extendedRequestId: 'Zk9x1FabcdEFg=',
      requestTime: '22/Nov/2026:02:40:00 +0000',
      path: `/${stage}${input.path}`,
      accountId: '123456789012',
      protocol: 'HTTP/1.1',
      stage,
      domainPrefix: 'abc123defg',
      requestTimeEpoch: Date.now(),
      requestId: randomUUID(),
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        sourceIp: '203.0.113.7',
        principalOrgId: null,
        accessKey: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: 'curl/8.5.0',
        user: null,
      },
      domainName: 'abc123defg.execute-api.eu-west-1.amazonaws.com',
      apiId: 'abc123defg',
    },
    body: input.body ?? null,
    isBase64Encoded: false,
  };
}

/** The minimal Lambda context the handlers receive. */
export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'data-scanner-dev-jobs',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:data-scanner-dev-jobs',
  memoryLimitInMB: '256',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/data-scanner-dev-jobs',
  logStreamName: '2026/11/22/[$LATEST]abcdef',
  getRemainingTimeInMillis: () => 30_000,
};
