// `npm run generate:api -w @data-scanner/web`: regenerates src/api/openapi.ts from the service's
// openapi.json; `test/api-types.test.ts` fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateApiTypes, TYPES_FILE } from './api-types.ts';

writeFileSync(TYPES_FILE, await generateApiTypes());
process.stdout.write(`wrote ${path.relative(process.cwd(), TYPES_FILE)}\n`);
