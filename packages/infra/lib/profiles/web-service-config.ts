import * as logs from 'aws-cdk-lib/aws-logs';
import type { ServiceRole } from '../constructs/application-service.ts';
import type { SubnetTier } from '../constructs/network.ts';
import type { EnvName } from './profile.ts';
import type { SeedDifference } from './seed-differences.ts';
import type { ServiceThresholds } from './service-alarms.ts';

/** The `web-service` seed (001_2349f6adb7591eff.txt) as numbers; prod adds the seed's production choices. */
export interface WebServiceConfig {
  readonly vpcCidr: string;
  readonly tiers: readonly SubnetTier[];
  readonly natGateways: number;
  readonly port: number;
  /** `data-scanner serve --role ...`: the one service runs every role. */
  readonly roles: readonly ServiceRole[];
  readonly healthCheck: {
    readonly path: string;
    readonly intervalSeconds: number;
    readonly timeoutSeconds: number;
    readonly healthy: number;
    readonly unhealthy: number;
  };
  readonly service: {
    readonly cpu: number;
    readonly memoryMiB: number;
    readonly desiredCount: number;
    readonly minHealthyPercent: number;
    readonly maxHealthyPercent: number;
    readonly minTasks: number;
    readonly maxTasks: number;
    readonly cpuTargetPercent: number;
    readonly memoryTargetPercent: number;
    readonly scaleOutCooldownSeconds: number;
    readonly scaleInCooldownSeconds: number;
  };
  readonly database: {
    readonly instanceType: string;
    readonly allocatedStorageGiB: number;
    readonly maxAllocatedStorageGiB: number;
    readonly multiAz: boolean;
    readonly backupRetentionDays: number;
    readonly performanceInsights: boolean;
    readonly deletionProtection: boolean;
    readonly logExports: readonly string[];
  };
  readonly logRetention: logs.RetentionDays;
  readonly keepTaggedImages: number;
  readonly alarms: ServiceThresholds & {
    readonly unhealthyTargets: number;
    readonly alb5xxCount: number;
    /** Open connections near `max_connections` of the instance class (about 112 on 1 GiB, 225 on 2 GiB). */
    readonly rdsConnections: number;
  };
  readonly differences: readonly SeedDifference[];
}

const SEED: WebServiceConfig = {
  vpcCidr: '10.0.0.0/16',
  tiers: [
    { name: 'Public', kind: 'public', cidrs: ['10.0.1.0/24', '10.0.2.0/24'] },
    { name: 'Private', kind: 'private', cidrs: ['10.0.11.0/24', '10.0.12.0/24'] },
  ],
  natGateways: 1,
  port: 8000,
  roles: ['all'],
  healthCheck: { path: '/healthz', intervalSeconds: 30, timeoutSeconds: 5, healthy: 2, unhealthy: 3 },
  service: {
    cpu: 512,
    memoryMiB: 1024,
    desiredCount: 2,
    minHealthyPercent: 100,
    maxHealthyPercent: 200,
    minTasks: 2,
    maxTasks: 6,
    cpuTargetPercent: 70,
    memoryTargetPercent: 80,
    scaleOutCooldownSeconds: 60,
    scaleInCooldownSeconds: 300,
  },
  database: {
    instanceType: 't3.micro',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 100,
    multiAz: false,
    backupRetentionDays: 7,
    performanceInsights: false,
    deletionProtection: false,
    logExports: ['postgresql', 'upgrade'],
  },
  logRetention: logs.RetentionDays.ONE_WEEK,
  keepTaggedImages: 10,
  alarms: {
    serviceCpuPercent: 80,
    serviceMemoryPercent: 90,
    unhealthyTargets: 0,
    alb5xxCount: 10,
    rdsConnections: 90,
  },
  differences: [
    {
      topic: 'PostgreSQL version',
      seed: 'PostgreSQL 15.4',
      deployed: 'PostgreSQL 15.17, the current 15 minor, with minor-version upgrades on',
      reason: 'RDS has retired 15.4 for new instances',
    },
    {
      topic: 'NAT gateways',
      seed: 'A NAT gateway drawn in each public subnet; the cost table counts one',
      deployed: 'One NAT gateway in dev and staging, one per AZ in prod',
      reason: "The seed's cost table for the light environments, its diagram for production",
    },
    {
      topic: 'Secrets',
      seed: 'Database credentials (username, password) in Secrets Manager; environment variables from Secrets Manager',
      deployed:
        'A generated password (<app>/<env>/database-credentials), a DATABASE_URL secret built from it at deploy time, and the finding-fingerprint key; ECS injects DATABASE_URL and FINGERPRINT_KEY, all other settings are plain environment variables',
      reason: 'Only secrets belong in Secrets Manager; the rest stays visible in the task definition',
    },
    {
      topic: 'Encryption',
      seed: 'RDS AES-256; Secrets Manager with AWS KMS',
      deployed:
        'RDS storage encrypted with the AWS managed KMS key (AES-256), TLS required (rds.force_ssl); secrets with the AWS managed key; the reports bucket SSE-S3 with a TLS-only policy',
      reason: 'Encryption at rest and in transit everywhere',
    },
    {
      topic: 'Roles and reports',
      seed: 'One FastAPI service',
      deployed:
        'One service running `serve --role all` (API, worker, scheduler, notifier in every task) and a reports bucket <app>-<env>-reports-<account> (versioned, TLS only, private) read and written under reports/; notifications by webhook, email only when -c sesFromAddress is given, no SMS',
      reason:
        'Recurring scans, notifications and PDF reports need those roles and a store that outlives the tasks',
    },
    {
      topic: 'Infrastructure as code',
      seed: 'CloudFormation or Terraform',
      deployed: 'AWS CDK (TypeScript), deployed through CloudFormation',
      reason: 'All Data Scanner profiles share one construct library',
    },
  ],
};

/** The configuration of an environment: dev and staging are the seed, prod its production column. */
export function webServiceConfig(env: EnvName): WebServiceConfig {
  if (env !== 'prod') return SEED;
  return {
    ...SEED,
    natGateways: 2,
    database: {
      ...SEED.database,
      instanceType: 't3.small',
      multiAz: true,
      performanceInsights: true,
      deletionProtection: true,
    },
    logRetention: logs.RetentionDays.ONE_MONTH,
    alarms: { ...SEED.alarms, rdsConnections: 180 },
  };
}
