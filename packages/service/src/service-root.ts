import path from 'node:path';
import { fileURLToPath } from 'node:url';

// This file sits directly in `src/`, and the build puts every chunk directly in `dist/`, so the
// package folder is one level up either way.
const here = path.dirname(fileURLToPath(import.meta.url));

/** The service package folder (`packages/service`), from the sources or from the build. */
export const SERVICE_ROOT = path.dirname(here);

/** Whether this code runs from the esbuild output (`dist/`) rather than the TypeScript sources. */
export const RUNS_BUILT = path.basename(here) === 'dist';
