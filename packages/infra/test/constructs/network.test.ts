import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Network } from '../../lib/constructs/network.ts';

const THREE_TIERS = [
  { name: 'Public', kind: 'public', cidrs: ['10.1.1.0/24', '10.1.2.0/24'] },
  { name: 'App', kind: 'private', cidrs: ['10.1.10.0/24', '10.1.11.0/24'] },
  { name: 'Database', kind: 'isolated', cidrs: ['10.1.20.0/24', '10.1.21.0/24'] },
] as const;

describe('Network', () => {
  it('builds three tiers at their explicit CIDRs with a NAT per AZ and no internet route for isolated subnets', () => {
    // GIVEN a three-tier network with 2 NAT gateways
    const stack = new Stack(new App(), 'Net');
    new Network(stack, 'Network', { cidr: '10.1.0.0/16', tiers: THREE_TIERS, natGateways: 2 });
    // WHEN synthesised
    const t = Template.fromStack(stack);
    // THEN
    t.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.1.0.0/16', EnableDnsHostnames: true });
    t.resourceCountIs('AWS::EC2::Subnet', 6);
    t.resourceCountIs('AWS::EC2::NatGateway', 2);
    for (const tier of THREE_TIERS) {
      tier.cidrs.forEach((cidr, az) => {
        t.hasResourceProperties('AWS::EC2::Subnet', {
          CidrBlock: cidr,
          AvailabilityZone: { 'Fn::Select': [az, { 'Fn::GetAZs': '' }] },
          Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-name', Value: tier.name }]),
        });
      });
    }
    const subnets = t.findResources('AWS::EC2::Subnet');
    const isolated = Object.keys(subnets).filter((id) =>
      ['10.1.20.0/24', '10.1.21.0/24'].includes(subnets[id]?.Properties.CidrBlock),
    );
    const associations = Object.values(t.findResources('AWS::EC2::SubnetRouteTableAssociation'));
    const routes = Object.values(t.findResources('AWS::EC2::Route'));
    for (const subnet of isolated) {
      const table = associations.find((a) => a.Properties.SubnetId.Ref === subnet)?.Properties.RouteTableId
        .Ref;
      expect(table).toBeDefined();
      expect(routes.filter((r) => r.Properties.RouteTableId.Ref === table)).toEqual([]);
    }
    t.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL' });
  });

  it('reports every bad value at once', () => {
    const stack = new Stack(new App(), 'Bad');
    expect(
      () =>
        new Network(stack, 'Network', {
          cidr: '10.0.0.0/16',
          natGateways: 3,
          tiers: [
            { name: 'Public', kind: 'public', cidrs: ['10.0.1.0/24', '10.0.1.128/25'] },
            { name: 'Private', kind: 'private', cidrs: ['10.9.0.0/24', '10.0.3.0/24', '10.0.4.0/24'] },
          ],
        }),
    ).toThrow(
      /lists 3 CIDRs but the first tier lists 2[\s\S]*natGateways is 3[\s\S]*10\.0\.1\.128\/25 overlaps 10\.0\.1\.0\/24[\s\S]*10\.9\.0\.0\/24 lies outside/,
    );
  });

  it('names a missing tier', () => {
    const network = new Network(new Stack(new App(), 'S'), 'Network');
    expect(() => network.subnets('Database')).toThrow(/no subnet tier "Database"; tiers are Public, Private/);
  });
});
