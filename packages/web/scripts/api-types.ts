import { readFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const WEB_DIR = path.resolve(import.meta.dirname, '..');

/** The service's committed API contract, the one source of the dashboard's API types. */
export const CONTRACT_FILE = path.resolve(WEB_DIR, '../service/openapi.json');

/** The generated types, committed so the build and the editor need no generation step. */
export const TYPES_FILE = path.join(WEB_DIR, 'src/api/openapi.ts');

/** The contract as parsed JSON. */
export function readContract(): Record<string, unknown> {
  return JSON.parse(readFileSync(CONTRACT_FILE, 'utf8')) as Record<string, unknown>;
}

/**
 * The TypeScript of `paths` and `components` for openapi-fetch, with every enum also exported as a
 * value array (`jobStatusValues`), so filters list exactly the values the API accepts.
 */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(readContract() as never, { enumValues: true, alphabetize: false });
  return `${COMMENT_HEADER.replace('openapi-typescript.', 'openapi-typescript from ../service/openapi.json (`npm run generate:api`).')}${astToString(ast)}`;
}
