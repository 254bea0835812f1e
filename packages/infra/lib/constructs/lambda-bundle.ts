import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Metafile } from 'esbuild';
import { REPO_ROOT } from './container-image.ts';

/** The service's API Gateway handlers (`packages/service/src/lambda/<name>.ts`). */
export const LAMBDA_HANDLERS = ['scan', 'jobs', 'results', 'api'] as const;
export type LambdaHandlerName = (typeof LAMBDA_HANDLERS)[number];

/** Environment variable naming a directory of prebuilt bundles (`<dir>/<name>/index.mjs`), set by test setup. */
export const BUNDLE_DIR_ENV = 'DATA_SCANNER_LAMBDA_BUNDLES';

const DATABASE_URL_ADAPTER = path.join(REPO_ROOT, 'packages/infra/lib/runtime/database-url.ts');

const BUNDLER = path.join(REPO_ROOT, 'packages/infra/lib/constructs/lambda-bundler.mjs');

let processBundleDir: string | undefined;

/**
 * Left out of every bundle: the AWS SDK v3 the nodejs22.x runtime includes (its ES modules are found
 * through NODE_PATH there, as CDK's NodejsFunction assumes), and pg's optional native binding.
 */
export const LAMBDA_EXTERNALS: readonly string[] = ['@aws-sdk/*', 'pg-native'];

/** What went into one handler's bundle: its size and the size each input contributed. */
export interface LambdaBundleInfo {
  readonly file: string;
  readonly bytes: number;
  readonly inputs: Metafile['outputs'][string]['inputs'];
  /** Modules the bundle imports at run time (Node built-ins and `LAMBDA_EXTERNALS`). */
  readonly external: readonly string[];
}

/**
 * Bundles every handler with the local esbuild into `<outDir>/<name>/index.mjs` (ESM, Node 22,
 * minified), each behind the cold-start adapter that loads `DATABASE_URL` from Secrets Manager.
 * Each handler is its own bundle holding only its routes' code; returns what each holds. esbuild
 * runs in a child process (`lambda-bundler.mjs`): its plugins need the async API, and synthesis is
 * synchronous.
 */
export function bundleLambdaHandlers(outDir: string): Record<LambdaHandlerName, LambdaBundleInfo> {
  const handlers = LAMBDA_HANDLERS.map((name) => {
    const entry = path.join(REPO_ROOT, `packages/service/src/lambda/${name}.ts`);
    if (!fs.existsSync(entry))
      throw new Error(`Lambda handler ${entry} is missing: the service package provides it`);
    return { name, entry, outfile: path.join(outDir, name, 'index.mjs') };
  });
  fs.mkdirSync(outDir, { recursive: true });
  const requestFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'data-scanner-bundler-')),
    'request.json',
  );
  fs.writeFileSync(
    requestFile,
    JSON.stringify({
      handlers,
      adapter: DATABASE_URL_ADAPTER,
      resolveDir: REPO_ROOT,
      external: LAMBDA_EXTERNALS,
    }),
  );
  const result = spawnSync(process.execPath, [BUNDLER, requestFile], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  fs.rmSync(path.dirname(requestFile), { recursive: true, force: true });
  if (result.status !== 0) {
    throw new Error(`Bundling the Lambda handlers failed: ${result.stderr || result.error?.message}`);
  }
  return JSON.parse(result.stdout) as Record<LambdaHandlerName, LambdaBundleInfo>;
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
