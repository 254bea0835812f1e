import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../lib/constructs/application-service.ts';
import { SEED_DIFFERENCES_METADATA_KEY } from '../../lib/profiles/seed-differences.ts';
import { webServiceConfig } from '../../lib/profiles/web-service-config.ts';
import { expectCleanReport, profileTemplate } from '../support/profile-template.ts';
import {
  containerCommand,
  containerEnvironment,
  idByName,
  ingressOf,
  securityGroupId,
  statementsOfRole,
} from '../support/template-queries.ts';

// GIVEN the web-service profile (seed 001) WHEN synthesised with cdk-nag THEN every seed number holds.
const dev = () => profileTemplate('web-service', 'dev');
const prod = () => profileTemplate('web-service', 'prod');
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000';
const withCert = () => profileTemplate('web-service', 'dev', { certificateArn: CERT });

describe('web-service network', () => {
  it('has a 10.0.0.0/16 VPC with DNS support and hostnames and the seed subnets over 2 AZs', () => {
    dev().hasResourceProperties('AWS::EC2::VPC', {
      CidrBlock: '10.0.0.0/16',
      EnableDnsSupport: true,
      EnableDnsHostnames: true,
    });
    dev().resourceCountIs('AWS::EC2::Subnet', 4);
    for (const [cidr, az, isPublic] of [
      ['10.0.1.0/24', 0, true],
      ['10.0.2.0/24', 1, true],
      ['10.0.11.0/24', 0, false],
      ['10.0.12.0/24', 1, false],
    ] as const) {
      dev().hasResourceProperties('AWS::EC2::Subnet', {
        CidrBlock: cidr,
        MapPublicIpOnLaunch: isPublic,
        AvailabilityZone: { 'Fn::Select': [az, { 'Fn::GetAZs': '' }] },
      });
    }
  });

  it('has NAT gateways: one in dev, one per AZ in prod', () => {
    dev().resourceCountIs('AWS::EC2::NatGateway', 1);
    prod().resourceCountIs('AWS::EC2::NatGateway', 2);
  });
});

describe('web-service load balancer', () => {
  it('is internet-facing with an IP target group on 8000 and the seed health check', () => {
    dev().hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      Type: 'application',
    });
    dev().hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetType: 'ip',
      Port: 8000,
      Protocol: 'HTTP',
      HealthCheckPath: '/healthz',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
    });
  });

  it('forwards port 80 when no certificate is given', () => {
    dev().resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    dev().hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [Match.objectLike({ Type: 'forward' })],
    });
  });

  it('serves 443 with the certificate and redirects 80 to it when a certificate ARN is given', () => {
    withCert().hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERT }],
      DefaultActions: [Match.objectLike({ Type: 'forward' })],
    });
    withCert().hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [
        Match.objectLike({
          Type: 'redirect',
          RedirectConfig: Match.objectLike({ Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' }),
        }),
      ],
    });
  });
});

describe('web-service security groups', () => {
  it('chain ALB 80/443 from anywhere -> ECS 8000 from the ALB -> RDS 5432 from ECS', () => {
    const t = dev();
    const alb = securityGroupId(t, 'ALB:');
    const ecs = securityGroupId(t, 'Fargate tasks:');
    const rds = securityGroupId(t, 'PostgreSQL:');
    expect(ingressOf(t, alb)).toEqual([
      { port: 80, source: '0.0.0.0/0' },
      { port: 443, source: '0.0.0.0/0' },
    ]);
    expect(ingressOf(t, ecs)).toEqual([{ port: 8000, source: alb }]);
    expect(ingressOf(t, rds)).toEqual([{ port: 5432, source: ecs }]);
  });
});

