import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLE_DIR_ENV, bundleLambdaHandlers } from '../../lib/constructs/lambda-bundle.ts';

/** Bundles the service's Lambda handlers once for the whole test run (workers inherit the env var). */
export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-scanner-lambda-test-'));
  bundleLambdaHandlers(dir);
  process.env[BUNDLE_DIR_ENV] = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
