import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { production } from '../../lib/profiles/production.ts';
import { SEED_DIFFERENCES_METADATA_KEY } from '../../lib/profiles/seed-differences.ts';
import { synthProfile } from '../support/checked-app.ts';
import {
  containerCommand,
  containerEnvironment,
  containerSecretNames,
  roleIdStartingWith,
  routesOfSubnet,
  statementsOfRole,
} from '../support/template-queries.ts';

const { templates } = synthProfile(production, 'prod');
const template = templates[0] as Template;
const ref = (pattern: string) => ({ Ref: Match.stringLikeRegexp(pattern) });
const groupId = (pattern: string) => ({ 'Fn::GetAtt': [Match.stringLikeRegexp(pattern), 'GroupId'] });
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are untyped JSON.
type Props = Record<string, any>;
const props = (type: string): Props[] =>
  Object.values(template.findResources(type)).map((r) => r.Properties as Props);

describe('production (seed 003): network', () => {
  it('is 10.0.0.0/16 with public, private and database subnets at the seed CIDRs over two AZs', () => {
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    const subnets = props('AWS::EC2::Subnet');
    const cidrs = [
      '10.0.1.0/24',
      '10.0.2.0/24',
      '10.0.10.0/24',
      '10.0.20.0/24',
      '10.0.100.0/24',
      '10.0.110.0/24',
    ];
    expect(subnets.map((s) => s.CidrBlock).sort()).toEqual([...cidrs].sort());
    const az = (cidr: string) => subnets.find((s) => s.CidrBlock === cidr)?.AvailabilityZone;
    expect(az('10.0.1.0/24')).toEqual(az('10.0.10.0/24'));
    expect(az('10.0.1.0/24')).toEqual(az('10.0.100.0/24'));
    expect(az('10.0.2.0/24')).toEqual(az('10.0.20.0/24'));
    expect(az('10.0.2.0/24')).toEqual(az('10.0.110.0/24'));
    expect(az('10.0.1.0/24')).not.toEqual(az('10.0.2.0/24'));
  });

  it('has a NAT gateway per AZ and no internet route from the database subnets', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
    const natRoutes = props('AWS::EC2::Route').filter((r) => r.NatGatewayId);
    expect(new Set(natRoutes.map((r) => JSON.stringify(r.NatGatewayId))).size).toBe(2);
    for (const cidr of ['10.0.100.0/24', '10.0.110.0/24']) expect(routesOfSubnet(template, cidr)).toEqual([]);
    for (const cidr of ['10.0.10.0/24', '10.0.20.0/24']) {
      expect(routesOfSubnet(template, cidr)).toEqual([
        expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: expect.anything() }),
      ]);
    }
  });
});

describe('production: load balancer and security groups', () => {
  it('listens on 80 (HTTP only without a certificate) with 80 and 443 open to the internet', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80 });
    for (const port of [80, 443]) {
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        GroupDescription: Match.stringLikeRegexp('^ALB'),
        SecurityGroupIngress: Match.arrayWith([Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: port })]),
      });
    }
  });

  it('redirects 80 to 443 when a certificate is given', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/prod';
    const withCert = synthProfile(production, 'prod', { certificateArn: arn }).templates[0] as Template;
    withCert.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: arn }],
    });
    withCert.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [Match.objectLike({ Type: 'redirect' })],
    });
  });

  it('admits 4000-4003 to the ECS group from the ALB group only', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: groupId('^EcsTasksSecurityGroup'),
      SourceSecurityGroupId: groupId('^LoadBalancerSecurityGroup'),
      FromPort: 4000,
      ToPort: 4003,
    });
    const ecsIngress = props('AWS::EC2::SecurityGroupIngress').filter((i) =>
      JSON.stringify(i.GroupId).includes('EcsTasks'),
    );
    expect(ecsIngress.length).toBeGreaterThan(0);
    for (const rule of ecsIngress) {
      expect(JSON.stringify(rule.SourceSecurityGroupId)).toContain('LoadBalancerSecurityGroup');
      expect(rule.FromPort).toBeGreaterThanOrEqual(4000);
      expect(rule.ToPort).toBeLessThanOrEqual(4003);
    }
  });

  it('admits RDS 5432 and Redis 6379 from the ECS group only', () => {
    for (const [target, port] of [
      ['Database', 5432],
      ['Redis', 6379],
    ] as const) {
      const rules = props('AWS::EC2::SecurityGroupIngress').filter((i) =>
        JSON.stringify(i.GroupId).includes(`${target}SecurityGroup`),
      );
      expect(rules).toEqual([
        expect.objectContaining({
          FromPort: port,
          ToPort: port,
          SourceSecurityGroupId: {
            'Fn::GetAtt': [expect.stringMatching(/^EcsTasksSecurityGroup/), 'GroupId'],
          },
        }),
      ]);
    }
  });
});

