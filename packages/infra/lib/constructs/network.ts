import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ExplicitSubnetCidrs } from './explicit-subnet-cidrs.ts';

/** The three kinds of subnet a tier can be. */
export type SubnetTierKind = 'public' | 'private' | 'isolated';

/** One tier of subnets: one subnet per availability zone, each with its own CIDR. */
export interface SubnetTier {
  /** Tier name, used in construct ids and the `aws-cdk:subnet-name` tag (e.g. `Public`, `App`, `Database`). */
  readonly name: string;
  /** `public` routes to the internet gateway, `private` through NAT, `isolated` has no internet route. */
  readonly kind: SubnetTierKind;
  /** One CIDR per availability zone, in AZ order (e.g. `['10.0.1.0/24', '10.0.2.0/24']`). */
  readonly cidrs: readonly string[];
}

export interface NetworkProps {
  /**
   * VPC CIDR block.
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * Subnet tiers with explicit CIDRs; every tier must list the same number of CIDRs (one per AZ).
   * @default - public 10.0.1.0/24, 10.0.2.0/24 and private 10.0.10.0/24, 10.0.11.0/24
   */
  readonly tiers?: readonly SubnetTier[];
  /**
   * Number of NAT gateways (placed in the public tier, one per AZ from the first).
   * @default 1
   */
  readonly natGateways?: number;
  /**
   * Explicit availability zone names; when omitted the VPC uses the region's first AZs.
   * @default - the first N AZs of the stack's region, N being the number of CIDRs per tier
   */
  readonly availabilityZones?: readonly string[];
  /**
   * Add an S3 gateway endpoint so S3 traffic from private subnets bypasses the NAT gateway.
   * @default true
   */
  readonly s3GatewayEndpoint?: boolean;
  /**
   * Retention of the VPC flow log (all traffic, to CloudWatch Logs).
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly flowLogRetention?: logs.RetentionDays;
  /**
   * Removal policy of the flow log group.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Default tiers: the `data-scanner` seed's public and private subnets. */
export const DEFAULT_TIERS: readonly SubnetTier[] = [
  { name: 'Public', kind: 'public', cidrs: ['10.0.1.0/24', '10.0.2.0/24'] },
  { name: 'Private', kind: 'private', cidrs: ['10.0.10.0/24', '10.0.11.0/24'] },
];

const SUBNET_TYPE: Record<SubnetTierKind, ec2.SubnetType> = {
  public: ec2.SubnetType.PUBLIC,
  private: ec2.SubnetType.PRIVATE_WITH_EGRESS,
  isolated: ec2.SubnetType.PRIVATE_ISOLATED,
};

/**
 * A VPC with named subnet tiers at explicit CIDRs, DNS support and hostnames on, a configurable
 * number of NAT gateways, an optional S3 gateway endpoint and a flow log.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;
  readonly tiers: readonly SubnetTier[];
  readonly azCount: number;

  constructor(scope: Construct, id: string, props: NetworkProps = {}) {
    super(scope, id);
    const cidr = props.cidr ?? '10.0.0.0/16';
    const tiers = props.tiers ?? DEFAULT_TIERS;
    const natGateways = props.natGateways ?? 1;
    const azCount = tiers[0]?.cidrs.length ?? 0;
    validate(cidr, tiers, natGateways, props.availabilityZones);
    this.tiers = tiers;
    this.azCount = azCount;

    const flowLogGroup = new logs.LogGroup(this, 'FlowLogs', {
      retention: props.flowLogRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    const hasPublic = tiers.some((t) => t.kind === 'public');
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: new ExplicitSubnetCidrs(cidr, Object.fromEntries(tiers.map((t) => [t.name, t.cidrs]))),
      ...(props.availabilityZones
        ? { availabilityZones: [...props.availabilityZones] }
        : { maxAzs: azCount }),
      enableDnsSupport: true,
      enableDnsHostnames: true,
      natGateways: hasPublic && tiers.some((t) => t.kind === 'private') ? natGateways : 0,
      subnetConfiguration: tiers.map((t) => ({
        name: t.name,
        subnetType: SUBNET_TYPE[t.kind],
        cidrMask: 24,
      })),
      restrictDefaultSecurityGroup: true,
      flowLogs: {
        all: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
    });
    if (props.s3GatewayEndpoint ?? true) {
      this.vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    }
  }

  /** The subnets of a tier, by name. */
  subnets(tierName: string): ec2.SubnetSelection {
    if (!this.tiers.some((t) => t.name === tierName)) {
      throw new Error(
        `Network has no subnet tier "${tierName}"; tiers are ${this.tiers.map((t) => t.name).join(', ')}`,
      );
    }
    return { subnetGroupName: tierName };
  }
}

function validate(
  cidr: string,
  tiers: readonly SubnetTier[],
  natGateways: number,
  availabilityZones: readonly string[] | undefined,
): void {
  const problems: string[] = [];
  const azCount = tiers[0]?.cidrs.length ?? 0;
  if (tiers.length === 0) problems.push('tiers is empty: give at least one subnet tier');
  if (azCount < 1) problems.push('each tier needs at least one CIDR (one per availability zone)');
  for (const t of tiers) {
    if (t.cidrs.length !== azCount) {
      problems.push(
        `tier "${t.name}" lists ${t.cidrs.length} CIDRs but the first tier lists ${azCount}: give one per AZ`,
      );
    }
  }
  const names = tiers.map((t) => t.name);
  if (new Set(names).size !== names.length)
    problems.push(`tier names must be unique, got ${names.join(', ')}`);
  if (!Number.isInteger(natGateways) || natGateways < 0 || natGateways > azCount) {
    problems.push(`natGateways is ${natGateways}: use an integer from 0 to the AZ count (${azCount})`);
  }
  if (availabilityZones && availabilityZones.length !== azCount) {
    problems.push(
      `availabilityZones lists ${availabilityZones.length} zones but tiers have ${azCount} CIDRs each`,
    );
  }
  problems.push(
    ...ExplicitSubnetCidrs.problems(
      cidr,
      tiers.flatMap((t) => t.cidrs),
    ),
  );
  if (problems.length > 0) throw new Error(`Invalid Network props:\n- ${problems.join('\n- ')}`);
}
