import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { buildProfileApp } from '../../lib/synth-app.ts';

interface Report {
  pluginReports: { pluginName: string; conclusion: string; violations: unknown[] }[];
}

function synthReport(profile: string, env: string): Report {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-nag-'));
  try {
    buildProfileApp({ profile, env, outdir }).app.synth();
    const file = path.join(outdir, 'validation-report.json');
    return fs.existsSync(file)
      ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Report)
      : { pluginReports: [] };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('cdk-nag AwsSolutions and CloudFormation validation', () => {
  it('stop the synthesis of a profile on an unacknowledged finding (the checks are live)', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-nag-neg-'));
    const { app, stacks } = buildProfileApp({ profile: 'web-service', env: 'dev', outdir });
    new s3.Bucket(stacks[0] as Stack, 'UnloggedBucket', { enforceSSL: true });
    expect(() => app.synth()).toThrow(/UnloggedBucket[\s\S]*AwsSolutions-S1/);
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  it.each([
    ['data-scanner', 'dev'],
    ['data-scanner', 'staging'],
    ['data-scanner', 'prod'],
    ['web-service', 'dev'],
    ['web-service', 'staging'],
    ['web-service', 'prod'],
  ])('%s %s: every plugin concludes success with zero unacknowledged violations', (profile, env) => {
    // Synthesis throws when any plugin (cdk-nag or CloudFormation Validate) reports an error.
    const report = synthReport(profile, env);
    for (const r of report.pluginReports) {
      expect({ plugin: r.pluginName, conclusion: r.conclusion, violations: r.violations }).toEqual({
        plugin: r.pluginName,
        conclusion: 'success',
        violations: [],
      });
    }
  });
});
