import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SEED_DIFFERENCES_METADATA_KEY } from '../../lib/profiles/seed-differences.ts';
import { expectCleanReport, profileTemplate } from '../support/profile-template.ts';
import {
  actionsOf,
  type CfnJson,
  containerCommand,
  containerEnvironment,
  idByName,
  ingressOf,
  securityGroupId,
  statementsOfRole,
} from '../support/template-queries.ts';

// GIVEN the data-scanner profile (seed 000) WHEN synthesised with cdk-nag THEN every seed number holds.
const dev = () => profileTemplate('data-scanner', 'dev');
const prod = () => profileTemplate('data-scanner', 'prod');

describe('data-scanner network', () => {
  it('has a 10.0.0.0/16 VPC with DNS on and the seed subnets over 2 AZs', () => {
    dev().hasResourceProperties('AWS::EC2::VPC', {
      CidrBlock: '10.0.0.0/16',
      EnableDnsSupport: true,
      EnableDnsHostnames: true,
    });
    dev().resourceCountIs('AWS::EC2::Subnet', 4);
    for (const [cidr, az, isPublic] of [
      ['10.0.1.0/24', 0, true],
      ['10.0.2.0/24', 1, true],
      ['10.0.10.0/24', 0, false],
      ['10.0.11.0/24', 1, false],
    ] as const) {
      dev().hasResourceProperties('AWS::EC2::Subnet', {
        CidrBlock: cidr,
        MapPublicIpOnLaunch: isPublic,
        AvailabilityZone: { 'Fn::Select': [az, { 'Fn::GetAZs': '' }] },
      });
    }
  });

  it('has one NAT gateway in dev and one per AZ in prod', () => {
    dev().resourceCountIs('AWS::EC2::NatGateway', 1);
    prod().resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  it('keeps S3 traffic off the NAT with a gateway endpoint', () => {
    dev().hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('\\.s3$')])] },
    });
  });
});

describe('data-scanner bastion', () => {
  it('is a t2.micro in a public subnet with SSM and no SSH ingress by default', () => {
    const t = dev();
    const publicSubnet = Object.entries(t.findResources('AWS::EC2::Subnet')).find(
      ([, r]) => r.Properties.CidrBlock === '10.0.1.0/24',
    )?.[0];
    t.hasResourceProperties('AWS::EC2::Instance', {
      InstanceType: 't2.micro',
      NetworkInterfaces: [
        Match.objectLike({ SubnetId: { Ref: publicSubnet }, AssociatePublicIpAddress: true }),
      ],
      BlockDeviceMappings: [Match.objectLike({ Ebs: Match.objectLike({ Encrypted: true }) })],
    });
    t.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({ MetadataOptions: { HttpTokens: 'required' } }),
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.arrayWith([
        { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('AmazonSSMManagedInstanceCore')])] },
      ]),
    });
    expect(ingressOf(t, securityGroupId(t, 'Bastion:'))).toEqual([]);
  });

  it('admits SSH only from the CIDR the deployer names, never 0.0.0.0/0', () => {
    const t = profileTemplate('data-scanner', 'dev', { sshCidr: '203.0.113.7/32' });
    expect(ingressOf(t, securityGroupId(t, 'Bastion:'))).toEqual([{ port: 22, source: '203.0.113.7/32' }]);
    expect(() => profileTemplate('data-scanner', 'dev', { sshCidr: '0.0.0.0/0' })).toThrow(
      /opens SSH to the internet/,
    );
  });
});

