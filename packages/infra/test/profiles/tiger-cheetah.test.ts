import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SEED_DIFFERENCES_METADATA_KEY } from '../../lib/profiles/seed-differences.ts';
import { cheetah, tiger } from '../../lib/profiles/tiger-cheetah.ts';
import { synthProfile } from '../support/checked-app.ts';
import { albIngress, listenerDefaults, originHeaderUse } from '../support/cloudfront-only.ts';
import {
  containerCommand,
  containerEnvironment,
  containerSecretNames,
  roleIdStartingWith,
  routesOfSubnet,
  statementsOfRole,
} from '../support/template-queries.ts';

/** The numbers of seed 002 / issue 6, per environment, written out independently of the profile config. */
const CASES = [
  {
    profile: tiger,
    env: 'tiger',
    second: 0,
    desired: 1,
    min: 1,
    max: 4,
    dbClass: 'db.t3.micro',
    multiAz: false,
    storage: '20',
    backups: 7,
    redisNode: 'cache.t3.micro',
    redisNodes: 1,
    failover: false,
    logDays: 7,
    alarms: 3,
  },
  {
    profile: cheetah,
    env: 'cheetah',
    second: 1,
    desired: 2,
    min: 2,
    max: 6,
    dbClass: 'db.t3.small',
    multiAz: true,
    storage: '50',
    backups: 14,
    redisNode: 'cache.t3.small',
    redisNodes: 2,
    failover: true,
    logDays: 14,
    alarms: 7,
  },
] as const;

const IMAGE = { kind: 'repository', tag: 'v1' } as const;
const SYNTHESIZED = {
  tiger: synthProfile(tiger, 'dev', {}, IMAGE),
  cheetah: synthProfile(cheetah, 'dev', {}, IMAGE),
};

/** A tiger dev synthesis with a certificate, made once for the tests that read it. */
const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
let tigerWithCertificate: ReturnType<typeof synthProfile> | undefined;
const synthTigerWithCertificate = () => {
  tigerWithCertificate ??= synthProfile(tiger, 'dev', { certificateArn: CERTIFICATE_ARN });
  return tigerWithCertificate;
};

/** ARN of an SES identity in the test account and region (the pinned flags write the partition literally). */
const identity = (name: string) => `arn:aws:ses:us-east-1:123456789012:identity/${name}`;

/**
 * The identities of the statement that allows `ses:SendEmail`, sorted: the pinned feature flags
 * merge statements and drop their Sids, so the statement is found by its action.
 */
function sesIdentities(statements: { Action?: unknown; Resource?: unknown }[]): unknown[] {
  const send = statements.find((st) => st.Action === 'ses:SendEmail');
  return send === undefined ? [] : [send.Resource].flat().map(String).sort();
}

const ref = (pattern: string) => ({ Ref: Match.stringLikeRegexp(pattern) });
const groupId = (pattern: string) => ({ 'Fn::GetAtt': [Match.stringLikeRegexp(pattern), 'GroupId'] });

function logicalIds(template: Template, type: string, props: Record<string, unknown> = {}): string[] {
  return Object.keys(template.findResources(type, { Properties: props }));
}

