import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { Cdn } from '../../lib/constructs/cdn.ts';
import { DashboardDeployment } from '../../lib/constructs/dashboard-deployment.ts';
import { checkedApp } from '../support/checked-app.ts';
import { acknowledgeTestFixture } from '../support/fixture-acks.ts';
import { roleIdStartingWith, statementsOfRole } from '../support/template-queries.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** GIVEN a dashboard build directory (or none) and a private bucket behind CloudFront, WHEN deployed, THEN the stack. */
function synth(build: Record<string, string> | undefined): { stack: Stack; template: Template } {
  const sourceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-dist-'));
  dirs.push(sourceDir);
  for (const [file, text] of Object.entries(build ?? {})) fs.writeFileSync(path.join(sourceDir, file), text);
  const stack = new Stack(checkedApp(), 'DashboardStack', {
    env: { account: '111111111111', region: 'us-east-1' },
  });
  const bucket = new s3.Bucket(stack, 'Frontend', {
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
  });
  acknowledgeTestFixture(bucket);
  const cdn = new Cdn(stack, 'Cdn', { bucket, spa: true });
  new DashboardDeployment(stack, 'Dashboard', { bucket, distribution: cdn.distribution, sourceDir });
  // Synthesis runs cdk-nag and the CloudFormation validation: an unacknowledged finding throws here.
  return { stack, template: Template.fromStack(stack) };
}

/** The staged directory of each source of the deployment, in order. */
function sourceDirs(stack: Stack, template: Template): string[] {
  const outdir = (stack.node.root as unknown as { outdir: string }).outdir;
  const keys: string[] = Object.values(template.findResources('Custom::CDKBucketDeployment'))[0]?.Properties
    .SourceObjectKeys;
  return keys.map((key) => path.join(outdir, `asset.${key.replace(/\.zip$/, '')}`));
}

const files = (dir: string) => fs.readdirSync(dir).sort();
const json = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('DashboardDeployment', () => {
  describe('with a built dashboard', () => {
    const { stack, template } = synth({
      'index.html': '<!doctype html>',
      'config.json': '{"apiBaseUrl":""}',
    });

    it('uploads the build without its own config.json, then config.json {"apiBaseUrl": "/api"}', () => {
      const [build, config, ...rest] = sourceDirs(stack, template);
      expect(rest).toEqual([]);
      expect(files(build as string)).toEqual(['index.html']);
      expect(files(config as string)).toEqual(['config.json']);
      expect(json(path.join(config as string, 'config.json'))).toEqual({ apiBaseUrl: '/api' });
      template.hasResourceProperties('Custom::CDKBucketDeployment', {
        DestinationBucketName: { Ref: Match.stringLikeRegexp('^Frontend') },
        Prune: true,
      });
    });

    it('invalidates /* of the distribution, with the invalidation right on that distribution only', () => {
      template.hasResourceProperties('Custom::CDKBucketDeployment', {
        DistributionId: { Ref: Match.stringLikeRegexp('^CdnDistribution') },
        DistributionPaths: ['/*'],
      });
      const statements = statementsOfRole(
        template,
        roleIdStartingWith(template, 'CustomCDKBucketDeployment'),
      );
      const invalidation = statements.filter((s) => JSON.stringify(s.Action).includes('cloudfront:'));
      expect(invalidation).toEqual([
        expect.objectContaining({
          Action: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
          Resource: {
            'Fn::Join': [
              '',
              [
                // The pinned feature flags write the partition of a known region literally.
                'arn:aws:cloudfront::111111111111:distribution/',
                { Ref: expect.stringMatching(/^CdnDistribution/) },
              ],
            ],
          },
        }),
      ]);
      expect(statements.filter((s) => s.Resource === '*')).toEqual([]);
    });

    it('does not warn', () => {
      expect(
        Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('dashboard is not built')),
      ).toEqual([]);
    });
  });

  describe('without a build', () => {
    const { stack, template } = synth(undefined);

    it('still synthesizes, deploys config.json only and warns how to build', () => {
      const dirs = sourceDirs(stack, template);
      expect(dirs.map(files)).toEqual([['config.json']]);
      Annotations.fromStack(stack).hasWarning(
        '/DashboardStack/Dashboard',
        Match.stringLikeRegexp('npm run build -w @data-scanner/web'),
      );
    });
  });

  it('has the same handler function and role with and without a build (documents do not depend on the build)', () => {
    const handlerOf = (template: Template) => {
      const pick = (type: string) =>
        Object.entries(template.findResources(type))
          .filter(([id]) => id.startsWith('CustomCDKBucketDeployment'))
          .map(([, r]) => r.Properties);
      return { fn: pick('AWS::Lambda::Function'), policy: pick('AWS::IAM::Policy') };
    };
    const built = handlerOf(synth({ 'index.html': '<!doctype html>' }).template);
    const bare = handlerOf(synth(undefined).template);
    expect(built.fn).toHaveLength(1);
    expect(built).toEqual(bare);
  });
});