describe('data-scanner database', () => {
  it('is an encrypted private db.t3.micro with 7-day backups at 03:00-04:00 UTC', () => {
    dev().hasResourceProperties('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      DBInstanceClass: 'db.t3.micro',
      StorageEncrypted: true,
      PubliclyAccessible: false,
      BackupRetentionPeriod: 7,
      PreferredBackupWindow: '03:00-04:00',
      MultiAZ: false,
      DBInstanceIdentifier: 'aws-data-scanner-db-dev',
    });
    prod().hasResourceProperties('AWS::RDS::DBInstance', { MultiAZ: true, DeletionProtection: true });
  });

  it('sits in the private subnets only', () => {
    const t = dev();
    const privateIds = Object.entries(t.findResources('AWS::EC2::Subnet'))
      .filter(([, r]) => ['10.0.10.0/24', '10.0.11.0/24'].includes(r.Properties.CidrBlock))
      .map(([id]) => ({ Ref: id }));
    t.hasResourceProperties('AWS::RDS::DBSubnetGroup', { SubnetIds: privateIds });
  });

  it('admits 5432 only from the worker, Lambda and bastion security groups', () => {
    const t = dev();
    const rules = ingressOf(t, securityGroupId(t, 'PostgreSQL:'));
    expect(rules.map((r) => r.port)).toEqual([5432, 5432, 5432]);
    expect(rules.map((r) => r.source).sort()).toEqual(
      [
        securityGroupId(t, 'Fargate tasks:'),
        securityGroupId(t, 'API Lambda functions:'),
        securityGroupId(t, 'Bastion:'),
      ].sort(),
    );
  });

  it('keeps credentials and the connection URL in Secrets Manager', () => {
    dev().hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'aws-data-scanner/dev/database-credentials',
      GenerateSecretString: Match.objectLike({ GenerateStringKey: 'password' }),
    });
    dev().hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'aws-data-scanner/dev/database-url' });
  });
});

describe('data-scanner queue, bucket and registry', () => {
  it('has an encrypted scan-jobs queue with a dead-letter queue through a redrive policy', () => {
    const t = dev();
    const dlq = idByName(t, 'AWS::SQS::Queue', 'QueueName', 'aws-data-scanner-scan-jobs-dev-dlq');
    t.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'aws-data-scanner-scan-jobs-dev',
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 3 },
    });
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('has a versioned, encrypted, TLS-only, private data bucket expiring noncurrent versions after 30 days', () => {
    dev().hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } })]),
      },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
    dev().hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('has an ECR repository that scans on push and keeps the last 10 images', () => {
    const t = dev();
    t.hasResourceProperties('AWS::ECR::Repository', {
      ImageScanningConfiguration: { ScanOnPush: true },
    });
    const repo = Object.values(t.findResources('AWS::ECR::Repository'))[0];
    const policy = JSON.parse(repo?.Properties.LifecyclePolicy.LifecyclePolicyText);
    expect(policy.rules).toEqual([
      expect.objectContaining({
        selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 10 },
        action: { type: 'expire' },
      }),
    ]);
  });
});

describe('data-scanner log groups', () => {
  it.each([
    ['dev', '/ecs/aws-data-scanner-scanner-worker-dev'],
    ['dev', '/aws/lambda/aws-data-scanner-scan-dev'],
    ['dev', '/aws/lambda/aws-data-scanner-jobs-dev'],
    ['dev', '/aws/lambda/aws-data-scanner-results-dev'],
    ['prod', '/ecs/aws-data-scanner-scanner-worker-prod'],
    ['prod', '/aws/lambda/aws-data-scanner-results-prod'],
  ])('%s has %s kept 7 days', (env, name) => {
    profileTemplate('data-scanner', env).hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: name,
      RetentionInDays: 7,
    });
  });

  it('uses the app name parameter in every name', () => {
    const t = profileTemplate('data-scanner', 'staging', {}, 'acme-scan');
    t.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/ecs/acme-scan-scanner-worker-staging' });
    t.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'acme-scan-scan-staging' });
  });
});