describe.each(CASES)('profile $env (seed 002)', (c) => {
  const { templates } = SYNTHESIZED[c.env];
  const template = templates[0] as Template;
  const net = (third: number) => `10.${c.second}.${third}.0/24`;

  describe('network', () => {
    it(`has its own VPC 10.${c.second}.0.0/16 with DNS`, () => {
      template.resourceCountIs('AWS::EC2::VPC', 1);
      template.hasResourceProperties('AWS::EC2::VPC', {
        CidrBlock: `10.${c.second}.0.0/16`,
        EnableDnsHostnames: true,
        EnableDnsSupport: true,
      });
    });

    it('has public, app and database subnets in two AZs at the seed CIDRs', () => {
      const subnets = Object.values(template.findResources('AWS::EC2::Subnet')).map((r) => r.Properties);
      expect(subnets.map((s) => s.CidrBlock).sort()).toEqual(
        [net(1), net(2), net(10), net(11), net(20), net(21)].sort(),
      );
      const azOf = (cidr: string) =>
        JSON.stringify(subnets.find((s) => s.CidrBlock === cidr)?.AvailabilityZone);
      expect(new Set([azOf(net(1)), azOf(net(10)), azOf(net(20))]).size).toBe(1);
      expect(azOf(net(1))).not.toBe(azOf(net(2)));
      template.hasResourceProperties('AWS::EC2::Subnet', { CidrBlock: net(1), MapPublicIpOnLaunch: true });
      template.hasResourceProperties('AWS::EC2::Subnet', { CidrBlock: net(10), MapPublicIpOnLaunch: false });
    });

    it('has two NAT gateways, one per AZ, and a private route table per AZ pointing at its own', () => {
      template.resourceCountIs('AWS::EC2::NatGateway', 2);
      const natRoutes = Object.values(
        template.findResources('AWS::EC2::Route', { Properties: { NatGatewayId: Match.anyValue() } }),
      );
      expect(natRoutes).toHaveLength(2);
      const tables = natRoutes.map((r) => JSON.stringify(r.Properties.RouteTableId));
      const nats = natRoutes.map((r) => JSON.stringify(r.Properties.NatGatewayId));
      expect(new Set(tables).size).toBe(2);
      expect(new Set(nats).size).toBe(2);
      expect(tables.every((t) => t.includes('NetworkVpcApp'))).toBe(true);
    });

    it('gives the database subnets no internet route, and the app subnets one through a NAT gateway', () => {
      for (const cidr of [net(20), net(21)]) expect(routesOfSubnet(template, cidr)).toEqual([]);
      for (const cidr of [net(10), net(11)]) {
        expect(routesOfSubnet(template, cidr)).toEqual([
          expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: expect.anything() }),
        ]);
      }
    });
  });

  describe('load balancer and services', () => {
    it('serves HTTP only when the deployer accepts it (allowHttp=true) and no certificate is given', () => {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80, Protocol: 'HTTP' });
      template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    });

    it('refuses to synthesize over plain HTTP without allowHttp', () => {
      expect(() => synthProfile(c.profile, 'dev', { allowHttp: 'false' })).toThrow(/over plain HTTP/);
    });

    it('health-checks /health on port 8000 targets', () => {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
        Port: 8000,
        TargetType: 'ip',
        HealthCheckPath: '/health',
      });
    });

    it(`runs the API at 512 CPU / 1024 MB, desired ${c.desired}`, () => {
      template.hasResourceProperties('AWS::ECS::TaskDefinition', {
        Family: `${c.env}-fastapi-app`,
        Cpu: '512',
        Memory: '1024',
        ContainerDefinitions: [
          Match.objectLike({ PortMappings: [Match.objectLike({ ContainerPort: 8000 })] }),
        ],
      });
      template.hasResourceProperties('AWS::ECS::Service', {
        ServiceName: `${c.env}-fastapi-app`,
        DesiredCount: c.desired,
      });
    });

    it(`scales the API ${c.min}..${c.max} on CPU 70 % with cooldowns 60 s out / 300 s in`, () => {
      template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
        MinCapacity: c.min,
        MaxCapacity: c.max,
        ResourceId: Match.objectLike({
          'Fn::Join': Match.arrayWith([
            Match.arrayWith([
              Match.objectLike({ 'Fn::GetAtt': Match.arrayWith([Match.stringLikeRegexp('^ApiService')]) }),
            ]),
          ]),
        }),
      });
      template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
          TargetValue: 70,
          ScaleOutCooldown: 60,
          ScaleInCooldown: 300,
        },
      });
      template.resourceCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', 1);
    });

    it('runs one worker at 256 CPU / 512 MB with no autoscaling policy', () => {
      template.hasResourceProperties('AWS::ECS::TaskDefinition', {
        Family: `${c.env}-celery-worker`,
        Cpu: '256',
        Memory: '512',
        ContainerDefinitions: [
          Match.objectLike({
            Command: ['serve', '--role', 'worker,scheduler,notifier'],
            PortMappings: Match.absent(),
          }),
        ],
      });
      template.hasResourceProperties('AWS::ECS::Service', {
        ServiceName: `${c.env}-celery-worker`,
        DesiredCount: 1,
      });
    });
  });

  describe('data stores', () => {
    it(`runs PostgreSQL 15 on ${c.dbClass}, Multi-AZ ${c.multiAz}, gp3 ${c.storage}..100 GB, ${c.backups}-day backups 03:00-04:00`, () => {
      template.hasResourceProperties('AWS::RDS::DBInstance', {
        Engine: 'postgres',
        EngineVersion: Match.stringLikeRegexp('^15\\.'),
        DBInstanceClass: c.dbClass,
        MultiAZ: c.multiAz,
        StorageType: 'gp3',
        AllocatedStorage: c.storage,
        MaxAllocatedStorage: 100,
        BackupRetentionPeriod: c.backups,
        PreferredBackupWindow: '03:00-04:00',
        StorageEncrypted: true,
        PubliclyAccessible: false,
      });
      template.hasResourceProperties('AWS::RDS::DBSubnetGroup', {
        SubnetIds: [ref('^NetworkVpcDatabaseSubnet1'), ref('^NetworkVpcDatabaseSubnet2')],
      });
    });

    it('encrypts the database with KMS: the AWS managed key alias/aws/rds, named in the template', () => {
      // The seed says "Encryption: Enabled (KMS)" and names no customer-managed key.
      template.hasResourceProperties('AWS::RDS::DBInstance', {
        StorageEncrypted: true,
        KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:alias/aws/rds',
      });
    });

    it(`runs Redis 7 on ${c.redisNode}, cluster mode disabled, ${c.redisNodes} node(s), encrypted, with AUTH`, () => {
      template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
        Engine: 'redis',
        EngineVersion: Match.stringLikeRegexp('^7\\.'),
        CacheNodeType: c.redisNode,
        NumCacheClusters: c.redisNodes,
        NumNodeGroups: Match.absent(),
        AutomaticFailoverEnabled: c.failover,
        MultiAZEnabled: c.failover,
        AtRestEncryptionEnabled: true,
        TransitEncryptionEnabled: true,
        AuthToken: Match.objectLike({
          'Fn::Join': Match.arrayWith([Match.arrayWith(['{{resolve:secretsmanager:'])]),
        }),
      });
      template.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: `${c.env}/fastapi/redis-auth-token`,
      });
      template.hasResourceProperties('AWS::ElastiCache::SubnetGroup', {
        SubnetIds: [ref('^NetworkVpcDatabaseSubnet1'), ref('^NetworkVpcDatabaseSubnet2')],
      });
    });

    it('keeps logs in {env}-fastapi-logs-{account}: versioned, IA after 30 days, deleted after 90, encrypted', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        BucketName: `${c.env}-fastapi-logs-123456789012`,
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({
              Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
              ExpirationInDays: 90,
            }),
          ]),
        },
      });
    });

    it('serves a versioned, private assets bucket through CloudFront origin access control', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        BucketName: `${c.env}-fastapi-assets-123456789012`,
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
      template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          DefaultRootObject: 'index.html',
          Origins: Match.arrayWith([
            Match.objectLike({
              DomainName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AssetsBucket'), 'RegionalDomainName'] },
              OriginAccessControlId: Match.anyValue(),
            }),
          ]),
        }),
      });
    });

    it('forwards /api/* from CloudFront to the ALB, uncached, for the dashboard', () => {
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          Origins: Match.arrayWith([
            Match.objectLike({
              DomainName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LoadBalancer'), 'DNSName'] },
            }),
          ]),
          CacheBehaviors: [
            Match.objectLike({ PathPattern: '/api/*', AllowedMethods: Match.arrayWith(['POST']) }),
          ],
        }),
      });
    });

    it('deploys the dashboard and config.json {"apiBaseUrl": "/api"} to the assets bucket and invalidates /*', () => {
      template.hasResourceProperties('Custom::CDKBucketDeployment', {
        DestinationBucketName: { Ref: Match.stringLikeRegexp('^AssetsBucket') },
        DistributionId: { Ref: Match.stringLikeRegexp('^AssetsCdnDistribution') },
        DistributionPaths: ['/*'],
        Prune: true,
      });
    });

    it('keeps scan reports in a bucket of their own: versioned, AES-256, TLS only, private', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        BucketName: `${c.env}-fastapi-reports-123456789012`,
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }),
          ],
        },
        PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicPolicy: true }),
      });
    });

    it('keeps the last 10 images in {env}-fastapi-app, scanned on push', () => {
      template.hasResourceProperties('AWS::ECR::Repository', {
        RepositoryName: `${c.env}-fastapi-app`,
        ImageScanningConfiguration: { ScanOnPush: true },
        LifecyclePolicy: { LifecyclePolicyText: Match.stringLikeRegexp('"countNumber":10') },
      });
    });
  });

  describe('security groups', () => {
    it("admits the seed's 80 and 443 from anywhere at the ALB with -c albFromCloudFrontOnly=false", () => {
      const open = synthProfile(c.profile, 'dev', { albFromCloudFrontOnly: 'false' })
        .templates[0] as Template;
      expect(albIngress(open).map((r) => [r.CidrIp, r.FromPort, r.ToPort])).toEqual([
        ['0.0.0.0/0', 80, 80],
        ['0.0.0.0/0', 443, 443],
      ]);
      expect(listenerDefaults(open)).toEqual({ 80: 'forward' });
      expect(
        open.findResources('AWS::SecretsManager::Secret', {
          Properties: { Name: `${c.env}/fastapi/cloudfront-origin-header` },
        }),
      ).toEqual({});
    });

    it('admits only the CloudFront origin-facing prefix list, on the listener port, at the ALB', () => {
      const ingress = albIngress(template);
      expect(ingress).toEqual([
        expect.objectContaining({
          FromPort: 80,
          ToPort: 80,
          SourcePrefixListId: {
            'Fn::GetAtt': [
              expect.stringMatching(/^CloudFrontOriginGuardPrefixListLookup/),
              'PrefixLists.0.PrefixListId',
            ],
          },
        }),
      ]);
      expect(ingress[0].CidrIp).toBeUndefined();
      template.hasResourceProperties('Custom::AWS', {
        Create: Match.stringLikeRegexp(
          '"action":"describeManagedPrefixLists".*com\\.amazonaws\\.global\\.cloudfront\\.origin-facing',
        ),
      });
    });

    it('answers 403 unless the request carries the secret header CloudFront sends', () => {
      expect(listenerDefaults(template)).toEqual({ 80: '403' });
      const use = originHeaderUse(template);
      expect(use.rules).toEqual([{ HttpHeaderName: 'X-Origin-Verify', Values: [expect.anything()] }]);
      expect(use.cloudFront).toEqual([
        [{ HeaderName: 'X-Origin-Verify', HeaderValue: use.rules[0].Values[0] }],
      ]);
      const secretId = Object.keys(
        template.findResources('AWS::SecretsManager::Secret', {
          Properties: { Name: `${c.env}/fastapi/cloudfront-origin-header` },
        }),
      )[0];
      expect(JSON.stringify(use.rules[0].Values[0])).toBe(
        JSON.stringify({
          'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']],
        }),
      );
      template.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: `${c.env}/fastapi/cloudfront-origin-header`,
        GenerateSecretString: Match.objectLike({ ExcludePunctuation: true }),
      });
    });

    it('records the CloudFront-only ALB as a difference from the seed', () => {
      const differences = template.toJSON().Metadata[SEED_DIFFERENCES_METADATA_KEY];
      expect(differences).toContainEqual(
        expect.objectContaining({ topic: 'ALB security group', seed: '80/tcp and 443/tcp from 0.0.0.0/0' }),
      );
    });

    it('chains ALB → ECS 8000 → RDS 5432 and Redis 6379', () => {
      const chain = [
        ['^EcsTasksSecurityGroup', '^LoadBalancerSecurityGroup', 8000],
        ['^DatabaseSecurityGroup', '^EcsTasksSecurityGroup', 5432],
        ['^RedisSecurityGroup', '^EcsTasksSecurityGroup', 6379],
      ] as const;
      for (const [target, source, port] of chain) {
        template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
          GroupId: groupId(target),
          SourceSecurityGroupId: groupId(source),
          FromPort: port,
          ToPort: port,
        });
      }
      const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map(
        (r) => r.Properties,
      );
      expect(ingress.filter((i) => JSON.stringify(i.GroupId).includes('EcsTasks'))).toHaveLength(1);
    });
  });

  describe('IAM, secrets and logs', () => {
    it('stores database-url, secret-key and ses-config secrets and no AWS credentials', () => {
      for (const name of ['database-url', 'secret-key', 'ses-config']) {
        template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: `${c.env}/fastapi/${name}` });
      }
      const names = Object.values(template.findResources('AWS::SecretsManager::Secret')).map(
        (r) => r.Properties.Name,
      );
      expect(names.filter((n) => /credential/.test(String(n)) && !/database/.test(String(n)))).toEqual([]);
    });

    const roleId = (prefix: string) => roleIdStartingWith(template, prefix);
    const reportsObjects = {
      'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^ReportsBucket/), 'Arn'] }, '/reports/*']],
    };

    it('lets both task roles read and write reports/ of the reports bucket only, and read their secrets', () => {
      for (const role of ['ApiTaskRole', 'WorkerTaskRole']) {
        const statements = statementsOfRole(template, roleId(role));
        expect(statements).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              Sid: 'ReadWriteReports',
              Action: ['s3:GetObject', 's3:PutObject'],
              Resource: reportsObjects,
            }),
            expect.objectContaining({ Sid: 'ListReports', Action: 's3:ListBucket' }),
          ]),
        );
        const text = JSON.stringify(statements);
        expect(text).toContain('secretsmanager:GetSecretValue');
        expect(text).not.toMatch(/(Logs|Assets)Bucket[0-9A-F]+","Arn"\]\},"\/\*"/);
      }
    });

    it('lets only the worker role (it runs the notifier) send SES email from the identity and SNS SMS', () => {
      const worker = statementsOfRole(template, roleId('WorkerTaskRole'));
      expect(sesIdentities(worker)).toEqual([identity('example.com'), identity('no-reply@example.com')]);
      expect(worker).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }),
        ]),
      );
      const api = JSON.stringify(statementsOfRole(template, roleId('ApiTaskRole')));
      expect(api).not.toMatch(/ses:|sns:/);
    });

    it('passes Redis as REDIS_URL rediss://host:port with the token as a secret, and the notifier settings to the worker', () => {
      const api = containerEnvironment(template, `${c.env}-fastapi-app`);
      const worker = containerEnvironment(template, `${c.env}-celery-worker`);
      const redisUrl = {
        'Fn::Join': [
          '',
          [
            'rediss://',
            { 'Fn::GetAtt': [expect.stringMatching(/^RedisReplicationGroup/), 'PrimaryEndPoint.Address'] },
            ':6379',
          ],
        ],
      };
      for (const env of [api, worker]) {
        expect(Object.keys(env).filter((k) => /^REDIS_(HOST|PORT|TLS)$/.test(k))).toEqual([]);
        expect(env.REDIS_URL).toEqual(redisUrl);
        expect(env.REPORTS_BUCKET).toEqual({ Ref: expect.stringMatching(/^ReportsBucket/) });
      }
      for (const family of [`${c.env}-fastapi-app`, `${c.env}-celery-worker`]) {
        expect(containerSecretNames(template, family)).toEqual(
          expect.arrayContaining(['REDIS_AUTH_TOKEN', 'DATABASE_URL', 'SES_CONFIG']),
        );
      }
      expect(api).toMatchObject({ TRUST_PROXY: 'true', PORT: '8000' });
      expect(api.NOTIFY_EMAIL_FROM).toBeUndefined();
      expect(worker).toMatchObject({ NOTIFY_EMAIL_FROM: 'no-reply@example.com', NOTIFY_SMS_ENABLED: 'true' });
      expect(worker.TRUST_PROXY).toBeUndefined();
      expect(worker.PUBLIC_URL).toEqual({
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^AssetsCdnDistribution/), 'DomainName'] }],
        ],
      });
      expect(containerCommand(template, `${c.env}-fastapi-app`)).toEqual(['serve', '--role', 'api']);
    });

    it('lets the execution role pull from the ECR repository, write logs and read the injected secrets', () => {
      const policies = template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [ref('^ApiExecutionRole')] },
      });
      const text = JSON.stringify(Object.values(policies));
      expect(text).toMatch(
        /"ecr:BatchGetImage"[^\]]*\],"Effect":"Allow","Resource":\{"Fn::GetAtt":\["RegistryRepository/,
      );
      expect(text).toContain('secretsmanager:GetSecretValue');
      expect(text).toContain('logs:PutLogEvents');
    });

    it(`writes /ecs/${c.env}-fastapi-app and /ecs/${c.env}-celery-worker for ${c.logDays} days`, () => {
      for (const name of [`/ecs/${c.env}-fastapi-app`, `/ecs/${c.env}-celery-worker`]) {
        template.hasResourceProperties('AWS::Logs::LogGroup', {
          LogGroupName: name,
          RetentionInDays: c.logDays,
        });
      }
    });
  });

  describe('alarms', () => {
    it(`has ${c.alarms} alarms: CPU > 80, memory > 80, 5XX > 10${c.alarms > 3 ? ', RDS CPU > 75, Redis CPU > 75' : ''}`, () => {
      template.resourceCountIs('AWS::CloudWatch::Alarm', c.alarms);
      const gt = 'GreaterThanThreshold';
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'CPUUtilization',
        Namespace: 'AWS/ECS',
        Threshold: 80,
        ComparisonOperator: gt,
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'MemoryUtilization',
        Namespace: 'AWS/ECS',
        Threshold: 80,
        ComparisonOperator: gt,
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Threshold: 10,
        ComparisonOperator: gt,
        Metrics: Match.arrayWith([
          Match.objectLike({
            MetricStat: Match.objectLike({
              Metric: Match.objectLike({ MetricName: 'HTTPCode_ELB_5XX_Count' }),
            }),
          }),
        ]),
      });
      const rds = logicalIds(template, 'AWS::CloudWatch::Alarm', { Namespace: 'AWS/RDS', Threshold: 75 });
      const redis = logicalIds(template, 'AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/ElastiCache',
        Threshold: 75,
      });
      expect([rds.length, redis.length]).toEqual(c.alarms > 3 ? [1, 1] : [0, 0]);
    });
  });

  it('records the seed differences, the AWS credentials secret first', () => {
    const differences = template.toJSON().Metadata?.[SEED_DIFFERENCES_METADATA_KEY] as { topic: string }[];
    expect(differences[0]?.topic).toBe('AWS credentials secret');
  });
});

describe('tiger: nights and weekends', () => {
  const template = SYNTHESIZED.tiger.templates[0] as Template;

  it('scales API and worker to 0 at 20:00 UTC and back at 07:00 UTC on weekdays', () => {
    const targets = Object.values(template.findResources('AWS::ApplicationAutoScaling::ScalableTarget')).map(
      (r) => r.Properties,
    );
    expect(targets).toHaveLength(2);
    const api = targets.find((t) => t.MaxCapacity === 4);
    const worker = targets.find((t) => t.MaxCapacity === 1);
    expect(api?.ScheduledActions).toEqual([
      {
        ScheduledActionName: 'OfficeHoursStart',
        Schedule: 'cron(0 7 ? * MON-FRI *)',
        ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 4 },
        Timezone: 'UTC',
      },
      {
        ScheduledActionName: 'OfficeHoursStop',
        Schedule: 'cron(0 20 ? * MON-FRI *)',
        ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 0 },
        Timezone: 'UTC',
      },
    ]);
    expect(worker?.ScheduledActions?.[1]).toMatchObject({
      ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 0 },
    });
  });
});

describe('cheetah: no schedule', () => {
  it('keeps its services up around the clock', () => {
    const template = SYNTHESIZED.cheetah.templates[0] as Template;
    const targets = Object.values(template.findResources('AWS::ApplicationAutoScaling::ScalableTarget')).map(
      (r) => r.Properties,
    );
    expect(targets.map((t) => t.ScheduledActions)).toEqual([undefined]);
  });
});

describe('tiger with a certificate', () => {
  it('serves 443 with the certificate and redirects 80', () => {
    const template = synthTigerWithCertificate().templates[0] as Template;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERTIFICATE_ARN }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [
        Match.objectLike({
          Type: 'redirect',
          RedirectConfig: Match.objectLike({ Port: '443', Protocol: 'HTTPS' }),
        }),
      ],
    });
  });
});

describe('tiger: the CloudFront prefix list named at deploy time', () => {
  it('uses -c cloudFrontPrefixListId as given, with no lookup', () => {
    const template = synthProfile(tiger, 'dev', { cloudFrontPrefixListId: 'pl-3b927c52' })
      .templates[0] as Template;
    expect(albIngress(template)).toEqual([
      expect.objectContaining({ FromPort: 80, SourcePrefixListId: 'pl-3b927c52' }),
    ]);
    template.resourceCountIs('Custom::AWS', 0);
  });

  it('refuses a value that is not a prefix list id', () => {
    expect(() => synthProfile(tiger, 'dev', { cloudFrontPrefixListId: 'sg-123' })).toThrow(
      /prefixListId "sg-123" is not a prefix list id/,
    );
  });
});

describe('tiger: CloudFront to the ALB with a certificate', () => {
  it('warns that CloudFront would meet the HTTPS redirect when no apiDomainName is given', () => {
    const { stacks } = synthTigerWithCertificate();
    Annotations.fromStack(stacks[0]!).hasWarning('*', Match.stringLikeRegexp('Pass -c apiDomainName='));
  });

  it('reaches the ALB over HTTPS at apiDomainName', () => {
    const { stacks, templates } = synthProfile(tiger, 'dev', {
      certificateArn: CERTIFICATE_ARN,
      apiDomainName: 'api.tiger.example.org',
    });
    (templates[0] as Template).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: 'api.tiger.example.org',
            CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }),
            OriginCustomHeaders: [Match.objectLike({ HeaderName: 'X-Origin-Verify' })],
          }),
        ]),
      }),
    });
    expect(albIngress(templates[0] as Template)).toEqual([
      expect.objectContaining({ FromPort: 443, ToPort: 443, SourcePrefixListId: expect.anything() }),
    ]);
    expect(listenerDefaults(templates[0] as Template)[443]).toBe('403');
    expect(
      Annotations.fromStack(stacks[0]!).findWarning('*', Match.stringLikeRegexp('apiDomainName')),
    ).toEqual([]);
  });
});

describe('tiger: the SES sender', () => {
  const statementsOf = (options: Record<string, string>) => {
    const template = synthProfile(tiger, 'dev', options).templates[0] as Template;
    return {
      template,
      statements: statementsOfRole(template, roleIdStartingWith(template, 'WorkerTaskRole')),
    };
  };

  it('sends from sesFromAddress, limited to that address and its domain', () => {
    const { template, statements } = statementsOf({ sesFromAddress: 'scanner@acme.example' });
    expect(sesIdentities(statements)).toEqual([identity('acme.example'), identity('scanner@acme.example')]);
    expect(containerEnvironment(template, 'tiger-celery-worker').NOTIFY_EMAIL_FROM).toBe(
      'scanner@acme.example',
    );
  });

  it('limits sending to sesIdentity when given', () => {
    const { statements } = statementsOf({
      sesFromAddress: 'scanner@acme.example',
      sesIdentity: 'acme.example',
    });
    expect(sesIdentities(statements)).toEqual([identity('acme.example')]);
  });

  it('refuses a sender that is not an address', () => {
    expect(() => synthProfile(tiger, 'dev', { sesFromAddress: 'acme.example' })).toThrow(
      /sesFromAddress="acme.example" must be an email address/,
    );
  });
});
