import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { Bastion } from '../constructs/bastion.ts';
import { containerImage } from '../constructs/container-image.ts';
import { PostgresDatabase } from '../constructs/database.ts';
import { FingerprintKey } from '../constructs/fingerprint-key.ts';
import { ImageRepository } from '../constructs/image-repository.ts';
import { JobQueue } from '../constructs/job-queue.ts';
import { acknowledge, nagRef } from '../constructs/nag.ts';
import { Network, type SubnetTier } from '../constructs/network.ts';
import { Observability } from '../constructs/observability.ts';
import { QueueWorker } from '../constructs/queue-worker.ts';
import { SecureBucket } from '../constructs/secure-bucket.ts';
import { ServerlessApi } from '../constructs/serverless-api.ts';
import { ServiceCluster } from '../constructs/service-cluster.ts';
import {
  checkAppName,
  type EnvName,
  intOption,
  type Profile,
  type ProfileContext,
  serveCommand,
} from './profile.ts';
import { recordDifferences, type SeedDifference } from './seed-differences.ts';

/** The `data-scanner` seed (000_742896974df8c81f.txt) as numbers; dev is the seed, prod its recommendations. */
export interface DataScannerConfig {
  readonly vpcCidr: string;
  readonly tiers: readonly SubnetTier[];
  readonly natGateways: number;
  readonly bastionInstanceType: string;
  readonly database: {
    readonly instanceType: string;
    readonly multiAz: boolean;
    readonly backupRetentionDays: number;
    readonly backupWindow: string;
    readonly deletionProtection: boolean;
  };
  readonly worker: {
    readonly cpu: number;
    readonly memoryMiB: number;
    readonly maxTasks: number;
    readonly messagesPerTask: number;
    readonly scaleOutCooldownSeconds: number;
    readonly scaleInCooldownSeconds: number;
  };
  readonly queue: { readonly visibilityTimeoutSeconds: number; readonly maxReceiveCount: number };
  readonly logRetention: logs.RetentionDays;
  readonly noncurrentVersionExpirationDays: number;
  readonly keepImages: number;
  readonly alarms: {
    readonly oldestMessageAgeSeconds: number;
    readonly rdsCpuPercent: number;
    readonly rdsFreeStorageBytes: number;
  };
  readonly differences: readonly SeedDifference[];
}

