import * as logs from 'aws-cdk-lib/aws-logs';
import type { SubnetTier } from '../constructs/network.ts';
import type { EnvName } from './profile.ts';
import type { SeedDifference } from './seed-differences.ts';

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
  /** The optional scheduler and notifier task (`-c scheduler=true`; the seed names none). */
  readonly scheduler: { readonly cpu: number; readonly memoryMiB: number };
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
  scheduler: { cpu: 256, memoryMiB: 512 },
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
        "The seed's three functions keep /scan, /jobs/{job_id} and /results; a fourth function serves every other route of the API through ANY and {proxy+} resources. The Fargate worker runs `serve --role worker` only; schedules run and notifications go out only with -c scheduler=true, which adds one Fargate task of `serve --role scheduler,notifier` (256 CPU / 512 MB). No reports bucket: PDF reports need a profile that stores them",
      reason:
        'Users need the whole API (jobs listing, findings, exports); the seed names no scheduler, notifier or report store',
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
