import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import type { ServiceRole } from '../constructs/application-service.ts';
import type { SingleAzCidrs } from '../constructs/single-az-network.ts';
import type { EnvName } from './profile.ts';
import type { SeedDifference } from './seed-differences.ts';
import type { AlarmThresholds } from './service-alarms.ts';

/** Seed 004 (004_9ee20fdf2624985b.txt) as numbers, for its dev (single-AZ) or prod (multi-AZ) design. */
export interface AstroConfig {
  readonly vpcCidr: string;
  /** Dev: one workload AZ plus the minimum second-AZ subnets. */
  readonly singleAz?: SingleAzCidrs;
  /** Prod: one CIDR per AZ and tier, and a NAT gateway per AZ. */
  readonly multiAz?: { readonly public: string[]; readonly private: string[]; readonly database: string[] };
  readonly port: number;
  readonly healthCheckPath: string;
  readonly service: {
    /** `data-scanner serve --role ...`: the one service runs every role. */
    readonly roles: readonly ServiceRole[];
    readonly cpu: number;
    readonly memoryMiB: number;
    readonly desiredCount: number;
    readonly capacityProvider: 'FARGATE_SPOT' | 'FARGATE';
    readonly executeCommand: boolean;
  };
  readonly database: {
    readonly port: number;
    readonly engineVersion: rds.PostgresEngineVersion;
    readonly instanceType: string;
    readonly allocatedStorageGiB: number;
    readonly maxAllocatedStorageGiB: number;
    readonly backupRetentionDays: number;
    readonly multiAz: boolean;
    readonly deletionProtection: boolean;
  };
  readonly redis: {
    readonly engineVersion: string;
    readonly nodeType: string;
    readonly replicas: number;
    readonly snapshotRetentionDays: number;
  };
  readonly cdn: {
    readonly cacheTtl: Duration;
    readonly priceClass: 'PriceClass_100';
    readonly apiPath: string;
  };
  readonly keepImages: number;
  readonly logRetention: logs.RetentionDays;
  readonly alarms: AlarmThresholds;
  readonly differences: readonly SeedDifference[];
}

const SHARED_DIFFERENCES: readonly SeedDifference[] = [
  {
    topic: 'Infrastructure as code',
    seed: 'Terraform modules (bootstrap, vpc, rds, elasticache, ecs, s3, secrets, ecr, cloudfront, dns)',
    deployed:
      'One AWS CDK stack per environment; CloudFormation keeps the state (no state bucket or lock table)',
    reason: 'All Data Scanner profiles share one construct library',
  },
  {
    topic: 'CloudFront to the API',
    seed: '/api/* to the ALB; TLS terminated at the ALB',
    deployed:
      'With a domain and hosted zone, CloudFront reaches the ALB over HTTPS at api.<zone> (an ACM certificate and alias record); without them over HTTP to the ALB DNS name',
    reason: "No certificate can match the ALB's own AWS DNS name",
  },
  {
    topic: 'SPA deployment',
    seed: 'The SPA served from the S3 frontend bucket',
    deployed:
      'Every deploy uploads the built dashboard (packages/web/dist) and a config.json with apiBaseUrl /api, then invalidates /*; CloudFront forwards /api/* unchanged and the API accepts the /api prefix, so no CloudFront function rewrites it',
    reason:
      'The dashboard calls the API on its own origin; without a build, only config.json deploys and synthesis warns',
  },
  {
    topic: 'PDF bucket',
    seed: 'ECS reads and writes PDFs in the PDF bucket, KMS-encrypted',
    deployed:
      'The PDF bucket is the scan-report store (REPORTS_BUCKET, REPORTS_KMS_KEY_ID = the CMK); the task role reads and writes objects under reports/ only and uses the key for nothing else',
    reason: 'Least privilege: the reports are the only PDFs the service writes',
  },
  {
    topic: 'ECS Exec logging',
    seed: 'ECS Exec on; the task role may write logs',
    deployed:
      'Exec sessions log to /ecs/astro-<env>-api/exec; the task role writes log streams of that group only (logs:DescribeLogGroups and the SSM channels have no narrower resource)',
    reason:
      "Without a log group of its own, ECS Exec's default logging needs log-stream rights on every log group",
  },
  {
    topic: 'Roles and notifications',
    seed: 'One FastAPI service',
    deployed:
      'The service runs `serve --role all` (API, worker, scheduler, notifier); notifications by webhook, email only when -c sesFromAddress is given (SES send limited to that identity), no SMS',
    reason: 'The seed has no email or SMS service',
  },
];

