import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { REPO_ROOT } from './container-image.ts';

/** The service's API Gateway handlers (`packages/service/src/lambda/<name>.ts`). */
export const LAMBDA_HANDLERS = ['scan', 'jobs', 'results'] as const;
export type LambdaHandlerName = (typeof LAMBDA_HANDLERS)[number];

/** Environment variable naming a directory of prebuilt bundles (`<dir>/<name>/index.mjs`), set by test setup. */
export const BUNDLE_DIR_ENV = 'DATA_SCANNER_LAMBDA_BUNDLES';

const DATABASE_URL_ADAPTER = path.join(REPO_ROOT, 'packages/infra/lib/runtime/database-url.ts');

let processBundleDir: string | undefined;

/**
 * Bundles every handler with the local esbuild into `<outDir>/<name>/index.mjs` (ESM, Node 22,
 * minified), each behind the cold-start adapter that loads `DATABASE_URL` from Secrets Manager.
 */
export function bundleLambdaHandlers(outDir: string): void {
  for (const name of LAMBDA_HANDLERS) {
    const entry = path.join(REPO_ROOT, `packages/service/src/lambda/${name}.ts`);
    if (!fs.existsSync(entry))
      throw new Error(`Lambda handler ${entry} is missing: the service package provides it`);
    buildSync({
      stdin: {
        contents: [
          `import { loadDatabaseUrl } from ${JSON.stringify(DATABASE_URL_ADAPTER)};`,
          'await loadDatabaseUrl();',
          `const mod = await import(${JSON.stringify(entry)});`,
          'export const handler = mod.handler;',
        ].join('\n'),
        resolveDir: REPO_ROOT,
        sourcefile: `${name}-entry.ts`,
        loader: 'ts',
      },
      outfile: path.join(outDir, name, 'index.mjs'),
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      minify: true,
      legalComments: 'none',
      external: ['pg-native'],
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      logLevel: 'error',
    });
  }
}

/**
 * Directory holding the bundle of one handler. Uses prebuilt bundles when `DATA_SCANNER_LAMBDA_BUNDLES`
 * names them, otherwise bundles all handlers once per process into a temporary directory.
 */
export function lambdaBundleDir(name: LambdaHandlerName): string {
  const prebuilt = process.env[BUNDLE_DIR_ENV];
  if (prebuilt && fs.existsSync(path.join(prebuilt, name, 'index.mjs'))) return path.join(prebuilt, name);
  if (!processBundleDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-scanner-lambda-'));
    bundleLambdaHandlers(dir);
    processBundleDir = dir;
  }
  return path.join(processBundleDir, name);
}
