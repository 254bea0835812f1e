import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../../../service/src/env-names.ts';
import { applicationEnvironment } from '../../lib/constructs/application-service.ts';
import { PROFILES } from '../../lib/profiles/index.ts';
import { stackEnvironment } from '../../lib/profiles/profile-stack.ts';
import { buildProfileApp } from '../../lib/synth-app.ts';
import { profileTemplate } from '../support/profile-template.ts';

// Issue 20: what a user needs to deploy for real, asserted on the synthesized templates.
const TARGETS = PROFILES.map((p) => [p.id, p.fixedEnv ?? 'dev'] as const);
const template = (id: string) => profileTemplate(id, PROFILES.find((p) => p.id === id)?.fixedEnv ?? 'dev');

const DOMAIN = {
  domainName: 'scanner.example.org',
  hostedZoneId: 'Z0123456789ABC',
  hostedZoneName: 'example.org',
};

describe('HTTPS by default', () => {
  it.each(['web-service', 'tiger', 'cheetah', 'production', 'astro'])(
    '%s refuses a public API over plain HTTP and says what to pass',
    (profile) => {
      expect(() => buildProfileApp({ profile, nag: false })).toThrow(
        /over plain HTTP[\s\S]*certificateArn[\s\S]*domainName[\s\S]*allowHttp=true/,
      );
    },
  );

  it('data-scanner needs no certificate: API Gateway serves HTTPS', () => {
    expect(() => buildProfileApp({ profile: 'data-scanner', nag: false })).not.toThrow();
  });

  it('with a domain, web-service gets a DNS-validated certificate, an HTTPS listener and an alias record', () => {
    const t = profileTemplate('web-service', 'dev', { ...DOMAIN, allowHttp: 'false' });
    t.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'scanner.example.org',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'scanner.example.org', HostedZoneId: 'Z0123456789ABC' }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'HTTPS' });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [Match.objectLike({ Type: 'redirect' })],
    });
    t.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'scanner.example.org.',
      Type: 'A',
      HostedZoneId: 'Z0123456789ABC',
    });
    expect(t.findOutputs('ApiUrl').ApiUrl?.Value).toBe('https://scanner.example.org');
  });

  it('a domain needs all three options, in one zone', () => {
    expect(() =>
      buildProfileApp({ profile: 'web-service', nag: false, options: { domainName: 'a.example.org' } }),
    ).toThrow(/domainName.*hostedZoneId.*hostedZoneName.*together/);
    expect(() =>
      buildProfileApp({
        profile: 'web-service',
        nag: false,
        options: { ...DOMAIN, hostedZoneName: 'other.org' },
      }),
    ).toThrow(/not in hosted zone "other.org"/);
  });
});

describe.each(TARGETS)('%s (%s) after cdk deploy', (id) => {
  it('prints the API URL, the ECR repository, the secret names and the admin command', () => {
    const outputs = template(id).findOutputs('*');
    for (const name of [
      'ApiUrl',
      'ImageRepositoryUri',
      'DatabaseUrlSecretName',
      'AdminCommand',
      'FirstApiKeySecretName',
    ])
      expect(Object.keys(outputs), name).toContain(name);
    expect(JSON.stringify(outputs.AdminCommand?.Value)).toMatch(
      /aws ecs run-task --cluster [\s\S]*keys\\",\\"create\\",\\"--tenant\\",\\"<tenant>\\",\\"--secret\\",\\"/,
    );
  });

  it('creates the first key into a secret only that task may write, never into a log', () => {
    const t = template(id);
    const command = JSON.stringify(t.findOutputs('*').AdminCommand?.Value);
    const secretId = Object.keys(
      t.findResources('AWS::SecretsManager::Secret', {
        Properties: { Description: Match.stringLikeRegexp('^The API key the AdminCommand output creates') },
      }),
    )[0] as string;
    expect(command).toContain('aws ecs wait tasks-stopped');
    expect(command).toContain(`aws secretsmanager get-secret-value --secret-id ",{"Ref":"${secretId}"}`);
    expect(command).not.toContain('logs tail');
    const writers = Object.values(t.findResources('AWS::IAM::Policy')).flatMap((p) =>
      p.Properties.PolicyDocument.Statement.filter((s: { Action: string | string[] }) =>
        [s.Action].flat().includes('secretsmanager:PutSecretValue'),
      ).map((s: { Resource: unknown }) => ({ roles: p.Properties.Roles, resource: s.Resource })),
    );
    expect(writers).toEqual([{ roles: [expect.anything()], resource: { Ref: secretId } }]);
  });

  it("runs the image from the profile's own ECR repository, after the copy into it", () => {
    const t = template(id);
    const repository = Object.keys(t.findResources('AWS::ECR::Repository'))[0] as string;
    const tasks = Object.values(t.findResources('AWS::ECS::TaskDefinition'));
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(JSON.stringify(task.Properties.ContainerDefinitions[0].Image)).toContain(repository);
    }
    expect(Object.keys(t.findResources('Custom::CDKECRDeployment'))).toHaveLength(1);
    for (const service of Object.values(t.findResources('AWS::ECS::Service'))) {
      expect((service.DependsOn as string[]).some((d) => d.startsWith('ImageCopyToRepository'))).toBe(true);
    }
  });

  it('checks the database server certificate (sslmode=verify-full)', () => {
    const urls = Object.values(template(id).findResources('AWS::SecretsManager::Secret')).filter((s) =>
      JSON.stringify(s.Properties.SecretString ?? '').includes('postgres://'),
    );
    expect(urls).toHaveLength(1);
    expect(JSON.stringify(urls[0]?.Properties.SecretString)).toContain('sslmode=verify-full');
  });

  it('names no availability zone of its own: they are looked up in the stack region', () => {
    expect(JSON.stringify(template(id).toJSON())).not.toMatch(/us-east-1[a-f]/);
  });
});

