// `npm run generate:api -w @data-scanner/service`: writes the API contract (`openapi.json`) that the
// dashboard's client types are generated from; `test/api/openapi-contract.test.ts` fails when it drifts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, openApiText } from '../src/api/openapi-document.ts';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', OPENAPI_FILE);
writeFileSync(file, await openApiText());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