describe('data-scanner API', () => {
  it('routes POST /scan, GET /jobs/{job_id} and GET /results to their own nodejs22.x Lambda', () => {
    const t = dev();
    const resources = t.findResources('AWS::ApiGateway::Resource');
    const pathPart = (id: string) => resources[id]?.Properties.PathPart;
    const routes = Object.values(t.findResources('AWS::ApiGateway::Method')).map((m) => {
      const uri = JSON.stringify(m.Properties.Integration.Uri);
      const fnId = /"Fn::GetAtt":\["(\w+)","Arn"\]/.exec(uri)?.[1] ?? '';
      const fnName = t.toJSON().Resources[fnId].Properties.FunctionName;
      return `${m.Properties.HttpMethod} ${pathPart(m.Properties.ResourceId.Ref)} -> ${fnName} (${m.Properties.Integration.Type})`;
    });
    expect(routes.filter((r) => !r.startsWith('ANY ')).sort()).toEqual([
      'GET results -> aws-data-scanner-results-dev (AWS_PROXY)',
      'GET {job_id} -> aws-data-scanner-jobs-dev (AWS_PROXY)',
      'POST scan -> aws-data-scanner-scan-dev (AWS_PROXY)',
    ]);
    // Every other route of the API: ANY on each resource and {proxy+} beneath, to the fourth function.
    const rest = routes.filter((r) => r.startsWith('ANY '));
    expect(rest.length).toBeGreaterThanOrEqual(8);
    for (const r of rest) expect(r).toMatch(/-> aws-data-scanner-api-dev \(AWS_PROXY\)$/);
    expect(rest).toContain('ANY {proxy+} -> aws-data-scanner-api-dev (AWS_PROXY)');
  });

  it('runs the functions on nodejs22.x in the private subnets with their own security group', () => {
    const t = dev();
    const privateIds = Object.entries(t.findResources('AWS::EC2::Subnet'))
      .filter(([, r]) => ['10.0.10.0/24', '10.0.11.0/24'].includes(r.Properties.CidrBlock))
      .map(([id]) => ({ Ref: id }));
    const sg = securityGroupId(t, 'API Lambda functions:');
    for (const name of ['scan', 'jobs', 'results']) {
      t.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `aws-data-scanner-${name}-dev`,
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        VpcConfig: { SubnetIds: privateIds, SecurityGroupIds: [{ 'Fn::GetAtt': [sg, 'GroupId'] }] },
      });
    }
  });
});

describe('data-scanner worker', () => {
  it('is a 0.25 vCPU / 0.5 GB Fargate task running the worker role, starting at 0 tasks', () => {
    dev().hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '256',
      Memory: '512',
      RequiresCompatibilities: ['FARGATE'],
      ContainerDefinitions: [
        Match.objectLike({
          Command: ['serve', '--role', 'worker'],
          Environment: Match.arrayWith([
            { Name: 'QUEUE_KIND', Value: 'sqs' },
            { Name: 'TASK_PROTECTION', Value: 'ecs-agent' },
          ]),
          Secrets: Match.arrayWith([Match.objectLike({ Name: 'DATABASE_URL' })]),
        }),
      ],
    });
    dev().hasResourceProperties('AWS::ECS::Service', {
      ServiceName: 'aws-data-scanner-scanner-worker-dev',
      DesiredCount: 0,
    });
  });

  it.each([
    ['dev', {}, 5],
    ['prod', {}, 10],
    ['dev', { maxWorkers: '10' }, 10],
  ] as const)('%s %j scales between 0 and %i tasks', (env, options, max) => {
    profileTemplate('data-scanner', env, options).hasResourceProperties(
      'AWS::ApplicationAutoScaling::ScalableTarget',
      { MinCapacity: 0, MaxCapacity: max, ScalableDimension: 'ecs:service:DesiredCount' },
    );
  });

  // Offsets from the alarm threshold of 1 message: depth 1-5 is offset 0-4, and so on.
  const SEED_STEPS = [
    { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 5, ScalingAdjustment: 1 },
    { MetricIntervalLowerBound: 5, MetricIntervalUpperBound: 10, ScalingAdjustment: 2 },
    { MetricIntervalLowerBound: 10, MetricIntervalUpperBound: 15, ScalingAdjustment: 3 },
    { MetricIntervalLowerBound: 15, MetricIntervalUpperBound: 20, ScalingAdjustment: 4 },
    { MetricIntervalLowerBound: 20, ScalingAdjustment: 5 },
  ];
  const TABLE_TASKS = 'IF(CEIL(depth / 5) > 5, 5, CEIL(depth / 5))';
  const policyNamed = (prefix: string) => {
    const found = Object.entries(dev().findResources('AWS::ApplicationAutoScaling::ScalingPolicy')).filter(
      ([id]) => id.startsWith(prefix),
    );
    expect(found).toHaveLength(1);
    return found[0] as [string, CfnJson];
  };
  const alarmActing = (policyId: string) =>
    Object.values(dev().findResources('AWS::CloudWatch::Alarm')).filter((a) =>
      JSON.stringify(a.Properties.AlarmActions ?? []).includes(`"${policyId}"`),
    );
  const expressionOf = (alarm: CfnJson) =>
    alarm.Properties.Metrics.find((m: CfnJson) => m.Expression !== undefined)?.Expression;

  it('raises the count by the seed table with a 60 s cooldown, only when the table asks for more tasks', () => {
    const [id, policy] = policyNamed('WorkerScaleOnDepth');
    expect(policy.Properties.StepScalingPolicyConfiguration).toEqual({
      AdjustmentType: 'ExactCapacity',
      Cooldown: 60,
      MetricAggregationType: 'Maximum',
      StepAdjustments: SEED_STEPS,
    });
    const [alarm] = alarmActing(id);
    expect(alarm?.Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(expressionOf(alarm)).toBe(`IF(${TABLE_TASKS} > FILL(desired, 0), depth, 0)`);
    expect(JSON.stringify(alarm?.Properties.Metrics)).toContain(
      '"MetricName":"ApproximateNumberOfMessagesVisible"',
    );
    expect(JSON.stringify(alarm?.Properties.Metrics)).toContain('"MetricName":"DesiredTaskCount"');
  });

  it("lowers the count by the seed table with the seed's 300 s scale-in cooldown, only when it asks for fewer", () => {
    const [id, policy] = policyNamed('WorkerScaleInOnDepth');
    expect(policy.Properties.StepScalingPolicyConfiguration).toEqual({
      AdjustmentType: 'ExactCapacity',
      Cooldown: 300,
      MetricAggregationType: 'Maximum',
      StepAdjustments: SEED_STEPS,
    });
    const [alarm] = alarmActing(id);
    expect(alarm?.Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(expressionOf(alarm)).toBe(`IF(depth >= 1 AND ${TABLE_TASKS} < FILL(desired, 0), depth, 0)`);
  });

  it('scales to zero on an empty queue with a 300 s cooldown', () => {
    dev().hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      StepScalingPolicyConfiguration: {
        AdjustmentType: 'ExactCapacity',
        Cooldown: 300,
        StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: 0 }],
      },
    });
    dev().hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      ComparisonOperator: 'LessThanOrEqualToThreshold',
    });
  });
});

