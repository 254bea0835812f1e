import { Fn, type Stack, Token } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Network } from '../constructs/network.ts';
import { SingleAzNetwork } from '../constructs/single-az-network.ts';
import type { AstroConfig } from './astro-config.ts';
import type { ProfileContext } from './profile.ts';

/**
 * The deployment's AZs: `-c availabilityZones=a,b[,c]`, else looked up: the first zones of the stack's
 * region (from the CDK context lookup when the account and region are known, else `Fn::GetAZs` at
 * deploy time), so the profile deploys in any region.
 */
function availabilityZones(stack: Stack, count: number, option: string | undefined): string[] {
  if (option) {
    const zones = option.split(',').map((z) => z.trim());
    if (zones.length !== count)
      throw new Error(`option availabilityZones lists ${zones.length} zones; astro needs ${count}`);
    return zones;
  }
  if (!Token.isUnresolved(stack.region) && stack.availabilityZones.length >= count) {
    return stack.availabilityZones.slice(0, count);
  }
  return Array.from({ length: count }, (_, i) => Fn.select(i, Fn.getAzs()));
}

/** Where the profile puts its tiers. */
export interface Placement {
  readonly vpc: ec2.Vpc;
  readonly publicSubnets: ec2.SubnetSelection;
  readonly privateSubnets: ec2.SubnetSelection;
  readonly databaseSubnets: ec2.SubnetSelection;
  readonly cacheSubnets: ec2.SubnetSelection;
  /** Where single-AZ resources are pinned (dev). */
  readonly workloadAz?: string;
}

/** The dev single-AZ network or the prod multi-AZ one, per the config. */
export function createNetwork(stack: Stack, config: AstroConfig, zonesOption: string | undefined): Placement {
  if (config.singleAz) {
    const zones = availabilityZones(stack, 2, zonesOption) as [string, string];
    const net = new SingleAzNetwork(stack, 'Network', {
      cidr: config.vpcCidr,
      cidrs: config.singleAz,
      availabilityZones: zones,
    });
    return {
      vpc: net.vpc,
      publicSubnets: net.publicSubnets,
      privateSubnets: net.privateSubnets,
      databaseSubnets: net.databaseSubnets,
      cacheSubnets: net.workloadDatabaseSubnet,
      workloadAz: zones[0],
    };
  }
  const m = config.multiAz;
  if (!m) throw new Error('AstroConfig needs singleAz or multiAz');
  const net = new Network(stack, 'Network', {
    cidr: config.vpcCidr,
    tiers: [
      { name: 'Public', kind: 'public', cidrs: m.public },
      { name: 'Private', kind: 'private', cidrs: m.private },
      { name: 'Database', kind: 'isolated', cidrs: m.database },
    ],
    natGateways: m.public.length,
    availabilityZones: availabilityZones(stack, m.public.length, zonesOption),
  });
  return {
    vpc: net.vpc,
    publicSubnets: net.subnets('Public'),
    privateSubnets: net.subnets('Private'),
    databaseSubnets: net.subnets('Database'),
    cacheSubnets: net.subnets('Database'),
  };
}

/** A custom domain: `domainName` for the SPA, `api.<zone>` for the ALB. */
export interface AstroDomain {
  readonly domainName: string;
  readonly apiDomainName: string;
  readonly zone: route53.IHostedZone;
}

/** The custom domain from `-c domainName= -c hostedZoneId= -c hostedZoneName=`, if any. */
export function domainFrom(stack: Stack, options: ProfileContext['options']): AstroDomain | undefined {
  const domainName = options?.domainName;
  const hostedZoneId = options?.hostedZoneId;
  const zoneName = options?.hostedZoneName;
  if (!domainName && !hostedZoneId && !zoneName) return undefined;
  if (!domainName || !hostedZoneId || !zoneName) {
    throw new Error('astro: a custom domain needs domainName, hostedZoneId and hostedZoneName together');
  }
  return {
    domainName,
    apiDomainName: options?.apiDomainName ?? `api.${zoneName}`,
    zone: route53.HostedZone.fromHostedZoneAttributes(stack, 'HostedZone', { hostedZoneId, zoneName }),
  };
}
