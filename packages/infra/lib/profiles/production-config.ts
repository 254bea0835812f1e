import * as logs from 'aws-cdk-lib/aws-logs';
import type { SubnetTier } from '../constructs/network.ts';
import type { SeedDifference } from './seed-differences.ts';
import type { AlarmThresholds } from './service-alarms.ts';

/** The four Data Scanner roles of seed 003. */
export type ProductionRole = 'api' | 'worker' | 'scheduler' | 'notifier';

/** One ECS service of seed 003. */
export interface ProductionService {
  readonly desiredCount: number;
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly port: number;
  readonly healthCheckPath: string;
  /** Whether the ALB routes to it (only the API in the seed). */
  readonly behindLoadBalancer: boolean;
  /** Whether it reads and writes the scan reports (the API renders on download, the notifier on finish). */
  readonly reports: boolean;
  /** Whether it sends the notifications (email through SES). */
  readonly sendsNotifications: boolean;
}

/** Seed 003 (003_46b6f8a557cf1b43.txt) as numbers. */
export interface ProductionConfig {
  readonly vpcCidr: string;
  readonly tiers: readonly SubnetTier[];
  readonly natGateways: number;
  /** The port range the ECS security group admits from the ALB (the services' ports). */
  readonly servicePorts: { readonly from: number; readonly to: number };
  readonly services: Readonly<Record<ProductionRole, ProductionService>>;
  readonly database: {
    readonly port: number;
    readonly instanceType: string;
    readonly multiAz: boolean;
    readonly backupRetentionDays: number;
    readonly backupWindow: string;
    readonly allocatedStorageGiB: number;
    readonly maxAllocatedStorageGiB: number;
    readonly deletionProtection: boolean;
    readonly performanceInsights: boolean;
  };
  readonly redis: { readonly engineVersion: string; readonly nodeType: string; readonly replicas: number };
  readonly keepImages: number;
  readonly logRetention: logs.RetentionDays;
  readonly alarms: AlarmThresholds;
  readonly differences: readonly SeedDifference[];
}

const service = (desiredCount: number, cpu: number, memoryMiB: number, port: number): ProductionService => ({
  desiredCount,
  cpu,
  memoryMiB,
  port,
  healthCheckPath: '/health',
  behindLoadBalancer: false,
  reports: false,
  sendsNotifications: false,
});

/** The numbers of seed 003; where it is silent (storage, retention, thresholds) production defaults. */
export const PRODUCTION_CONFIG: ProductionConfig = {
  vpcCidr: '10.0.0.0/16',
  tiers: [
    { name: 'Public', kind: 'public', cidrs: ['10.0.1.0/24', '10.0.2.0/24'] },
    { name: 'Private', kind: 'private', cidrs: ['10.0.10.0/24', '10.0.20.0/24'] },
    { name: 'Database', kind: 'isolated', cidrs: ['10.0.100.0/24', '10.0.110.0/24'] },
  ],
  natGateways: 2,
  servicePorts: { from: 4000, to: 4003 },
  services: {
    api: { ...service(2, 512, 1024, 4000), behindLoadBalancer: true, reports: true },
    worker: service(5, 256, 512, 4001),
    scheduler: service(1, 256, 512, 4002),
    notifier: { ...service(2, 256, 512, 4003), reports: true, sendsNotifications: true },
  },
  database: {
    port: 5432,
    instanceType: 't3.medium',
    multiAz: true,
    backupRetentionDays: 30,
    backupWindow: '03:00-04:00',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 100,
    deletionProtection: true,
    performanceInsights: true,
  },
  redis: { engineVersion: '7.1', nodeType: 'cache.t3.micro', replicas: 0 },
  keepImages: 10,
  logRetention: logs.RetentionDays.ONE_MONTH,
  alarms: {
    serviceCpuPercent: 80,
    serviceMemoryPercent: 80,
    alb5xxCount: 10,
    rdsCpuPercent: 75,
    redisCpuPercent: 75,
  },
  differences: [
    {
      topic: 'Redis replication',
      seed: 'ElastiCache Redis drawn in both database subnets, replication marked "(future)"',
      deployed: 'One cache.t3.micro node (no replica) in the database subnet group that spans both AZs',
      reason: 'The seed prices a single cache.t3.micro; set redis.replicas to 1 for a Multi-AZ replica',
    },
    {
      topic: 'Service ports and health checks',
      seed: 'Worker, Scheduler and Notifier listen on 4001-4003 with /health checks',
      deployed:
        'Each listens on its port (PORT) with a container health check on /health; only the API is behind the ALB',
      reason:
        'The seed routes traffic only to the API; the ECS group still admits 4000-4003 from the ALB group as drawn',
    },
    {
      topic: 'Unstated values',
      seed: 'No storage size, log retention or alarm thresholds',
      deployed: 'gp3 20 GB growing to 100 GB, 30-day logs, CPU/memory > 80 %, 5XX > 10, RDS/Redis CPU > 75 %',
      reason: 'The thresholds of the sibling seed 002; retention matches the 30-day backups',
    },
    {
      topic: 'Scan reports and notifications',
      seed: 'A Notifier service; no bucket and no email or SMS service named',
      deployed:
        'A reports bucket <app>-prod-reports-<account> (AES-256, versioned, TLS only, private) that the API and the Notifier read and write under reports/; the Notifier alone may send SES email, from the sesFromAddress identity only; no SMS',
      reason:
        'The API renders a missing report on download and the notifier renders it when a job finishes; SES is what sends the email, and the seed asks for no SMS',
    },
  ],
};
