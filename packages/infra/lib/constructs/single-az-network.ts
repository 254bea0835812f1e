import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ExplicitSubnetCidrs } from './explicit-subnet-cidrs.ts';
import { Network } from './network.ts';

/** CIDRs of a network whose workloads live in one Availability Zone. */
export interface SingleAzCidrs {
  /** Public subnet of the workload AZ (ALB node, NAT gateway). */
  readonly public: string;
  /** Private subnet with a NAT route (the tasks). */
  readonly private: string;
  /** Isolated subnet (database and cache). */
  readonly database: string;
  /** Public subnet in the second AZ: an ALB must span two AZs (AWS minimum /27). */
  readonly secondAzPublic: string;
  /** Isolated subnet in the second AZ: an RDS subnet group must span two AZs (AWS minimum /28). */
  readonly secondAzDatabase: string;
}

/** Properties of {@link SingleAzNetwork}. */
export interface SingleAzNetworkProps {
  /**
   * VPC CIDR.
   *
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  readonly cidrs: SingleAzCidrs;
  /**
   * The workload AZ and the second AZ, in that order.
   *
   * @default - the region's first two AZs
   */
  readonly availabilityZones?: readonly [string, string];
}

/**
 * A VPC for a single-AZ, cost-optimised deployment: public, private and database subnets in one AZ
 * with one NAT gateway, plus the two smallest second-AZ subnets AWS requires (an ALB and an RDS subnet
 * group must span two AZs). Nothing but the ALB's second node and the idle half of the DB subnet group
 * uses the second AZ. Built on {@link Network}; the private subnet is added beside it because every
 * tier of a `Network` has one subnet per AZ.
 */
export class SingleAzNetwork extends Construct {
  readonly network: Network;
  readonly vpc: ec2.Vpc;
  /** The workload AZ. */
  readonly availabilityZone: string;
  /** The tasks' subnet. */
  readonly privateSubnet: ec2.PrivateSubnet;
  /** Public subnets of both AZs (the ALB). */
  readonly publicSubnets: ec2.SubnetSelection;
  /** Database subnets of both AZs (the RDS subnet group). */
  readonly databaseSubnets: ec2.SubnetSelection;
  /** The workload AZ's database subnet only (the cache). */
  readonly workloadDatabaseSubnet: ec2.SubnetSelection;
  readonly natGateway: ec2.CfnNatGateway;

  constructor(scope: Construct, id: string, props: SingleAzNetworkProps) {
    super(scope, id);
    const c = props.cidrs;
    validate(props.cidr ?? '10.0.0.0/16', c);
    this.network = new Network(this, 'Network', {
      cidr: props.cidr ?? '10.0.0.0/16',
      tiers: [
        { name: 'Public', kind: 'public', cidrs: [c.public, c.secondAzPublic] },
        { name: 'Database', kind: 'isolated', cidrs: [c.database, c.secondAzDatabase] },
      ],
      natGateways: 0,
      s3GatewayEndpoint: false,
      ...(props.availabilityZones ? { availabilityZones: props.availabilityZones } : {}),
    });
    this.vpc = this.network.vpc;
    const publicA = this.vpc.publicSubnets[0] as ec2.PublicSubnet;
    const databaseA = this.vpc.isolatedSubnets[0] as ec2.ISubnet;
    this.availabilityZone = publicA.availabilityZone;

    this.natGateway = publicA.addNatGateway();
    this.privateSubnet = new ec2.PrivateSubnet(this, 'PrivateSubnet', {
      vpcId: this.vpc.vpcId,
      availabilityZone: this.availabilityZone,
      cidrBlock: c.private,
      mapPublicIpOnLaunch: false,
    });
    this.privateSubnet.addDefaultNatRoute(this.natGateway.ref);
    Tags.of(this.privateSubnet).add('aws-cdk:subnet-name', 'Private');
    Tags.of(this.privateSubnet).add('aws-cdk:subnet-type', 'Private');
    this.vpc.addGatewayEndpoint('S3Endpoint', {
      service: ec2.GatewayVpcEndpointAwsService.S3,
      subnets: [{ subnets: [this.privateSubnet, ...this.vpc.isolatedSubnets] }],
    });

    this.publicSubnets = this.network.subnets('Public');
    this.databaseSubnets = this.network.subnets('Database');
    this.workloadDatabaseSubnet = { subnets: [databaseA] };
  }

  /** The tasks' subnet as a selection. */
  get privateSubnets(): ec2.SubnetSelection {
    return { subnets: [this.privateSubnet] };
  }
}

function prefixOf(cidr: string): number {
  return Number(cidr.split('/')[1]);
}

function validate(vpcCidr: string, c: SingleAzCidrs): void {
  const problems = ExplicitSubnetCidrs.problems(vpcCidr, [
    c.public,
    c.private,
    c.database,
    c.secondAzPublic,
    c.secondAzDatabase,
  ]);
  if (prefixOf(c.secondAzPublic) > 27) {
    problems.push(
      `secondAzPublic ${c.secondAzPublic} is smaller than /27, the smallest subnet an ALB accepts`,
    );
  }
  if (prefixOf(c.secondAzDatabase) > 28) {
    problems.push(`secondAzDatabase ${c.secondAzDatabase} is smaller than /28, the smallest VPC subnet`);
  }
  if (problems.length > 0) throw new Error(`Invalid SingleAzNetwork props:\n- ${problems.join('\n- ')}`);
}