describe('data-scanner IAM', () => {
  const roleOf = (ref: CfnJson) => ref['Fn::GetAtt'][0] as string;
  const taskDef = () => Object.values(dev().findResources('AWS::ECS::TaskDefinition'))[0]?.Properties;
  const lambdaRole = (name: string) =>
    roleOf(
      Object.values(dev().findResources('AWS::Lambda::Function', { Properties: { FunctionName: name } }))[0]
        ?.Properties.Role,
    );

  it('gives the execution role ECR pull and its log group only', () => {
    const actions = actionsOf(statementsOfRole(dev(), roleOf(taskDef().ExecutionRoleArn)));
    expect(actions).toEqual(
      expect.arrayContaining([
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:BatchGetImage',
        'ecr:GetAuthorizationToken',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ]),
    );
    expect(actions.filter((a) => a.startsWith('s3:') || a.startsWith('sqs:'))).toEqual([]);
  });

  it('gives the task role SQS consume, send (shards) and dead-letter, S3 get/list and its own scale-in protection', () => {
    const statements = statementsOfRole(dev(), roleOf(taskDef().TaskRoleArn));
    const actions = actionsOf(statements);
    expect(actions).toEqual(
      expect.arrayContaining([
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
        'sqs:ChangeMessageVisibility',
        'sqs:SendMessage',
        's3:GetObject',
        's3:ListBucket',
        'ecs:UpdateTaskProtection',
      ]),
    );
    expect(statements).toEqual(
      expect.arrayContaining([
        {
          Sid: 'DeadLetters',
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: { 'Fn::GetAtt': [expect.stringMatching(/^ScanJobsDeadLetterQueue/), 'Arn'] },
        },
      ]),
    );
    expect(actions).not.toContain('s3:PutObject');
    expect(statements.every((s) => s.Resource !== '*')).toBe(true);
  });

  it('lets only the scan Lambda send to the queue', () => {
    const scan = actionsOf(statementsOfRole(dev(), lambdaRole('aws-data-scanner-scan-dev')));
    expect(scan).toEqual(expect.arrayContaining(['sqs:SendMessage', 'secretsmanager:GetSecretValue']));
    expect(scan.filter((a) => a.startsWith('s3:'))).toEqual([]);
    for (const name of ['aws-data-scanner-jobs-dev', 'aws-data-scanner-results-dev']) {
      const actions = actionsOf(statementsOfRole(dev(), lambdaRole(name)));
      expect(actions).not.toContain('sqs:SendMessage');
      expect(actions).toEqual(
        expect.arrayContaining(['secretsmanager:GetSecretValue', 'ec2:CreateNetworkInterface']),
      );
    }
  });

  it('uses a wildcard resource only for actions that have no resource-level permissions', () => {
    const allowed = new Set([
      'ecr:GetAuthorizationToken',
      'ec2:CreateNetworkInterface',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeSubnets',
      'ec2:DeleteNetworkInterface',
      'ec2:AssignPrivateIpAddresses',
      'ec2:UnassignPrivateIpAddresses',
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
    ]);
    // cdk-ecr-deployment's copy function (image into the profile repository) is not the profile's code.
    const wildcard = Object.values(dev().findResources('AWS::IAM::Policy'))
      .filter((p) => !JSON.stringify(p.Properties.Roles).includes('CDKECRDeployment'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s: CfnJson) => s.Resource === '*' || (Array.isArray(s.Resource) && s.Resource.includes('*')));
    expect(actionsOf(wildcard).filter((a) => !allowed.has(a))).toEqual([]);
  });
});

