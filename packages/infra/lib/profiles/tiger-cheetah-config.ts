import * as logs from 'aws-cdk-lib/aws-logs';
import type { ServiceRole } from '../constructs/application-service.ts';
import type { SubnetTier } from '../constructs/network.ts';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '../constructs/office-hours.ts';
import type { SeedDifference } from './seed-differences.ts';
import type { AlarmThresholds } from './service-alarms.ts';

/** The two environments of seed 002: each is a profile of its own, with its own VPC. */
export type TigerCheetahEnv = 'tiger' | 'cheetah';

/** Seed 002 (002_3a149d6e15966cab.txt) as numbers, for one of its two environments. */
export interface TigerCheetahConfig {
  readonly envName: TigerCheetahEnv;
  readonly vpcCidr: string;
  readonly tiers: readonly SubnetTier[];
  readonly natGateways: number;
  readonly port: number;
  readonly healthCheckPath: string;
  /** Path pattern CloudFront forwards to the ALB; the dashboard's `apiBaseUrl` is its prefix. */
  readonly apiPath: string;
  readonly api: {
    /** `data-scanner serve --role ...` of the API service. */
    readonly roles: readonly ServiceRole[];
    readonly cpu: number;
    readonly memoryMiB: number;
    readonly desiredCount: number;
    readonly minTasks: number;
    readonly maxTasks: number;
    readonly cpuTargetPercent: number;
    readonly scaleOutCooldownSeconds: number;
    readonly scaleInCooldownSeconds: number;
  };
  readonly worker: {
    /**
     * `data-scanner serve --role ...` of the worker service: the worker, scheduler and notifier roles,
     * passed as one comma-separated value. It runs no API role and has no port (the ALB targets only
     * the API service).
     */
    readonly roles: readonly ServiceRole[];
    readonly cpu: number;
    readonly memoryMiB: number;
    readonly desiredCount: number;
  };
  /** A CloudTrail trail into the logs bucket (`-c cloudTrail=true|false` overrides). */
  readonly cloudTrail: boolean;
  /**
   * The seed's internal domain: a Route 53 private hosted zone in the VPC with `api.<zone>` naming the ALB.
   * @default - none
   */
  readonly internalZoneName?: string;
  /** Nights and weekends scale-down (the seed's cost advice for the dev environment). */
  readonly officeHours?: OfficeHours;
  readonly database: {
    readonly port: number;
    readonly instanceType: string;
    readonly multiAz: boolean;
    readonly allocatedStorageGiB: number;
    readonly maxAllocatedStorageGiB: number;
    readonly backupRetentionDays: number;
    readonly backupWindow: string;
  };
  readonly redis: {
    readonly engineVersion: string;
    readonly nodeType: string;
    readonly replicas: number;
    readonly automaticFailover: boolean;
    readonly multiAz: boolean;
    readonly snapshotRetentionDays: number;
  };
  readonly logsBucket: { readonly infrequentAccessAfterDays: number; readonly expireAfterDays: number };
  readonly keepImages: number;
  readonly logRetention: logs.RetentionDays;
  /** `basic`: API CPU, API memory and ALB 5XX; `full` adds the worker, RDS CPU and Redis CPU. */
  readonly alarmSet: 'basic' | 'full';
  readonly alarms: AlarmThresholds;
  readonly differences: readonly SeedDifference[];
}

const ALARMS: AlarmThresholds = {
  serviceCpuPercent: 80,
  serviceMemoryPercent: 80,
  alb5xxCount: 10,
  rdsCpuPercent: 75,
  redisCpuPercent: 75,
};

const COMMON_DIFFERENCES: readonly SeedDifference[] = [
  {
    topic: 'AWS credentials secret',
    seed: 'Secrets Manager holds `{env}/fastapi/aws-credentials` for the application to call SES, SNS and S3',
    deployed:
      'No such secret: the ECS task roles grant what the application calls (SES send and SNS publish for the worker service, which runs the notifier; the reports prefix for both)',
    reason:
      'Long-lived access keys in a secret can leak and never rotate; the task role hands out short-lived credentials',
  },
  {
    topic: 'Infrastructure as code',
    seed: 'Terraform',
    deployed: 'AWS CDK (TypeScript), deployed through CloudFormation',
    reason: 'All Data Scanner profiles share one construct library',
  },
  {
    topic: 'S3 gateway endpoint',
    seed: 'Not mentioned',
    deployed: 'An S3 gateway endpoint in the VPC',
    reason: 'S3 traffic from the tasks stays off the NAT gateways (no NAT data charge)',
  },
  {
    topic: 'CloudFront',
    seed: 'A distribution in front of the static assets bucket',
    deployed:
      'The distribution serves the dashboard (built packages/web/dist and a config.json with apiBaseUrl /api, uploaded and invalidated on every deploy) and forwards /api/* unchanged to the ALB, where the API accepts the /api prefix; the ALB still answers at its own name',
    reason:
      'The dashboard calls the API on its own origin: no CORS, and no HTTP API call from an HTTPS page when the ALB has no certificate',
  },
  {
    topic: 'Scan reports',
    seed: 'Logs and static assets buckets only; the task role may write to them',
    deployed:
      'A reports bucket {env}-fastapi-reports-{account} (AES-256, versioned, TLS only, private); the task roles read and write only its reports/ prefix and no longer write to the logs or assets buckets',
    reason:
      'CloudFront serves every object of the assets bucket to anyone, and the logs bucket deletes objects after 90 days',
  },
  {
    topic: 'Roles of the services',
    seed: 'A FastAPI app and a Celery worker; the task role sends SES email and SNS SMS',
    deployed:
      'The API service runs `serve --role api`; the worker service runs `serve --role worker,scheduler,notifier` (no API role and no port), and only its role may send SES email (to the configured identity) and SNS SMS',
    reason:
      'Notifications are sent by the notifier role, which the worker service runs beside the worker and scheduler roles (the CLI takes a comma-separated list)',
  },
  {
    topic: 'RDS encryption key',
    seed: 'Encryption: Enabled (KMS)',
    deployed: 'Storage encrypted with the AWS managed key alias/aws/rds, named in the template',
    reason: 'The seed names KMS but no customer-managed key',
  },
];

