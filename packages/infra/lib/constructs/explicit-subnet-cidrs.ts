import type * as ec2 from 'aws-cdk-lib/aws-ec2';

/** A parsed IPv4 CIDR block as a half-open integer range. */
interface Range {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function parseCidr(text: string): Range | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) return undefined;
  return { text, start: address, end: address + size };
}

/**
 * Gives every subnet of a VPC the CIDR its tier lists for its AZ, instead of carving CIDRs by
 * mask. Subnets are requested tier by tier in AZ order; the n-th request of a tier gets its n-th CIDR.
 */
export class ExplicitSubnetCidrs implements ec2.IIpAddresses {
  /** Everything wrong with a VPC CIDR and its subnet CIDRs (format, containment, overlap). */
  static problems(vpcCidr: string, subnetCidrs: readonly string[]): string[] {
    const problems: string[] = [];
    const vpc = parseCidr(vpcCidr);
    if (!vpc) problems.push(`VPC CIDR "${vpcCidr}" is not an aligned IPv4 CIDR such as 10.0.0.0/16`);
    const ranges: Range[] = [];
    for (const text of subnetCidrs) {
      const range = parseCidr(text);
      if (!range) {
        problems.push(`subnet CIDR "${text}" is not an aligned IPv4 CIDR such as 10.0.1.0/24`);
        continue;
      }
      if (vpc && (range.start < vpc.start || range.end > vpc.end)) {
        problems.push(`subnet CIDR ${text} lies outside the VPC CIDR ${vpcCidr}`);
      }
      const clash = ranges.find((r) => range.start < r.end && r.start < range.end);
      if (clash) problems.push(`subnet CIDR ${text} overlaps ${clash.text}`);
      ranges.push(range);
    }
    return problems;
  }

  constructor(
    private readonly vpcCidr: string,
    private readonly cidrsByTier: Readonly<Record<string, readonly string[]>>,
  ) {}

  allocateVpcCidr(): ec2.VpcIpamOptions {
    return { cidrBlock: this.vpcCidr };
  }

  allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    const used = new Map<string, number>();
    const allocatedSubnets = input.requestedSubnets.map((request) => {
      const tier = request.configuration.name;
      const index = used.get(tier) ?? 0;
      used.set(tier, index + 1);
      const cidr = this.cidrsByTier[tier]?.[index];
      if (!cidr) throw new Error(`No CIDR listed for subnet ${index + 1} of tier "${tier}"`);
      return { cidr };
    });
    return { allocatedSubnets };
  }
}
