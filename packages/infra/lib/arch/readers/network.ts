import { asArray, asRecord, type TemplateIndex } from '../template.ts';

/** Subnet tier as CDK names it, or as derived from the routes. */
export type SubnetTier = 'public' | 'private' | 'isolated';

export interface SubnetInfo {
  readonly id: string;
  readonly name: string;
  readonly vpc: string | undefined;
  readonly cidr: string;
  readonly az: string;
  readonly tier: SubnetTier;
  /** Default-route target of the subnet's route table: `internet gateway`, `NAT <name>`, or `none`. */
  readonly defaultRoute: string;
  readonly routeTable: string | undefined;
}

export interface RouteInfo {
  readonly routeTable: string;
  readonly destination: string;
  readonly target: string;
}

export interface NetworkInfo {
  readonly vpcs: { id: string; name: string; cidr: string; dnsSupport: boolean; dnsHostnames: boolean }[];
  readonly subnets: SubnetInfo[];
  readonly natGateways: { id: string; name: string; subnet: string; az: string }[];
  readonly internetGateways: string[];
  readonly routes: RouteInfo[];
  readonly endpoints: { id: string; service: string; type: string; vpc: string | undefined }[];
}

function tagValue(tags: unknown, key: string): string | undefined {
  for (const tag of asArray(tags)) {
    const rec = asRecord(tag);
    if (rec?.Key === key && typeof rec.Value === 'string') return rec.Value;
  }
  return undefined;
}

/** Reads VPCs, subnets with tier/AZ/default route, NAT gateways, routes and endpoints. */
export function readNetwork(t: TemplateIndex): NetworkInfo {
  const vpcs = t.ofType('AWS::EC2::VPC').map((r) => ({
    id: r.id,
    name: t.label(r.id),
    cidr: t.show(r.props.CidrBlock),
    dnsSupport: t.bool(r.props.EnableDnsSupport) ?? true,
    dnsHostnames: t.bool(r.props.EnableDnsHostnames) ?? false,
  }));

  const routes: RouteInfo[] = t.ofType('AWS::EC2::Route').map((r) => {
    const p = r.props;
    const targetId = t.refId(p.NatGatewayId) ?? t.refId(p.GatewayId) ?? t.refId(p.TransitGatewayId);
    const target = targetId
      ? `${t.get(targetId)?.type === 'AWS::EC2::NatGateway' ? 'NAT' : 'IGW'} ${t.label(targetId)}`
      : t.show(p.NatGatewayId ?? p.GatewayId ?? p.TransitGatewayId ?? p.VpcEndpointId);
    return {
      routeTable: t.refId(p.RouteTableId) ?? t.show(p.RouteTableId),
      destination: t.show(p.DestinationCidrBlock ?? p.DestinationIpv6CidrBlock ?? p.DestinationPrefixListId),
      target,
    };
  });

  const tableOf = new Map<string, string>();
  for (const assoc of t.ofType('AWS::EC2::SubnetRouteTableAssociation')) {
    const subnet = t.refId(assoc.props.SubnetId);
    const table = t.refId(assoc.props.RouteTableId);
    if (subnet && table) tableOf.set(subnet, table);
  }

  const subnets: SubnetInfo[] = t.ofType('AWS::EC2::Subnet').map((r) => {
    const table = tableOf.get(r.id);
    const def = routes.find((x) => x.routeTable === table && x.destination === '0.0.0.0/0');
    const cdkType = tagValue(r.props.Tags, 'aws-cdk:subnet-type');
    const tier: SubnetTier =
      cdkType === 'Public'
        ? 'public'
        : cdkType === 'Private'
          ? 'private'
          : cdkType === 'Isolated'
            ? 'isolated'
            : def?.target.startsWith('IGW')
              ? 'public'
              : def
                ? 'private'
                : 'isolated';
    return {
      id: r.id,
      name: tagValue(r.props.Tags, 'aws-cdk:subnet-name') ?? t.label(r.id),
      vpc: t.refId(r.props.VpcId),
      cidr: t.show(r.props.CidrBlock),
      az: t.show(r.props.AvailabilityZone),
      tier,
      defaultRoute: def ? (def.target.startsWith('IGW') ? 'internet gateway' : def.target) : 'none',
      routeTable: table,
    };
  });

  const natGateways = t.ofType('AWS::EC2::NatGateway').map((r) => {
    const subnet = t.refId(r.props.SubnetId) ?? '';
    return {
      id: r.id,
      name: t.label(r.id),
      subnet: t.label(subnet),
      az: subnets.find((s) => s.id === subnet)?.az ?? '',
    };
  });

  const endpoints = t.ofType('AWS::EC2::VPCEndpoint').map((r) => {
    const service = t.show(r.props.ServiceName);
    return {
      id: r.id,
      service: service.split('.').pop() ?? service,
      type: t.show(r.props.VpcEndpointType) || 'Gateway',
      vpc: t.refId(r.props.VpcId),
    };
  });

  return {
    vpcs,
    subnets,
    natGateways,
    internetGateways: t.ofType('AWS::EC2::InternetGateway').map((r) => r.id),
    routes,
    endpoints,
  };
}