describe('the rest of issue 20', () => {
  it('data-scanner: every other route reaches a fourth function through ANY and {proxy+}', () => {
    const t = template('data-scanner');
    t.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: '{proxy+}' });
    t.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'aws-data-scanner-api-dev' });
    const any = Object.values(t.findResources('AWS::ApiGateway::Method')).filter(
      (m) => m.Properties.HttpMethod === 'ANY',
    );
    expect(any.length).toBeGreaterThanOrEqual(5);
    t.hasOutput('BastionInstanceId', {});
  });

  it('tiger: SMS may publish to phone numbers, never to a topic', () => {
    const statements = Object.values(template('tiger').findResources('AWS::IAM::Policy')).flatMap(
      (p) =>
        p.Properties.PolicyDocument.Statement as {
          Sid?: string;
          Effect: string;
          Action: string;
          Resource: unknown;
        }[],
    );
    const deny = statements.find((st) => st.Sid === 'NoTopicPublish');
    expect(deny).toMatchObject({ Effect: 'Deny', Action: 'sns:Publish' });
    expect(JSON.stringify(deny?.Resource)).toContain(':sns:*:*:*');
    expect(statements.find((st) => st.Sid === 'SendSms')).toMatchObject({ Effect: 'Allow', Resource: '*' });
  });

  it('tiger: the seed domain tiger.internal is a private zone naming the ALB', () => {
    const t = template('tiger');
    t.hasResourceProperties('AWS::Route53::HostedZone', { Name: 'tiger.internal.', VPCs: Match.anyValue() });
    t.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'api.tiger.internal.', Type: 'A' });
  });

  it('cheetah (staging) records API calls in CloudTrail by default; tiger (dev) on request', () => {
    template('cheetah').hasResourceProperties('AWS::CloudTrail::Trail', {
      IsLogging: true,
      EnableLogFileValidation: true,
      S3KeyPrefix: 'cloudtrail',
    });
    template('tiger').resourceCountIs('AWS::CloudTrail::Trail', 0);
    profileTemplate('tiger', 'dev', { cloudTrail: 'true' }).resourceCountIs('AWS::CloudTrail::Trail', 1);
  });

  it('ECS Exec is off unless -c ecsExec=true', () => {
    template('web-service').hasResourceProperties('AWS::ECS::Service', { EnableExecuteCommand: false });
    profileTemplate('web-service', 'dev', { ecsExec: 'true' }).hasResourceProperties('AWS::ECS::Service', {
      EnableExecuteCommand: true,
    });
    expect(() =>
      buildProfileApp({ profile: 'web-service', nag: false, options: { allowHttp: 'true', ecsExec: 'yes' } }),
    ).toThrow(/ecsExec="yes" must be true or false/);
  });

  it('web-service: an alarm on database connections', () => {
    template('web-service').hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'DatabaseConnections',
      Threshold: 90,
    });
  });

  it('takes the account and region from CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION', () => {
    expect(
      stackEnvironment(undefined, { CDK_DEFAULT_ACCOUNT: '111122223333', CDK_DEFAULT_REGION: 'eu-west-3' }),
    ).toEqual({
      account: '111122223333',
      region: 'eu-west-3',
    });
    expect(stackEnvironment(undefined, {})).toBeUndefined();
  });

  it("maps typed settings to the service's variable names", () => {
    const { environment } = applicationEnvironment({
      database: { secretArn: 'arn:db' } as never,
      fingerprintKey: { secretArn: 'arn:fp' } as never,
      roles: ['api'],
      port: 8000,
      scanBuckets: ['a-bucket'],
    });
    expect(environment).toMatchObject({
      [ENV_NAMES.port]: '8000',
      [ENV_NAMES.host]: '0.0.0.0',
      [ENV_NAMES.scanS3Buckets]: 'a-bucket',
    });
  });
});
