import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../api-env.ts';
import { DOCS_HTML } from '../docs-page.ts';

/** `GET /openapi.json` (OpenAPI 3.1 from the route schemas) and `GET /docs` (a self-contained viewer). */
export function registerDocs(app: OpenAPIHono<ApiEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from `data-scanner keys create`, or a JWT when the deployment accepts them',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Data Scanner API',
      version: '1.0.0',
      description: 'Find secrets and personal data in S3 buckets and local folders.',
    },
  });
  app.get('/docs', (c) => {
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
    );
    return c.html(DOCS_HTML);
  });
}
