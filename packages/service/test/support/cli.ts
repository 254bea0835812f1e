import { inject } from 'vitest';

/**
 * The CLI as production runs it: a copy of `bin/data-scanner.mjs` beside the service built once per
 * test run (`global-setup.ts`). Spawn it as `node <CLI> <args>`.
 */
export const CLI: string = inject('cliBin');

/** The run's build of the service (`npm run build`'s `dist/`). */
export const CLI_DIST: string = inject('cliDist');

/** `fault-engine-module.ts` built to JavaScript: the built CLI's `DATA_SCANNER_ENGINE_MODULE` in tests. */
export const FAULT_ENGINE: string = inject('faultEngine');
