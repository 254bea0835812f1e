import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { type SingleAzCidrs, SingleAzNetwork } from '../../lib/constructs/single-az-network.ts';
import { checkedApp } from '../support/checked-app.ts';

const CIDRS: SingleAzCidrs = {
  public: '10.0.1.0/24',
  private: '10.0.2.0/24',
  database: '10.0.3.0/24',
  secondAzPublic: '10.0.11.0/27',
  secondAzDatabase: '10.0.13.0/28',
};

describe('SingleAzNetwork', () => {
  const stack = new Stack(checkedApp(), 'Net');
  const net = new SingleAzNetwork(stack, 'Net', {
    cidrs: CIDRS,
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
  });
  const template = Template.fromStack(stack);
  const subnets = Object.values(template.findResources('AWS::EC2::Subnet')).map((r) => r.Properties);

  it('places the three workload subnets in the first AZ and the two minimum subnets in the second', () => {
    expect(Object.fromEntries(subnets.map((s) => [s.CidrBlock, s.AvailabilityZone]))).toEqual({
      '10.0.1.0/24': 'eu-west-1a',
      '10.0.2.0/24': 'eu-west-1a',
      '10.0.3.0/24': 'eu-west-1a',
      '10.0.11.0/27': 'eu-west-1b',
      '10.0.13.0/28': 'eu-west-1b',
    });
    expect(net.availabilityZone).toBe('eu-west-1a');
  });

  it('routes the private subnet through the single NAT gateway in the first public subnet', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.hasResourceProperties('AWS::EC2::NatGateway', {
      SubnetId: { Ref: Match.stringLikeRegexp('PublicSubnet1') },
    });
    template.hasResourceProperties('AWS::EC2::Route', {
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: { Ref: Match.stringLikeRegexp('PublicSubnet1NATGateway') },
      RouteTableId: { Ref: Match.stringLikeRegexp('NetPrivateSubnetRouteTable') },
    });
    const routes = Object.values(template.findResources('AWS::EC2::Route')).map((r) =>
      JSON.stringify(r.Properties),
    );
    expect(routes.filter((r) => r.includes('Database'))).toEqual([]);
  });

  it('sends S3 traffic of the private and database subnets through a gateway endpoint', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      RouteTableIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('NetPrivateSubnetRouteTable') }]),
    });
  });

  it('exposes selections: public and database over both AZs, the cache subnet in the first only', () => {
    expect(stack.resolve(net.vpc.selectSubnets(net.publicSubnets).subnetIds)).toHaveLength(2);
    expect(stack.resolve(net.vpc.selectSubnets(net.databaseSubnets).subnetIds)).toHaveLength(2);
    expect(stack.resolve(net.vpc.selectSubnets(net.workloadDatabaseSubnet).subnetIds)).toHaveLength(1);
    expect(stack.resolve(net.vpc.selectSubnets(net.privateSubnets).subnetIds)).toEqual([
      stack.resolve(net.privateSubnet.subnetId),
    ]);
  });

  it('refuses second-AZ subnets smaller than AWS accepts and CIDRs outside the VPC', () => {
    const bad = new Stack();
    expect(
      () =>
        new SingleAzNetwork(bad, 'Net', {
          cidrs: {
            ...CIDRS,
            private: '10.1.2.0/24',
            secondAzPublic: '10.0.11.0/28',
            secondAzDatabase: '10.0.13.0/29',
          },
        }),
    ).toThrow(
      /10\.1\.2\.0\/24 lies outside[\s\S]*10\.0\.11\.0\/28 is smaller than \/27[\s\S]*10\.0\.13\.0\/29 is smaller than \/28/,
    );
  });
});