/** Dev: the seed's single-AZ design. */
export const ASTRO_DEV_CONFIG: AstroConfig = {
  vpcCidr: '10.0.0.0/16',
  singleAz: {
    public: '10.0.1.0/24',
    private: '10.0.2.0/24',
    database: '10.0.3.0/24',
    secondAzPublic: '10.0.11.0/27',
    secondAzDatabase: '10.0.13.0/28',
  },
  port: 8000,
  healthCheckPath: '/health',
  service: {
    roles: ['all'],
    cpu: 256,
    memoryMiB: 512,
    desiredCount: 1,
    capacityProvider: 'FARGATE_SPOT',
    executeCommand: true,
  },
  database: {
    port: 5432,
    engineVersion: rds.PostgresEngineVersion.VER_16_13,
    instanceType: 't3.micro',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 100,
    backupRetentionDays: 7,
    multiAz: false,
    deletionProtection: false,
  },
  redis: { engineVersion: '7.1', nodeType: 'cache.t3.micro', replicas: 0, snapshotRetentionDays: 0 },
  cdn: { cacheTtl: Duration.hours(1), priceClass: 'PriceClass_100', apiPath: '/api/*' },
  keepImages: 10,
  logRetention: logs.RetentionDays.ONE_WEEK,
  alarms: {
    serviceCpuPercent: 80,
    serviceMemoryPercent: 80,
    alb5xxCount: 10,
    rdsCpuPercent: 75,
    redisCpuPercent: 75,
  },
  differences: [
    {
      topic: 'Second Availability Zone',
      seed: 'Public 10.0.1.0/24, private 10.0.2.0/24 and database 10.0.3.0/24 in a single AZ',
      deployed:
        'The same three subnets in the first AZ, plus public 10.0.11.0/27 and database 10.0.13.0/28 in a second AZ; every task, the database instance and the cache stay in the first AZ',
      reason:
        'AWS requires an ALB to have subnets in two AZs and an RDS DB subnet group to cover two AZs; /27 and /28 are the smallest subnets those accept',
    },
    ...SHARED_DIFFERENCES,
  ],
};

/** Prod: the seed's "Production Design (Multi-AZ)". */
export const ASTRO_PROD_CONFIG: AstroConfig = {
  ...ASTRO_DEV_CONFIG,
  singleAz: undefined,
  multiAz: {
    public: ['10.0.1.0/24', '10.0.11.0/24', '10.0.21.0/24'],
    private: ['10.0.2.0/24', '10.0.12.0/24', '10.0.22.0/24'],
    database: ['10.0.3.0/24', '10.0.13.0/24', '10.0.23.0/24'],
  },
  service: { ...ASTRO_DEV_CONFIG.service, desiredCount: 2 },
  database: { ...ASTRO_DEV_CONFIG.database, multiAz: true, deletionProtection: true },
  redis: { ...ASTRO_DEV_CONFIG.redis, replicas: 1 },
  cdn: { ...ASTRO_DEV_CONFIG.cdn, cacheTtl: Duration.hours(24) },
  logRetention: logs.RetentionDays.ONE_MONTH,
  differences: [
    {
      topic: 'Production CIDRs',
      seed: 'Production extends to 3 AZs but gives no CIDRs',
      deployed: 'AZ a keeps 10.0.1-3.0/24; AZ b uses 10.0.11-13.0/24 and AZ c 10.0.21-23.0/24',
      reason: 'Dev keeps the seed numbers and prod grows without renumbering',
    },
    ...SHARED_DIFFERENCES,
  ],
};

/** The configuration of an environment: prod is the seed's multi-AZ design, every other env its dev design. */
export function astroConfig(env: EnvName): AstroConfig {
  return env === 'prod' ? ASTRO_PROD_CONFIG : ASTRO_DEV_CONFIG;
}
