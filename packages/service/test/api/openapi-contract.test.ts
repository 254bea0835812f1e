import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE, openApiText } from '../../src/api/openapi-document.ts';

describe('the committed API contract', () => {
  it('is exactly the document the service serves (`npm run generate:api` rewrites it)', async () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../..', OPENAPI_FILE), 'utf8');
    expect(committed, 'openapi.json is stale: run `npm run generate:api`').toBe(await openApiText());
  });
});