const SEED: DataScannerConfig = {
  vpcCidr: '10.0.0.0/16',
  tiers: [
    { name: 'Public', kind: 'public', cidrs: ['10.0.1.0/24', '10.0.2.0/24'] },
    { name: 'Private', kind: 'private', cidrs: ['10.0.10.0/24', '10.0.11.0/24'] },
  ],
  natGateways: 1,
  bastionInstanceType: 't2.micro',
  database: {
    instanceType: 't3.micro',
    multiAz: false,
    backupRetentionDays: 7,
    backupWindow: '03:00-04:00',
    deletionProtection: false,
  },
  worker: {
    cpu: 256,
    memoryMiB: 512,
    maxTasks: 5,
    messagesPerTask: 5,
    scaleOutCooldownSeconds: 60,
    scaleInCooldownSeconds: 300,
  },
  queue: { visibilityTimeoutSeconds: 900, maxReceiveCount: 3 },
  logRetention: logs.RetentionDays.ONE_WEEK,
  noncurrentVersionExpirationDays: 30,
  keepImages: 10,
  alarms: { oldestMessageAgeSeconds: 900, rdsCpuPercent: 80, rdsFreeStorageBytes: 2 * 1024 ** 3 },
  differences: [
    {
      topic: 'Bastion access',
      seed: 'SSH (22) from 0.0.0.0/0 ("restrict in production!")',
      deployed:
        'No SSH ingress by default: the bastion is reached with SSM Session Manager; -c sshCidr=<CIDR> opens 22 from that CIDR only, and a /0 CIDR is refused',
      reason:
        'SSH open to the internet invites brute force; Session Manager needs no open port and logs sessions',
    },
    {
      topic: 'S3 gateway endpoint',
      seed: 'Not mentioned: private subnets reach S3 through the NAT gateway',
      deployed: 'An S3 gateway endpoint on the private route tables',
      reason:
        'Workers read the scanned objects from S3; that traffic stays off the NAT gateway (no NAT data charge)',
    },
    {
      topic: 'Database credentials',
      seed: 'Not stated (Terraform variables)',
      deployed:
        'A generated password in Secrets Manager (<app>/<env>/database-credentials) and a DATABASE_URL secret built from it at deploy time; ECS injects it into the worker, the functions read it at cold start',
      reason:
        'No password in code, variables or the template; only the worker, the functions and the bastion reach the database',
    },
    {
      topic: 'Encryption',
      seed: 'RDS and the S3 bucket "Encrypted"; the SQS queues not mentioned',
      deployed:
        'RDS storage encrypted (AWS managed KMS key), the buckets SSE-S3 with a TLS-only policy, the job queue and its dead-letter queue SSE-SQS, secrets KMS',
      reason: 'Encryption at rest everywhere, and TLS in transit to S3',
    },
    {
      topic: 'Log permissions',
      seed: 'Task and Lambda roles may logs:CreateLogGroup, CreateLogStream and PutLogEvents',
      deployed:
        'The stack creates every log group with its retention; the ECS execution role and each function role may write log streams of their own group only, the task role has no log rights',
      reason: 'Log groups created at run time would keep logs forever; narrower roles',
    },
    {
      topic: 'Scale-in of busy workers',
      seed: 'Scale by queue depth, down to 0 tasks',
      deployed:
        'The same steps, and ECS task scale-in protection while a worker holds a message (TASK_PROTECTION=ecs-agent, TASK_PROTECTION_MINUTES=30)',
      reason: 'Scaling in must not stop a task that is scanning',
    },
    {
      topic: 'Schedules, notifications and reports',
      seed: 'An API with /scan, /jobs and /results and a scanner worker; no scheduler, notifier or report store',
      deployed:
        'Not deployed: the API is the three functions and the Fargate service runs `serve --role worker` only, so no scheduler, notifier or reports bucket; recurring scans, notifications and PDF reports need a profile that runs those roles',
      reason: "The seed's API Gateway routes no schedules or reports; the CLI runs one role per process",
    },
    {
      topic: 'Infrastructure as code',
      seed: 'Terraform with an S3 state bucket',
      deployed: 'AWS CDK (TypeScript), deployed through CloudFormation',
      reason: 'All Data Scanner profiles share one construct library',
    },
  ],
};

/** The configuration of an environment: the seed, with its production recommendations in prod. */
export function dataScannerConfig(env: EnvName): DataScannerConfig {
  if (env !== 'prod') return SEED;
  return {
    ...SEED,
    natGateways: 2,
    database: { ...SEED.database, multiAz: true, deletionProtection: true },
    worker: { ...SEED.worker, maxTasks: 10 },
  };
}

/** Resource name in the seed's pattern: `<app>-<component>-<env>`. */
export const dataScannerName = (app: string, component: string, env: EnvName) => `${app}-${component}-${env}`;