describe('web-service ECS', () => {
  it('has a cluster with Container Insights and the FARGATE and FARGATE_SPOT providers', () => {
    dev().hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
    dev().hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      CapacityProviders: Match.arrayWith(['FARGATE', 'FARGATE_SPOT']),
    });
  });

  it('runs 512 CPU / 1024 MB x86_64 tasks with a /healthz container check and the DB URL from Secrets Manager', () => {
    dev().hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '512',
      Memory: '1024',
      NetworkMode: 'awsvpc',
      RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' },
      ContainerDefinitions: [
        Match.objectLike({
          PortMappings: [Match.objectLike({ ContainerPort: 8000 })],
          HealthCheck: Match.objectLike({
            Command: Match.arrayWith([Match.stringLikeRegexp('127\\.0\\.0\\.1:8000/healthz')]),
          }),
          Secrets: Match.arrayWith([
            Match.objectLike({
              Name: 'DATABASE_URL',
              ValueFrom: Match.objectLike({ Ref: Match.anyValue() }),
            }),
          ]),
          LogConfiguration: Match.objectLike({ LogDriver: 'awslogs' }),
        }),
      ],
    });
  });

  it('keeps 2 tasks with 100/200 % deployments, circuit breaker rollback and both capacity providers', () => {
    dev().hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: 2,
      DeploymentConfiguration: Match.objectLike({
        MinimumHealthyPercent: 100,
        MaximumPercent: 200,
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      }),
      CapacityProviderStrategy: [
        Match.objectLike({ CapacityProvider: 'FARGATE' }),
        Match.objectLike({ CapacityProvider: 'FARGATE_SPOT' }),
      ],
    });
  });

  it('creates the service after the cluster lists its capacity providers', () => {
    const association = Object.keys(dev().findResources('AWS::ECS::ClusterCapacityProviderAssociations'))[0];
    dev().hasResource('AWS::ECS::Service', { DependsOn: Match.arrayWith([association]) });
  });

  it('autoscales 2..6 tasks on CPU 70 % and memory 80 % with 60 s out / 300 s in cooldowns', () => {
    dev().hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 2,
      MaxCapacity: 6,
    });
    for (const [metric, target] of [
      ['ECSServiceAverageCPUUtilization', 70],
      ['ECSServiceAverageMemoryUtilization', 80],
    ] as const) {
      dev().hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          PredefinedMetricSpecification: { PredefinedMetricType: metric },
          TargetValue: target,
          ScaleOutCooldown: 60,
          ScaleInCooldown: 300,
        },
      });
    }
  });
});

describe('web-service database', () => {
  it.each([
    ['dev', 'db.t3.micro', false],
    ['staging', 'db.t3.micro', false],
    ['prod', 'db.t3.small', true],
  ] as const)(
    '%s: PostgreSQL 15 on %s, gp3 20..100 GB, encrypted, 7-day backups, prod extras %s',
    (env, cls, isProd) => {
      profileTemplate('web-service', env).hasResourceProperties('AWS::RDS::DBInstance', {
        Engine: 'postgres',
        EngineVersion: Match.stringLikeRegexp('^15\\.'),
        DBInstanceClass: cls,
        StorageType: 'gp3',
        AllocatedStorage: '20',
        MaxAllocatedStorage: 100,
        StorageEncrypted: true,
        BackupRetentionPeriod: 7,
        MultiAZ: isProd,
        EnablePerformanceInsights: isProd,
        DeletionProtection: isProd,
        EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
        PubliclyAccessible: false,
      });
    },
  );

  it('requires SSL through its parameter group', () => {
    dev().hasResourceProperties('AWS::RDS::DBParameterGroup', {
      Family: 'postgres15',
      Parameters: { 'rds.force_ssl': '1' },
    });
  });
});

describe('web-service logs, registry and alarms', () => {
  it.each([
    ['dev', '/ecs/fastapi-app-dev', 7],
    ['staging', '/ecs/fastapi-app-staging', 7],
    ['prod', '/ecs/fastapi-app-prod', 30],
  ] as const)('%s log group %s keeps %i days', (env, name, days) => {
    profileTemplate('web-service', env).hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: name,
      RetentionInDays: days,
    });
  });

  it('names resources from the app name parameter', () => {
    profileTemplate('web-service', 'dev', {}, 'scanner-web').hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/ecs/scanner-web-dev',
    });
  });

  it('has an ECR repository scanning on push and keeping the last 10 tagged images', () => {
    const t = dev();
    t.hasResourceProperties('AWS::ECR::Repository', {
      RepositoryName: 'fastapi-app-dev',
      ImageScanningConfiguration: { ScanOnPush: true },
    });
    const repo = Object.values(t.findResources('AWS::ECR::Repository'))[0];
    const rules = JSON.parse(repo?.Properties.LifecyclePolicy.LifecyclePolicyText).rules;
    expect(rules).toEqual([
      expect.objectContaining({
        selection: {
          tagStatus: 'tagged',
          tagPatternList: ['*'],
          countType: 'imageCountMoreThan',
          countNumber: 10,
        },
      }),
    ]);
  });

  it.each([
    ['CPUUtilization', 80],
    ['MemoryUtilization', 90],
    ['UnHealthyHostCount', 0],
  ] as const)('alarms on %s above %d to the SNS topic', (metric, threshold) => {
    const t = dev();
    const topic = Object.keys(t.findResources('AWS::SNS::Topic'))[0];
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: metric,
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: topic }],
    });
  });

  it('alarms on 5xx responses (load balancer plus targets) to the SNS topic', () => {
    const t = dev();
    const topic = Object.keys(t.findResources('AWS::SNS::Topic'))[0];
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 10,
      AlarmActions: [{ Ref: topic }],
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: Match.stringLikeRegexp('elb.*target') }),
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ MetricName: 'HTTPCode_ELB_5XX_Count' }),
          }),
        }),
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ MetricName: 'HTTPCode_Target_5XX_Count' }),
          }),
        }),
      ]),
    });
  });

  it('has a dashboard with request rate, error rate, response time, CPU and memory', () => {
    const body = JSON.stringify(
      Object.values(dev().findResources('AWS::CloudWatch::Dashboard'))[0]?.Properties,
    );
    for (const title of [
      'Request rate',
      'Error rate',
      'Response time',
      'CPU utilisation',
      'Memory utilisation',
    ]) {
      expect(body).toContain(title);
    }
    for (const metric of ['RequestCount', 'TargetResponseTime', 'CPUUtilization', 'MemoryUtilization']) {
      expect(body).toContain(metric);
    }
  });
});

