import { createLogger } from '../log.ts';
import { createApp } from './app.ts';

/** Where the committed contract lives, relative to the service package; the dashboard's types are generated from it. */
export const OPENAPI_FILE = 'openapi.json';

/**
 * The OpenAPI 3.1 document of the whole v1 API, every optional route group included, exactly as
 * `GET /openapi.json` serves it. Building it reads no database: the stores are never called.
 */
export async function openApiDocument(): Promise<unknown> {
  const unused = {} as never;
  const app = createApp({
    store: unused,
    config: { s3Buckets: [], fileRoots: [] },
    logger: createLogger({ level: 'silent' }),
    schedules: unused,
    watches: unused,
    customDetectors: unused,
    notifications: unused,
    reports: unused,
    exposures: unused,
  });
  const res = await app.request('/openapi.json');
  return res.json();
}

/** The document as the committed file holds it: two-space JSON and a final newline. */
export async function openApiText(): Promise<string> {
  return `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
}