describe('production: the four services', () => {
  const SERVICES = [
    { role: 'api', desired: 2, cpu: '512', memory: '1024', port: 4000 },
    { role: 'worker', desired: 5, cpu: '256', memory: '512', port: 4001 },
    { role: 'scheduler', desired: 1, cpu: '256', memory: '512', port: 4002 },
    { role: 'notifier', desired: 2, cpu: '256', memory: '512', port: 4003 },
  ] as const;

  it.each(SERVICES)('$role: $desired × $cpu/$memory on $port with a /health check', (s) => {
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Family: `data-scanner-prod-${s.role}`,
      Cpu: s.cpu,
      Memory: s.memory,
      ContainerDefinitions: [
        Match.objectLike({
          Command: ['serve', '--role', s.role],
          PortMappings: [Match.objectLike({ ContainerPort: s.port })],
          HealthCheck: Match.objectLike({
            Command: Match.arrayWith([Match.stringLikeRegexp(`127\\.0\\.0\\.1:${s.port}/health'`)]),
          }),
          Environment: Match.arrayWith([{ Name: 'PORT', Value: String(s.port) }]),
        }),
      ],
    });
    template.hasResourceProperties('AWS::ECS::Service', {
      ServiceName: `data-scanner-prod-${s.role}`,
      DesiredCount: s.desired,
      NetworkConfiguration: {
        AwsvpcConfiguration: Match.objectLike({
          AssignPublicIp: 'DISABLED',
          Subnets: [ref('^NetworkVpcPrivateSubnet1'), ref('^NetworkVpcPrivateSubnet2')],
        }),
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: `/ecs/data-scanner-prod-${s.role}`,
      RetentionInDays: 30,
    });
    expect(containerCommand(template, `data-scanner-prod-${s.role}`)).toEqual(['serve', '--role', s.role]);
  });

  it.each(SERVICES)('$role: REDIS_URL rediss://host:6379 with the auth token as a secret', (s) => {
    const vars = containerEnvironment(template, `data-scanner-prod-${s.role}`);
    expect(vars.REDIS_URL).toEqual({
      'Fn::Join': [
        '',
        [
          'rediss://',
          { 'Fn::GetAtt': [expect.stringMatching(/^RedisReplicationGroup/), 'PrimaryEndPoint.Address'] },
          ':6379',
        ],
      ],
    });
    expect(Object.keys(vars).filter((k) => /^REDIS_(HOST|PORT|TLS)$/.test(k))).toEqual([]);
    expect(containerSecretNames(template, `data-scanner-prod-${s.role}`)).toEqual(
      expect.arrayContaining(['REDIS_AUTH_TOKEN', 'DATABASE_URL', 'FINGERPRINT_KEY']),
    );
  });

  const roleOf = (role: string) =>
    roleIdStartingWith(template, `${role[0]?.toUpperCase()}${role.slice(1)}TaskRole`);

  it('gives the reports bucket to the API and the Notifier only, under reports/', () => {
    const reportsObjects = {
      'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^ReportsBucket/), 'Arn'] }, '/reports/*']],
    };
    for (const role of ['api', 'notifier']) {
      expect(containerEnvironment(template, `data-scanner-prod-${role}`).REPORTS_BUCKET).toEqual({
        Ref: expect.stringMatching(/^ReportsBucket/),
      });
      expect(statementsOfRole(template, roleOf(role))).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Action: ['s3:GetObject', 's3:PutObject'], Resource: reportsObjects }),
        ]),
      );
    }
    for (const role of ['worker', 'scheduler']) {
      expect(containerEnvironment(template, `data-scanner-prod-${role}`).REPORTS_BUCKET).toBeUndefined();
      expect(JSON.stringify(statementsOfRole(template, roleOf(role)))).not.toContain('ReportsBucket');
    }
  });

  it('lets the Notifier alone send SES email, from the identity of NOTIFY_EMAIL_FROM, with links to the ALB', () => {
    const notifier = containerEnvironment(template, 'data-scanner-prod-notifier');
    expect(notifier).toMatchObject({
      NOTIFY_EMAIL_FROM: 'no-reply@example.com',
      PUBLIC_URL: {
        'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [expect.stringMatching(/^LoadBalancer/), 'DNSName'] }]],
      },
    });
    expect(notifier.NOTIFY_SMS_ENABLED).toBeUndefined();
    expect(statementsOfRole(template, roleOf('notifier'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: 'ses:SendEmail',
          // Partition literals and sorted resources: the pinned enablePartitionLiterals and minimizePolicies flags.
          Resource: [
            'arn:aws:ses:us-east-1:123456789012:identity/example.com',
            'arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com',
          ],
        }),
      ]),
    );
    for (const role of ['api', 'worker', 'scheduler']) {
      expect(JSON.stringify(statementsOfRole(template, roleOf(role)))).not.toMatch(/ses:|sns:/);
      expect(containerEnvironment(template, `data-scanner-prod-${role}`).NOTIFY_EMAIL_FROM).toBeUndefined();
    }
  });

  it('trusts the proxy header on the API only (it alone is behind the ALB)', () => {
    expect(containerEnvironment(template, 'data-scanner-prod-api').TRUST_PROXY).toBe('true');
    for (const role of ['worker', 'scheduler', 'notifier']) {
      expect(containerEnvironment(template, `data-scanner-prod-${role}`).TRUST_PROXY).toBeUndefined();
    }
  });

  it('puts only the API behind the ALB, health-checked on /health', () => {
    const groups = props('AWS::ElasticLoadBalancingV2::TargetGroup');
    expect(groups).toEqual([
      expect.objectContaining({ Port: 4000, HealthCheckPath: '/health', TargetType: 'ip' }),
    ]);
  });

  it('has CPU and memory alarms for each service plus ALB 5XX, RDS CPU and Redis CPU', () => {
    const alarms = props('AWS::CloudWatch::Alarm');
    expect(
      alarms.filter(
        (a) => a.Namespace === 'AWS/ECS' && a.MetricName === 'CPUUtilization' && a.Threshold === 80,
      ),
    ).toHaveLength(4);
    expect(
      alarms.filter(
        (a) => a.Namespace === 'AWS/ECS' && a.MetricName === 'MemoryUtilization' && a.Threshold === 80,
      ),
    ).toHaveLength(4);
    expect(alarms.filter((a) => a.Namespace === 'AWS/RDS' && a.Threshold === 75)).toHaveLength(1);
    expect(alarms.filter((a) => a.Namespace === 'AWS/ElastiCache' && a.Threshold === 75)).toHaveLength(1);
    expect(
      alarms.filter(
        (a) => a.Threshold === 10 && JSON.stringify(a.Metrics).includes('HTTPCode_ELB_5XX_Count'),
      ),
    ).toHaveLength(1);
    expect(alarms).toHaveLength(11);
  });
});

describe('production: data stores, registry and secrets', () => {
  it('runs RDS PostgreSQL db.t3.medium Multi-AZ with 30-day backups (point-in-time recovery)', () => {
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      DBInstanceClass: 'db.t3.medium',
      MultiAZ: true,
      BackupRetentionPeriod: 30,
      StorageEncrypted: true,
      DeletionProtection: true,
    });
    template.hasResourceProperties('AWS::RDS::DBSubnetGroup', {
      SubnetIds: [ref('^NetworkVpcDatabaseSubnet1'), ref('^NetworkVpcDatabaseSubnet2')],
    });
  });

  it('runs Redis 7.1 on cache.t3.micro, encrypted, with AUTH', () => {
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      Engine: 'redis',
      EngineVersion: '7.1',
      CacheNodeType: 'cache.t3.micro',
      NumCacheClusters: 1,
      AtRestEncryptionEnabled: true,
      TransitEncryptionEnabled: true,
      AuthToken: Match.anyValue(),
    });
  });

  it('has an ECR repository scanned on push and the app secrets', () => {
    template.hasResourceProperties('AWS::ECR::Repository', {
      RepositoryName: 'data-scanner-prod',
      ImageScanningConfiguration: { ScanOnPush: true },
      LifecyclePolicy: { LifecyclePolicyText: Match.stringLikeRegexp('"countNumber":10') },
    });
    for (const name of ['database-url', 'database-credentials', 'secret-key', 'redis-auth-token']) {
      template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: `data-scanner/prod/${name}` });
    }
  });

  it('keeps scan reports in a bucket that is encrypted, TLS-only, private and versioned', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'data-scanner-prod-reports-123456789012',
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }),
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^ReportsBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('records where it differs from the seed', () => {
    const differences = template.toJSON().Metadata?.[SEED_DIFFERENCES_METADATA_KEY] as { topic: string }[];
    expect(differences.map((d) => d.topic)).toContain('Redis replication');
  });
});

describe('production: links in messages', () => {
  it('point to publicUrl when given (a name on the certificate), and refuse what is not a URL', () => {
    const t = synthProfile(production, 'prod', { publicUrl: 'https://scanner.example.org/' })
      .templates[0] as Template;
    expect(containerEnvironment(t, 'data-scanner-prod-notifier').PUBLIC_URL).toBe(
      'https://scanner.example.org',
    );
    expect(() => synthProfile(production, 'prod', { publicUrl: 'scanner.example.org' })).toThrow(
      /publicUrl="scanner.example.org" must be an http\(s\) URL/,
    );
  });
});
