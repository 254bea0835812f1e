import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLE_DIR_ENV, bundleLambdaHandlers } from '../../lib/constructs/lambda-bundle.ts';
import { SYNTH_CACHE_ENV } from './synth-cache.ts';

/**
 * Bundles the service's Lambda handlers once for the whole test run, and makes the directory where
 * test files share their profile syntheses (workers inherit both env vars).
 */
export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-scanner-lambda-test-'));
  bundleLambdaHandlers(dir);
  process.env[BUNDLE_DIR_ENV] = dir;
  const syntheses = fs.mkdtempSync(path.join(os.tmpdir(), 'data-scanner-synth-cache-'));
  process.env[SYNTH_CACHE_ENV] = syntheses;
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(syntheses, { recursive: true, force: true });
  };
}
