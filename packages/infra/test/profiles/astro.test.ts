import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { astro } from '../../lib/profiles/astro.ts';
import { SEED_DIFFERENCES_METADATA_KEY } from '../../lib/profiles/seed-differences.ts';
import { synthProfile } from '../support/checked-app.ts';
import { albIngress, listenerDefaults, originHeaderUse } from '../support/cloudfront-only.ts';
import {
  containerCommand,
  containerEnvironment,
  roleIdStartingWith,
  routesOfSubnet,
  statementsOfRole,
} from '../support/template-queries.ts';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are untyped JSON.
type Props = Record<string, any>;
const IMAGE = { kind: 'repository', tag: 'v1' } as const;
const DEV = synthProfile(astro, 'dev', {}, IMAGE).templates[0] as Template;
const PROD = synthProfile(astro, 'prod', {}, IMAGE).templates[0] as Template;
const props = (t: Template, type: string): Props[] =>
  Object.values(t.findResources(type)).map((r) => r.Properties as Props);
const groupId = (pattern: string) => ({ 'Fn::GetAtt': [Match.stringLikeRegexp(pattern), 'GroupId'] });
const keyArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^KeysKey'), 'Arn'] };

describe('astro dev: single AZ', () => {
  it('puts public 10.0.1.0/24, private 10.0.2.0/24 and database 10.0.3.0/24 in the first AZ', () => {
    DEV.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    const subnets = props(DEV, 'AWS::EC2::Subnet');
    const az = Object.fromEntries(subnets.map((s) => [s.CidrBlock, s.AvailabilityZone]));
    expect(az).toEqual({
      '10.0.1.0/24': 'us-east-1a',
      '10.0.2.0/24': 'us-east-1a',
      '10.0.3.0/24': 'us-east-1a',
      '10.0.11.0/27': 'us-east-1b',
      '10.0.13.0/28': 'us-east-1b',
    });
  });

  it('adds only a /27 public and a /28 database subnet in the second AZ (ALB and RDS subnet group minimums)', () => {
    const second = props(DEV, 'AWS::EC2::Subnet').filter((s) => s.AvailabilityZone === 'us-east-1b');
    expect(second.map((s) => s.CidrBlock).sort()).toEqual(['10.0.11.0/27', '10.0.13.0/28']);
    DEV.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      Subnets: [
        { Ref: Match.stringLikeRegexp('PublicSubnet1') },
        { Ref: Match.stringLikeRegexp('PublicSubnet2') },
      ],
    });
    DEV.hasResourceProperties('AWS::RDS::DBSubnetGroup', {
      SubnetIds: [
        { Ref: Match.stringLikeRegexp('DatabaseSubnet1') },
        { Ref: Match.stringLikeRegexp('DatabaseSubnet2') },
      ],
    });
  });

  it('has one NAT gateway, a NAT route only from the private subnet and no internet route from the database', () => {
    DEV.resourceCountIs('AWS::EC2::NatGateway', 1);
    const natRoutes = props(DEV, 'AWS::EC2::Route').filter((r) => r.NatGatewayId);
    expect(natRoutes).toHaveLength(1);
    expect(JSON.stringify(natRoutes[0]?.RouteTableId)).toContain('PrivateSubnet');
    for (const cidr of ['10.0.3.0/24', '10.0.13.0/28']) expect(routesOfSubnet(DEV, cidr)).toEqual([]);
  });

  it('keeps the tasks, the database and the cache in the first AZ', () => {
    DEV.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: {
        AwsvpcConfiguration: Match.objectLike({
          Subnets: [{ Ref: Match.stringLikeRegexp('NetworkPrivateSubnet') }],
        }),
      },
    });
    DEV.hasResourceProperties('AWS::RDS::DBInstance', { AvailabilityZone: 'us-east-1a', MultiAZ: false });
    DEV.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      PreferredCacheClusterAZs: ['us-east-1a'],
    });
    DEV.hasResourceProperties('AWS::ElastiCache::SubnetGroup', {
      SubnetIds: [{ Ref: Match.stringLikeRegexp('DatabaseSubnet1') }],
    });
  });

  it('explains the second AZ in the recorded differences', () => {
    const differences = DEV.toJSON().Metadata?.[SEED_DIFFERENCES_METADATA_KEY] as {
      topic: string;
      reason: string;
    }[];
    expect(differences[0]).toMatchObject({
      topic: 'Second Availability Zone',
      reason: expect.stringMatching(/ALB.*two AZs/),
    });
  });
});

