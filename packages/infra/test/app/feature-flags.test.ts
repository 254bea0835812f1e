import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_CONTEXT, buildProfileApp } from '../../lib/synth-app.ts';
import { checkedApp } from '../support/checked-app.ts';

const INFRA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
/** The flags `cdk init` would write for the installed aws-cdk-lib. */
const RECOMMENDED: Record<string, unknown> = require(
  path.join(
    path.dirname(fileURLToPath(import.meta.resolve('aws-cdk-lib'))),
    'recommended-feature-flags.json',
  ),
);
const CDK_JSON_CONTEXT: Record<string, unknown> = require(path.join(INFRA, 'cdk.json')).context;

describe('CDK feature flags', () => {
  it('cdk.json lists every recommended flag of the installed aws-cdk-lib at its recommended value', () => {
    expect(Object.keys(RECOMMENDED).length).toBeGreaterThan(80);
    const missingOrDifferent = Object.entries(RECOMMENDED)
      .filter(([flag, value]) => JSON.stringify(CDK_JSON_CONTEXT[flag]) !== JSON.stringify(value))
      .map(
        ([flag, value]) =>
          `${flag}: recommended ${JSON.stringify(value)}, cdk.json ${JSON.stringify(CDK_JSON_CONTEXT[flag])}`,
      );
    expect(missingOrDifferent).toEqual([]);
  });

  it('are the context of every app: npm run synth, npm run arch, bin/app.ts and the tests', () => {
    expect(APP_CONTEXT).toEqual(CDK_JSON_CONTEXT);
    const { app } = buildProfileApp({ profile: 'web-service', nag: false, options: { allowHttp: 'true' } });
    const test = checkedApp();
    for (const [flag, value] of Object.entries(RECOMMENDED)) {
      expect({ flag, value: app.node.tryGetContext(flag) }).toEqual({ flag, value });
      expect({ flag, value: test.node.tryGetContext(flag) }).toEqual({ flag, value });
    }
  });
});
