import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { buildProfileApp } from '../../lib/synth-app.ts';

describe('cdk-nag AwsSolutions and CloudFormation validation', () => {
  it('stop the synthesis of a profile on an unacknowledged finding (the checks are live)', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-nag-neg-'));
    const { app, stacks } = buildProfileApp({ profile: 'web-service', env: 'dev', outdir });
    new s3.Bucket(stacks[0] as Stack, 'UnloggedBucket', { enforceSSL: true });
    expect(() => app.synth()).toThrow(/UnloggedBucket[\s\S]*AwsSolutions-S1/);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