describe('data-scanner alarms', () => {
  it.each([
    ['ApproximateNumberOfMessagesVisible', 0, 'GreaterThanThreshold'],
    ['ApproximateAgeOfOldestMessage', 900, 'GreaterThanThreshold'],
    ['TriggeredRules', 0, 'GreaterThanThreshold'],
    ['Errors', 0, 'GreaterThanThreshold'],
    ['Throttles', 0, 'GreaterThanThreshold'],
    ['CPUUtilization', 80, 'GreaterThanThreshold'],
    ['FreeStorageSpace', 2 * 1024 ** 3, 'LessThanThreshold'],
  ])('alarms on %s (%d, %s) to the SNS topic', (metric, threshold, comparison) => {
    const t = dev();
    const topic = Object.keys(t.findResources('AWS::SNS::Topic'))[0];
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: metric,
      Threshold: threshold,
      ComparisonOperator: comparison,
      AlarmActions: [{ Ref: topic }],
    });
  });

  it('has Lambda error and throttle alarms for each of the four functions', () => {
    const alarms = Object.values(dev().findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.filter((a) => a.Properties.MetricName === 'Errors')).toHaveLength(4);
    expect(alarms.filter((a) => a.Properties.MetricName === 'Throttles')).toHaveLength(4);
  });

  it('watches worker task failures with an EventBridge rule', () => {
    dev().hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        source: ['aws.ecs'],
        detail: Match.objectLike({
          lastStatus: ['STOPPED'],
          stopCode: ['TaskFailedToStart', 'EssentialContainerExited'],
        }),
      }),
    });
  });
});

describe('data-scanner differences from seed 000', () => {
  const recorded = () =>
    (dev().toJSON().Metadata?.[SEED_DIFFERENCES_METADATA_KEY] ?? []) as {
      topic: string;
      seed: string;
      deployed: string;
    }[];

  it('records the bastion: the seed opens SSH to 0.0.0.0/0, the profile uses SSM and a named CIDR', () => {
    expect(recorded().find((d) => d.topic === 'Bastion access')).toMatchObject({
      seed: expect.stringContaining('0.0.0.0/0'),
      deployed: expect.stringMatching(/SSM Session Manager.*sshCidr/),
    });
  });

  it('records the S3 gateway endpoint, the Secrets Manager credentials, the encryption and what is not deployed', () => {
    expect(recorded().map((d) => d.topic)).toEqual(
      expect.arrayContaining([
        'S3 gateway endpoint',
        'Database credentials',
        'Encryption',
        'Schedules, notifications and reports',
      ]),
    );
  });

  it('records the same differences in prod', () => {
    expect(prod().toJSON().Metadata?.[SEED_DIFFERENCES_METADATA_KEY]).toEqual(recorded());
  });
});