function tiers(second: number): SubnetTier[] {
  const net = (third: number) => `10.${second}.${third}.0/24`;
  return [
    { name: 'Public', kind: 'public', cidrs: [net(1), net(2)] },
    { name: 'App', kind: 'private', cidrs: [net(10), net(11)] },
    { name: 'Database', kind: 'isolated', cidrs: [net(20), net(21)] },
  ];
}

/** `tiger`: the dev environment of seed 002. */
export const TIGER_CONFIG: TigerCheetahConfig = {
  envName: 'tiger',
  vpcCidr: '10.0.0.0/16',
  tiers: tiers(0),
  natGateways: 2,
  port: 8000,
  healthCheckPath: '/health',
  apiPath: '/api/*',
  api: {
    roles: ['api'],
    cpu: 512,
    memoryMiB: 1024,
    desiredCount: 1,
    minTasks: 1,
    maxTasks: 4,
    cpuTargetPercent: 70,
    scaleOutCooldownSeconds: 60,
    scaleInCooldownSeconds: 300,
  },
  worker: { roles: ['worker', 'scheduler', 'notifier'], cpu: 256, memoryMiB: 512, desiredCount: 1 },
  officeHours: DEFAULT_OFFICE_HOURS,
  internalZoneName: 'tiger.internal',
  cloudTrail: false,
  database: {
    port: 5432,
    instanceType: 't3.micro',
    multiAz: false,
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 100,
    backupRetentionDays: 7,
    backupWindow: '03:00-04:00',
  },
  redis: {
    engineVersion: '7.1',
    nodeType: 'cache.t3.micro',
    replicas: 0,
    automaticFailover: false,
    multiAz: false,
    snapshotRetentionDays: 1,
  },
  logsBucket: { infrequentAccessAfterDays: 30, expireAfterDays: 90 },
  keepImages: 10,
  logRetention: logs.RetentionDays.ONE_WEEK,
  alarmSet: 'basic',
  alarms: ALARMS,
  differences: [
    ...COMMON_DIFFERENCES,
    {
      topic: 'TLS certificate',
      seed: 'Self-signed certificate, domain tiger.internal',
      deployed:
        'An ACM certificate ARN given at deploy time (-c certificateArn=...); without one the ALB serves HTTP only and synthesis warns',
      reason:
        'An ALB listener accepts only ACM or IAM certificates; a self-signed one would have to be imported first',
    },
    {
      topic: 'Scheduled scaling',
      seed: 'Cost advice: scale Tiger down at nights and weekends',
      deployed:
        'API and worker scale to 0 tasks at 20:00 UTC and back at 07:00 UTC, Monday to Friday; the scheduler and notifier in the worker service stop with it, and a schedule tick missed meanwhile fires once at 07:00',
      reason: 'The advice needs concrete hours; they are in the typed config (officeHours)',
    },
  ],
};

/** `cheetah`: the staging environment of seed 002. */
export const CHEETAH_CONFIG: TigerCheetahConfig = {
  ...TIGER_CONFIG,
  envName: 'cheetah',
  vpcCidr: '10.1.0.0/16',
  tiers: tiers(1),
  api: { ...TIGER_CONFIG.api, desiredCount: 2, minTasks: 2, maxTasks: 6 },
  officeHours: undefined,
  cloudTrail: true,
  database: {
    ...TIGER_CONFIG.database,
    instanceType: 't3.small',
    multiAz: true,
    allocatedStorageGiB: 50,
    backupRetentionDays: 14,
  },
  redis: {
    ...TIGER_CONFIG.redis,
    nodeType: 'cache.t3.small',
    replicas: 1,
    automaticFailover: true,
    multiAz: true,
  },
  logRetention: logs.RetentionDays.TWO_WEEKS,
  alarmSet: 'full',
  differences: COMMON_DIFFERENCES,
};

/** Resource names of seed 002 (`{env}-fastapi-logs-{account}`, `/ecs/{env}-fastapi-app`, `{env}/fastapi/...`). */
export function tigerCheetahNames(env: TigerCheetahEnv, app: string, account: string) {
  return {
    stack: `${env}-${app}`,
    logsBucket: `${env}-${app}-logs-${account}`,
    assetsBucket: `${env}-${app}-assets-${account}`,
    reportsBucket: `${env}-${app}-reports-${account}`,
    repository: `${env}-${app}-app`,
    api: `${env}-${app}-app`,
    worker: `${env}-celery-worker`,
    secret: (name: string) => `${env}/${app}/${name}`,
    resource: (suffix: string) => `${env}-${app}-${suffix}`,
  };
}