describe('web-service roles, reports and notifications', () => {
  it('runs every role in the one service, behind the ALB', () => {
    expect(containerCommand(dev(), 'fastapi-app-dev')).toEqual(['serve', '--role', 'all']);
    expect(containerCommand(prod(), 'fastapi-app-prod')).toEqual(['serve', '--role', 'all']);
    expect(containerEnvironment(dev(), 'fastapi-app-dev')).toMatchObject({
      TRUST_PROXY: 'true',
      PUBLIC_URL: {
        'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [expect.stringMatching(/^LoadBalancer/), 'DNSName'] }]],
      },
    });
    expect(containerEnvironment(withCert(), 'fastapi-app-dev').PUBLIC_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^LoadBalancer/), 'DNSName'] }]],
    });
  });

  it('passes its roles to `serve --role` as one comma-separated value, as the CLI takes them', () => {
    // The seed config runs one role (`all`); a list must still make a single `--role` argument.
    expect(webServiceConfig('dev').roles).toEqual(['all']);
    expect(serveCommand(['worker', 'scheduler', 'notifier'])).toEqual([
      'serve',
      '--role',
      'worker,scheduler,notifier',
    ]);
    expect(() => serveCommand([])).toThrow(/at least one role/);
  });

  it('keeps reports in an encrypted, versioned, private bucket that the task reads and writes under reports/', () => {
    const t = dev();
    t.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }),
        ],
      },
      PublicAccessBlockConfiguration: Match.objectLike({
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      }),
    });
    expect(containerEnvironment(t, 'fastapi-app-dev').REPORTS_BUCKET).toEqual({
      Ref: expect.stringMatching(/^ReportsBucket/),
    });
    const role = idByName(t, 'AWS::IAM::Role', 'Description', 'Application permissions of the task');
    expect(statementsOfRole(t, role)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: {
            'Fn::Join': [
              '',
              [{ 'Fn::GetAtt': [expect.stringMatching(/^ReportsBucket/), 'Arn'] }, '/reports/*'],
            ],
          },
        }),
      ]),
    );
  });

  it('sends no email unless a sender address is given, then only from its identity', () => {
    const t = dev();
    const role = idByName(t, 'AWS::IAM::Role', 'Description', 'Application permissions of the task');
    expect(JSON.stringify(statementsOfRole(t, role))).not.toMatch(/ses:|sns:/);
    expect(containerEnvironment(t, 'fastapi-app-dev').NOTIFY_EMAIL_FROM).toBeUndefined();
    const withSender = profileTemplate('web-service', 'dev', { sesFromAddress: 'scans@web.example' });
    expect(containerEnvironment(withSender, 'fastapi-app-dev').NOTIFY_EMAIL_FROM).toBe('scans@web.example');
    const sender = idByName(
      withSender,
      'AWS::IAM::Role',
      'Description',
      'Application permissions of the task',
    );
    const send = statementsOfRole(withSender, sender).find((st) => st.Sid === 'SendEmail');
    expect(JSON.stringify(send?.Resource)).toMatch(
      /:identity\/scans@web\.example".*:identity\/web\.example"/,
    );
  });

  it('records its differences from seed 001', () => {
    const recorded = (dev().toJSON().Metadata?.[SEED_DIFFERENCES_METADATA_KEY] ?? []) as { topic: string }[];
    const topics = recorded.map((d) => d.topic);
    expect(topics).toEqual(
      expect.arrayContaining([
        'PostgreSQL version',
        'NAT gateways',
        'Secrets',
        'Encryption',
        'Roles and reports',
      ]),
    );
  });
});

describe('web-service validation', () => {
  it.each(['dev', 'staging', 'prod'])(
    '%s synthesises with cdk-nag AwsSolutions and CloudFormation validation reporting no unacknowledged finding',
    (env) => expectCleanReport('web-service', env),
  );
});
