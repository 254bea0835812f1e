import type * as rds from 'aws-cdk-lib/aws-rds';
import type { SubnetTier } from '../constructs/network.ts';

/** A seed's VPC: CIDR, subnet tiers and NAT gateways. */
export interface NetworkConfig {
  readonly vpcCidr: string;
  readonly tiers: readonly SubnetTier[];
  readonly natGateways: number;
}

/** A seed's PostgreSQL instance; what it leaves out takes {@link PostgresDatabase}'s defaults. */
export interface DatabaseConfig {
  readonly instanceType: string;
  readonly engineVersion?: rds.PostgresEngineVersion;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly backupWindow?: string;
  readonly allocatedStorageGiB?: number;
  readonly maxAllocatedStorageGiB?: number;
  readonly deletionProtection?: boolean;
  readonly performanceInsights?: boolean;
  readonly logExports?: readonly string[];
}

/** A seed's Redis replication group; what it leaves out takes {@link Cache}'s defaults. */
export interface CacheConfig {
  readonly engineVersion: string;
  readonly nodeType: string;
  readonly replicas: number;
  readonly automaticFailover?: boolean;
  readonly multiAz?: boolean;
  readonly snapshotRetentionDays?: number;
}