describe('data-scanner validation', () => {
  it.each(['dev', 'staging', 'prod'])(
    '%s synthesises with cdk-nag AwsSolutions and CloudFormation validation reporting no unacknowledged finding',
    (env) => expectCleanReport('data-scanner', env),
  );
});

describe('data-scanner with -c scheduler=true', () => {
  const family = 'aws-data-scanner-scheduler-dev';
  const t = () => profileTemplate('data-scanner', 'dev', { scheduler: 'true' });

  it('runs one 256 CPU / 512 MB task of serve --role scheduler,notifier', () => {
    expect(containerCommand(t(), family)).toEqual(['serve', '--role', 'scheduler,notifier']);
    t().hasResourceProperties('AWS::ECS::TaskDefinition', { Family: family, Cpu: '256', Memory: '512' });
    t().hasResourceProperties('AWS::ECS::Service', { ServiceName: family, DesiredCount: 1 });
  });

  it('submits scheduled scans to the job queue, which is all it may send to', () => {
    const env = containerEnvironment(t(), family);
    const queueId = Object.keys(
      t().findResources('AWS::SQS::Queue', { Properties: { QueueName: 'aws-data-scanner-scan-jobs-dev' } }),
    )[0];
    expect(env.QUEUE_KIND).toBe('sqs');
    expect(env.SCAN_QUEUE_URL).toEqual({ Ref: queueId });
    expect(env.PUBLIC_URL).toBeDefined();
    const task = Object.values(
      t().findResources('AWS::ECS::TaskDefinition', { Properties: { Family: family } }),
    )[0];
    const statements = statementsOfRole(t(), task?.Properties.TaskRoleArn['Fn::GetAtt'][0]);
    expect(statements.filter((st) => actionsOf([st]).some((a) => a.startsWith('sqs:')))).toEqual([
      expect.objectContaining({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [queueId, 'Arn'] } }),
    ]);
  });

  it('reaches the database on 5432', () => {
    const service = Object.values(
      t().findResources('AWS::ECS::Service', { Properties: { ServiceName: family } }),
    )[0];
    const group =
      service?.Properties.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups[0]['Fn::GetAtt'][0];
    expect(group).toMatch(/^Scheduler/);
    expect(ingressOf(t(), securityGroupId(t(), 'PostgreSQL:'))).toContainEqual({ port: 5432, source: group });
  });

  it('runs no scheduler without the option', () => {
    expect(() => containerCommand(dev(), family)).toThrow(/found 0/);
  });
});

describe('data-scanner with -c dashboard=true', () => {
  const t = () => profileTemplate('data-scanner', 'dev', { dashboard: 'true' });
  const distributionId = () => Object.keys(t().findResources('AWS::CloudFront::Distribution'))[0] as string;
  const dashboardOrigin = () => ({
    'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId(), 'DomainName'] }]],
  });

  it('serves the dashboard from a private bucket through CloudFront and prints its URL', () => {
    t().resourceCountIs('AWS::CloudFront::Distribution', 1);
    t().hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: Match.stringLikeRegexp('^DashboardBucket') },
      DistributionId: { Ref: distributionId() },
    });
    expect(t().findOutputs('DashboardUrl').DashboardUrl?.Value).toEqual(dashboardOrigin());
  });

  it('lets the dashboard call the API cross-origin: preflight answered, API_CORS_ORIGINS in every function', () => {
    const options = Object.values(
      t().findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } }),
    );
    expect(options.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(options[0]?.Properties.Integration.IntegrationResponses)).toContain(
      JSON.stringify({ 'Fn::GetAtt': [distributionId(), 'DomainName'] }),
    );
    const functions = Object.values(t().findResources('AWS::Lambda::Function')).filter(
      (f) => f.Properties.Environment?.Variables?.DATABASE_URL_SECRET_ARN !== undefined,
    );
    expect(functions).toHaveLength(4);
    for (const f of functions)
      expect(f.Properties.Environment.Variables.API_CORS_ORIGINS).toEqual(dashboardOrigin());
  });

  it('has no dashboard, preflight or CORS origins without the option', () => {
    dev().resourceCountIs('AWS::CloudFront::Distribution', 0);
    expect(dev().findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } })).toEqual(
      {},
    );
  });
});
