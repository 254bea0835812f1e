import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnResource, type Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_CONTEXT, addProfile, buildProfileApp } from '../../lib/synth-app.ts';

const VALIDATE = '@aws-cdk/core:validateAgainstDefaultRules';
const INFRA = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-nag-neg-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A resource the CloudFormation schema rejects: a bucket name must be a string, not an object. */
function addInvalidResource(stack: Stack): void {
  new CfnResource(stack, 'NotABucket', {
    type: 'AWS::S3::Bucket',
    properties: { BucketName: { nested: 'object' } },
  });
}

describe('cdk-nag AwsSolutions and CloudFormation validation', () => {
  it('stop the synthesis of a profile on an unacknowledged finding (the checks are live)', () => {
    const { app, stacks } = buildProfileApp({
      profile: 'web-service',
      env: 'dev',
      outdir: tempDir(),
      options: { allowHttp: 'true' },
    });
    new s3.Bucket(stacks[0] as Stack, 'UnloggedBucket', { enforceSSL: true });
    expect(() => app.synth()).toThrow(/UnloggedBucket[\s\S]*AwsSolutions-S1/);
  });

  it('stop npm run synth and npm run arch on a CloudFormation validation error, as in the tests', () => {
    const { app, stacks } = buildProfileApp({
      profile: 'web-service',
      env: 'dev',
      outdir: tempDir(),
      nag: false,
      options: { allowHttp: 'true' },
    });
    expect(app.node.tryGetContext(VALIDATE)).toBe(true);
    addInvalidResource(stacks[0] as Stack);
    expect(() => app.synth()).toThrow(/NotABucket|BucketName/);
  });

  it('would only warn without the flag, which is why cdk.json sets it for cdk synth|diff|deploy', () => {
    const app = new App({ outdir: tempDir() });
    const [stack] = addProfile(app, {
      profile: 'web-service',
      env: 'dev',
      nag: false,
      options: { allowHttp: 'true' },
    });
    addInvalidResource(stack as Stack);
    expect(() => app.synth()).not.toThrow();
    const cdkJson = JSON.parse(fs.readFileSync(path.join(INFRA, 'cdk.json'), 'utf8'));
    expect(cdkJson.context).toMatchObject(APP_CONTEXT);
    expect(APP_CONTEXT[VALIDATE]).toBe(true);
  });
});