describe.each([
  { env: 'dev', t: DEV, desired: 1, ttl: 3600, redisNodes: 1, multiAz: false },
  { env: 'prod', t: PROD, desired: 2, ttl: 86400, redisNodes: 2, multiAz: true },
])('astro $env', ({ env, t, desired, ttl, redisNodes, multiAz }) => {
  it(`runs 256 CPU / 512 MB on Fargate Spot, desired ${desired}, port 8000 behind the ALB, ECS Exec on`, () => {
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '256',
      Memory: '512',
      ContainerDefinitions: [Match.objectLike({ PortMappings: [Match.objectLike({ ContainerPort: 8000 })] })],
    });
    t.hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: desired,
      EnableExecuteCommand: true,
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
      LaunchType: Match.absent(),
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 8000, TargetType: 'ip' });
  });

  it('serves the SPA from the frontend bucket through OAC and /api/* from the ALB, PriceClass_100', () => {
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        PriceClass: 'PriceClass_100',
        DefaultRootObject: 'index.html',
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FrontendBucket'), 'RegionalDomainName'] },
            OriginAccessControlId: Match.anyValue(),
          }),
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LoadBalancer'), 'DNSName'] },
          }),
        ]),
        CacheBehaviors: [Match.objectLike({ PathPattern: '/api/*' })],
      }),
    });
  });

  it(`caches the SPA for ${ttl} seconds`, () => {
    t.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({ DefaultTTL: ttl, MaxTTL: ttl }),
    });
  });

  it('runs PostgreSQL 16 on db.t3.micro, gp3 20..100 GB, 7-day backups (point-in-time recovery)', () => {
    t.hasResourceProperties('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      EngineVersion: Match.stringLikeRegexp('^16\\.'),
      DBInstanceClass: 'db.t3.micro',
      StorageType: 'gp3',
      AllocatedStorage: '20',
      MaxAllocatedStorage: 100,
      BackupRetentionPeriod: 7,
      MultiAZ: multiAz,
    });
  });

  it(`runs Redis 7.1 on cache.t3.micro without persistence, ${redisNodes} node(s)`, () => {
    t.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      EngineVersion: '7.1',
      CacheNodeType: 'cache.t3.micro',
      SnapshotRetentionLimit: 0,
      NumCacheClusters: redisNodes,
      AutomaticFailoverEnabled: multiAz,
      MultiAZEnabled: multiAz,
    });
  });

  it('encrypts the PDF bucket and the secrets with a rotating customer-managed key', () => {
    t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: `alias/astro-${env}` });
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: `astro-${env}-pdfs-123456789012`,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn },
          }),
        ],
      },
    });
    for (const name of ['database-credentials', 'database-url', 'secret-key', 'redis-auth-token']) {
      t.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: `astro/${env}/${name}`,
        KmsKeyId: keyArn,
      });
    }
    for (const bucket of ['frontend', 'backups']) {
      t.hasResourceProperties('AWS::S3::Bucket', { BucketName: `astro-${env}-${bucket}-123456789012` });
    }
  });

  it('admits only CloudFront at the ALB: the origin-facing prefix list on 80 and the secret header, else 403', () => {
    expect(albIngress(t)).toEqual([
      expect.objectContaining({ FromPort: 80, ToPort: 80, SourcePrefixListId: expect.anything() }),
    ]);
    expect(listenerDefaults(t)).toEqual({ 80: '403' });
    const use = originHeaderUse(t);
    expect(use.rules).toEqual([{ HttpHeaderName: 'X-Origin-Verify', Values: [expect.anything()] }]);
    expect(use.cloudFront).toEqual([
      [{ HeaderName: 'X-Origin-Verify', HeaderValue: use.rules[0].Values[0] }],
    ]);
    t.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: `astro/${env}/cloudfront-origin-header`,
      KmsKeyId: keyArn,
    });
  });

  it('chains ALB → ECS 8000 → RDS 5432 and Redis 6379', () => {
    for (const [target, source, port] of [
      ['^EcsTasksSecurityGroup', '^LoadBalancerSecurityGroup', 8000],
      ['^DatabaseSecurityGroup', '^EcsTasksSecurityGroup', 5432],
      ['^RedisSecurityGroup', '^EcsTasksSecurityGroup', 6379],
    ] as const) {
      t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        GroupId: groupId(target),
        SourceSecurityGroupId: groupId(source),
        FromPort: port,
        ToPort: port,
      });
    }
  });

  it(`names the roles astro-${env}-ecs-execution-role and astro-${env}-ecs-task-role with the seed's permissions`, () => {
    t.hasResourceProperties('AWS::IAM::Role', { RoleName: `astro-${env}-ecs-execution-role` });
    t.hasResourceProperties('AWS::IAM::Role', { RoleName: `astro-${env}-ecs-task-role` });
    const policyOf = (role: string) =>
      JSON.stringify(props(t, 'AWS::IAM::Policy').filter((p) => JSON.stringify(p.Roles).includes(role)));
    const execution = policyOf('ApiExecutionRole');
    for (const action of ['ecr:BatchGetImage', 'logs:PutLogEvents', 'secretsmanager:GetSecretValue']) {
      expect(execution).toContain(action);
    }
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'kms:Decrypt',
            Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiExecutionRole'), 'Arn'] } },
            Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
          }),
        ]),
      },
    });
    const task = policyOf('ApiTaskRole');
    for (const action of [
      'ssmmessages:CreateControlChannel',
      'logs:PutLogEvents',
      's3:GetObject',
      's3:PutObject',
      'kms:Encrypt',
      'kms:Decrypt',
    ]) {
      expect(task).toContain(action);
    }
    expect(task).toMatch(/PdfBucket[0-9A-F]+","Arn"\]\},"\/reports\/\*"/);
  });

  const taskStatements = (): Props[] => statementsOfRole(t, roleIdStartingWith(t, 'ApiTaskRole'));

  it('gives the task role resource * only for the ECS Exec channels and DescribeLogGroups', () => {
    const star = taskStatements().filter((st) => st.Resource === '*');
    expect(star.flatMap((st) => [st.Action].flat()).sort()).toEqual([
      'logs:DescribeLogGroups',
      'ssmmessages:CreateControlChannel',
      'ssmmessages:CreateDataChannel',
      'ssmmessages:OpenControlChannel',
      'ssmmessages:OpenDataChannel',
    ]);
  });

  it('logs ECS Exec sessions to a log group of their own, the only one the task role writes', () => {
    t.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: `/ecs/astro-${env}-api/exec` });
    t.hasResourceProperties('AWS::ECS::Cluster', {
      Configuration: {
        ExecuteCommandConfiguration: {
          Logging: 'OVERRIDE',
          LogConfiguration: { CloudWatchLogGroupName: { Ref: Match.stringLikeRegexp('^ExecLogs') } },
        },
      },
    });
    const logStatements = taskStatements().filter((st) => JSON.stringify(st.Action).includes('logs:Create'));
    expect(logStatements).toEqual([
      expect.objectContaining({
        Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:aws:logs:us-east-1:123456789012:log-group:',
              { Ref: expect.stringMatching(/^ExecLogs/) },
              ':*',
            ],
          ],
        },
      }),
    ]);
  });

  it('reads and writes reports/ of the PDF bucket and uses the key for nothing but that', () => {
    const statements = taskStatements();
    expect(statements.filter((st) => JSON.stringify(st.Action).includes('kms:'))).toEqual([
      expect.objectContaining({
        Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^KeysKey/), 'Arn'] },
      }),
    ]);
    expect(statements.filter((st) => JSON.stringify(st.Action).includes('s3:'))).toEqual([
      expect.objectContaining({
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: {
          'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^PdfBucket/), 'Arn'] }, '/reports/*']],
        },
      }),
      expect.objectContaining({
        Action: 's3:ListBucket',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^PdfBucket/), 'Arn'] },
      }),
    ]);
  });

  it('runs every role and passes REDIS_URL, the reports bucket and key, TRUST_PROXY and the public URL', () => {
    const family = `astro-${env}-api`;
    expect(containerCommand(t, family)).toEqual(['serve', '--role', 'all']);
    const vars = containerEnvironment(t, family);
    expect(vars).toMatchObject({
      TRUST_PROXY: 'true',
      REPORTS_BUCKET: { Ref: expect.stringMatching(/^PdfBucket/) },
      REPORTS_KMS_KEY_ID: { 'Fn::GetAtt': [expect.stringMatching(/^KeysKey/), 'Arn'] },
      REDIS_URL: {
        'Fn::Join': [
          '',
          [
            'rediss://',
            { 'Fn::GetAtt': [expect.stringMatching(/^RedisReplicationGroup/), 'PrimaryEndPoint.Address'] },
            ':6379',
          ],
        ],
      },
      PUBLIC_URL: {
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^CdnDistribution/), 'DomainName'] }],
        ],
      },
    });
    for (const gone of [
      'PDF_BUCKET',
      'REDIS_HOST',
      'REDIS_PORT',
      'REDIS_TLS',
      'NOTIFY_EMAIL_FROM',
      'NOTIFY_SMS_ENABLED',
    ])
      expect(vars[gone]).toBeUndefined();
  });

  it('deploys the dashboard and config.json to the frontend bucket and invalidates /*', () => {
    t.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: Match.stringLikeRegexp('^FrontendBucket') },
      DistributionId: { Ref: Match.stringLikeRegexp('^CdnDistribution') },
      DistributionPaths: ['/*'],
    });
  });
});

describe('astro with a sender address', () => {
  it('sends email from it through SES, limited to that identity', () => {
    const t = synthProfile(astro, 'dev', { sesFromAddress: 'reports@astro.example' }, IMAGE)
      .templates[0] as Template;
    expect(containerEnvironment(t, 'astro-dev-api').NOTIFY_EMAIL_FROM).toBe('reports@astro.example');
    const send = statementsOfRole(t, roleIdStartingWith(t, 'ApiTaskRole')).find(
      (st) => st.Sid === 'SendEmail',
    );
    expect(JSON.stringify(send?.Resource)).toContain(':identity/reports@astro.example');
    expect(JSON.stringify(send?.Resource)).toContain(':identity/astro.example');
  });
});

describe('astro prod: multi-AZ', () => {
  it('spans 3 AZs with a NAT gateway per AZ', () => {
    const subnets = props(PROD, 'AWS::EC2::Subnet');
    expect(subnets).toHaveLength(9);
    expect(new Set(subnets.map((s) => s.AvailabilityZone))).toEqual(
      new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']),
    );
    PROD.resourceCountIs('AWS::EC2::NatGateway', 3);
    const natRoutes = props(PROD, 'AWS::EC2::Route').filter((r) => r.NatGatewayId);
    expect(new Set(natRoutes.map((r) => JSON.stringify(r.NatGatewayId))).size).toBe(3);
  });

  it('spreads the tasks over the three private subnets and does not pin the database', () => {
    PROD.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: {
        AwsvpcConfiguration: Match.objectLike({
          Subnets: [1, 2, 3].map((n) => ({ Ref: Match.stringLikeRegexp(`PrivateSubnet${n}`) })),
        }),
      },
    });
    PROD.hasResourceProperties('AWS::RDS::DBInstance', { AvailabilityZone: Match.absent(), MultiAZ: true });
  });
});

describe("astro with the seed's open ALB (-c albFromCloudFrontOnly=false)", () => {
  it('admits 80 and 443 from anywhere', () => {
    const t = synthProfile(astro, 'dev', { albFromCloudFrontOnly: 'false' }, IMAGE).templates[0] as Template;
    expect(albIngress(t).map((r) => [r.CidrIp, r.FromPort])).toEqual([
      ['0.0.0.0/0', 80],
      ['0.0.0.0/0', 443],
    ]);
    expect(originHeaderUse(t).cloudFront).toEqual([undefined]);
  });
});

describe('astro with a domain and hosted zone', () => {
  const options = { domainName: 'app.astro.com', hostedZoneId: 'Z0123456789', hostedZoneName: 'astro.com' };
  const t = synthProfile(astro, 'prod', options).templates[0] as Template;

  it('creates certificates for the SPA and the API and alias records for both', () => {
    t.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'app.astro.com',
      ValidationMethod: 'DNS',
    });
    t.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'api.astro.com',
      ValidationMethod: 'DNS',
    });
    t.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'app.astro.com.',
      Type: 'A',
      HostedZoneId: 'Z0123456789',
    });
    t.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'api.astro.com.',
      Type: 'A',
      HostedZoneId: 'Z0123456789',
    });
  });

  it('links messages to the custom domain', () => {
    expect(containerEnvironment(t, 'astro-prod-api').PUBLIC_URL).toBe('https://app.astro.com');
  });

  it('serves the domain and reaches the ALB over HTTPS at api.<zone>', () => {
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['app.astro.com'],
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: 'api.astro.com',
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ]),
      }),
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'HTTPS' });
    expect(albIngress(t)).toEqual([
      expect.objectContaining({ FromPort: 443, ToPort: 443, SourcePrefixListId: expect.anything() }),
    ]);
    expect(listenerDefaults(t)[443]).toBe('403');
  });

  it('refuses a partial domain', () => {
    expect(() => synthProfile(astro, 'dev', { domainName: 'app.astro.com' })).toThrow(
      /domainName, hostedZoneId and hostedZoneName together/,
    );
  });
});