function createStack(scope: Construct, context: ProfileContext): Stack {
  const env = context.env;
  const app = checkAppName(context.appName ?? dataScanner.defaultAppName);
  const base = dataScannerConfig(env);
  const config: DataScannerConfig = {
    ...base,
    worker: { ...base.worker, maxTasks: intOption(context.options, 'maxWorkers', base.worker.maxTasks) },
  };
  const name = (component: string) => dataScannerName(app, component, env);
  const stack = new Stack(scope, `${app}-${env}`, {
    stackName: `${app}-${env}`,
    description: `Data Scanner (${dataScanner.id} profile, ${env}): API Gateway + Lambda, SQS, Fargate workers, RDS`,
    ...(context.stackEnv ? { env: context.stackEnv } : {}),
    tags: { Application: app, Environment: env, Profile: dataScanner.id },
  });
  const removal = env === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

  const network = new Network(stack, 'Network', {
    cidr: config.vpcCidr,
    tiers: config.tiers,
    natGateways: config.natGateways,
    s3GatewayEndpoint: true,
  });
  const vpc = network.vpc;
  const privateSubnets = network.subnets('Private');

  const accessLogs = new SecureBucket(stack, 'AccessLogs', {
    versioned: false,
    expireAfterDays: 90,
    objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
    removalPolicy: removal,
  });
  const data = new SecureBucket(stack, 'DataBucket', {
    versioned: true,
    noncurrentVersionExpirationDays: config.noncurrentVersionExpirationDays,
    serverAccessLogsBucket: accessLogs.bucket,
    removalPolicy: removal,
  });
  const repository = new ImageRepository(stack, 'Registry', {
    repositoryName: name('scanner'),
    keepImages: config.keepImages,
    countImages: 'any',
    removalPolicy: removal,
  });
  const jobs = new JobQueue(stack, 'ScanJobs', {
    queueName: name('scan-jobs'),
    visibilityTimeout: Duration.seconds(config.queue.visibilityTimeoutSeconds),
    maxReceiveCount: config.queue.maxReceiveCount,
  });

  const database = new PostgresDatabase(stack, 'Database', {
    vpc,
    subnets: privateSubnets,
    instanceType: new ec2.InstanceType(config.database.instanceType),
    multiAz: config.database.multiAz,
    backupRetentionDays: config.database.backupRetentionDays,
    preferredBackupWindow: config.database.backupWindow,
    deletionProtection: config.database.deletionProtection,
    instanceIdentifier: name('db'),
    secretName: `${app}/${env}/database-credentials`,
    urlSecretName: `${app}/${env}/database-url`,
    removalPolicy: env === 'prod' ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
  });
  const fingerprintKey = new FingerprintKey(stack, 'FingerprintKey', {
    secretName: `${app}/${env}/fingerprint-key`,
  }).secret;

  const cluster = new ServiceCluster(stack, 'Cluster', { vpc, clusterName: name('cluster') });
  const scanBuckets = (context.options?.scanBuckets ?? '').split(',').filter(Boolean);
  const worker = new QueueWorker(stack, 'Worker', {
    cluster: cluster.cluster,
    queue: jobs.queue,
    deadLetterQueue: jobs.deadLetterQueue,
    image: containerImage(context.image ?? { kind: 'asset' }, repository.repository),
    command: serveCommand(['worker']),
    subnets: privateSubnets,
    cpu: config.worker.cpu,
    memoryMiB: config.worker.memoryMiB,
    maxTasks: config.worker.maxTasks,
    messagesPerTask: config.worker.messagesPerTask,
    scaleOutCooldown: Duration.seconds(config.worker.scaleOutCooldownSeconds),
    scaleInCooldown: Duration.seconds(config.worker.scaleInCooldownSeconds),
    serviceName: name('scanner-worker'),
    family: name('scanner-worker'),
    containerName: 'scanner-worker',
    logGroupName: `/ecs/${name('scanner-worker')}`,
    logRetention: config.logRetention,
    environment: {
      QUEUE_VISIBILITY_TIMEOUT_SECONDS: String(config.queue.visibilityTimeoutSeconds),
      QUEUE_MAX_RECEIVES: String(config.queue.maxReceiveCount),
      SCAN_S3_BUCKETS: [data.bucket.bucketName, ...scanBuckets].join(','),
      LOG_LEVEL: 'info',
    },
    secrets: {
      DATABASE_URL: ecs.Secret.fromSecretsManager(database.urlSecret),
      FINGERPRINT_KEY: ecs.Secret.fromSecretsManager(fingerprintKey),
    },
  });
  const workerTask = worker.worker;
  grantObjects(workerTask.taskRole, data.bucket, ['s3:GetObject'], true);
  for (const bucket of scanBuckets) {
    grantObjects(
      workerTask.taskRole,
      s3.Bucket.fromBucketName(stack, `Scan-${bucket}`, bucket),
      ['s3:GetObject'],
      true,
    );
  }

  const api = new ServerlessApi(stack, 'Api', {
    vpc,
    subnets: privateSubnets,
    restApiName: name('api'),
    stageName: env,
    logRetention: config.logRetention,
    routes: [
      { method: 'POST', path: '/scan', handler: 'scan', functionName: name('scan') },
      { method: 'GET', path: '/jobs/{job_id}', handler: 'jobs', functionName: name('jobs') },
      { method: 'GET', path: '/results', handler: 'results', functionName: name('results') },
    ],
    environment: {
      DATABASE_URL_SECRET_ARN: database.urlSecret.secretArn,
      SCAN_QUEUE_URL: jobs.queue.queueUrl,
      QUEUE_KIND: 'sqs',
      SCAN_S3_BUCKETS: [data.bucket.bucketName, ...scanBuckets].join(','),
    },
  });
  // The functions read jobs and findings from the database; only scan sends (its plan message).
  for (const [fnName, fn] of Object.entries(api.functions)) {
    const role = fn.role as iam.Role;
    database.urlSecret.grantRead(role);
    if (fnName === name('scan')) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'SubmitScans',
          actions: ['sqs:SendMessage'],
          resources: [jobs.queue.queueArn],
        }),
      );
    }
  }

  const bastion = new Bastion(stack, 'Bastion', {
    vpc,
    subnets: network.subnets('Public'),
    instanceType: new ec2.InstanceType(config.bastionInstanceType),
    instanceName: name('bastion'),
    ...(context.options?.sshCidr ? { sshCidr: context.options.sshCidr } : {}),
  });
  database.allowFrom(workerTask, api.securityGroup, bastion);

  const observability = new Observability(stack, 'Observability', { topicName: name('alarms') });
  observability.alarm('DeadLetterQueueDepth', {
    metric: jobs.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
    threshold: 0,
    description: 'Scan jobs failed repeatedly and were dead-lettered: inspect the DLQ',
  });
  observability.alarm('OldestMessageAge', {
    metric: jobs.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) }),
    threshold: config.alarms.oldestMessageAgeSeconds,
    evaluationPeriods: 3,
    description: 'Scan jobs wait too long: workers are not keeping up or not starting',
  });
  const taskFailures = new events.Rule(stack, 'WorkerTaskFailures', {
    description: 'Worker tasks that failed to start or whose container exited on its own',
    eventPattern: {
      source: ['aws.ecs'],
      detailType: ['ECS Task State Change'],
      detail: {
        clusterArn: [cluster.cluster.clusterArn],
        group: [`service:${workerTask.service.serviceName}`],
        lastStatus: ['STOPPED'],
        stopCode: ['TaskFailedToStart', 'EssentialContainerExited'],
      },
    },
    targets: [new targets.SnsTopic(observability.topic)],
  });
  observability.alarm('WorkerTaskFailureAlarm', {
    metric: new cloudwatch.Metric({
      namespace: 'AWS/Events',
      metricName: 'TriggeredRules',
      dimensionsMap: { RuleName: taskFailures.ruleName },
      statistic: cloudwatch.Stats.SUM,
      period: Duration.minutes(5),
    }),
    threshold: 0,
    description: 'A worker task failed to start or its container exited',
  });
  for (const [fnName, fn] of Object.entries(api.functions)) {
    const short = fnName.slice(app.length + 1, -(env.length + 1));
    observability.alarm(`LambdaErrors-${short}`, {
      metric: fn.metricErrors({ period: Duration.minutes(5) }),
      threshold: 0,
      description: `The ${short} function returned errors`,
    });
    observability.alarm(`LambdaThrottles-${short}`, {
      metric: fn.metricThrottles({ period: Duration.minutes(5) }),
      threshold: 0,
      description: `The ${short} function was throttled`,
    });
  }
  observability.alarm('DatabaseCpu', {
    metric: database.instance.metricCPUUtilization({ period: Duration.minutes(5) }),
    threshold: config.alarms.rdsCpuPercent,
    evaluationPeriods: 3,
    description: 'Database CPU is high',
  });
  observability.alarm('DatabaseFreeStorage', {
    metric: database.instance.metricFreeStorageSpace({ period: Duration.minutes(5) }),
    threshold: config.alarms.rdsFreeStorageBytes,
    comparison: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    description: 'Database free storage is low',
  });
  recordDifferences(stack, config.differences);
  return stack;
}

/** Grants object actions on a bucket's objects and, when `list`, listing the bucket. */
function grantObjects(role: iam.IRole, bucket: s3.IBucket, actions: readonly string[], list: boolean): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: [...actions], resources: [bucket.arnForObjects('*')] }),
  );
  const objects = bucket.node.defaultChild
    ? `${nagRef(bucket, 'Arn')}/*`
    : `arn:<AWS::Partition>:s3:::${bucket.bucketName}/*`;
  acknowledge(role, {
    [`AwsSolutions-IAM5[Resource::${objects}]`]:
      'Object keys are chosen at run time; access stays within one bucket.',
  });
  if (list) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
    );
  }
}

/** Profile `data-scanner`: API Gateway + Lambda, SQS with DLQ, Fargate workers 0..max on queue depth, RDS, S3, bastion. */
export const dataScanner: Profile = {
  id: 'data-scanner',
  seed: '000_742896974df8c81f.txt',
  description:
    'API Gateway + Lambda (scan, jobs, results), SQS + DLQ, Fargate worker 0..5 on queue depth, RDS, S3, bastion',
  defaultAppName: 'aws-data-scanner',
  create: (scope, context) => [createStack(scope, context)],
};
