import { asArray, asRecord, type TemplateIndex } from '../template.ts';

export interface SecurityGroupInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Labels of the resources that use this group (load balancer, service, database...). */
  readonly members: string[];
  /** CloudFormation types of those resources. */
  readonly memberTypes: string[];
}

export interface IngressRule {
  /** Logical id of the destination group. */
  readonly group: string;
  /** Source: a CIDR, or a security group's label. */
  readonly source: string;
  /** Logical id of the source group, when the source is a group. */
  readonly sourceGroup: string | undefined;
  readonly protocol: string;
  readonly fromPort: number | undefined;
  readonly toPort: number | undefined;
  readonly description: string;
}

export interface SecurityGroupsInfo {
  readonly groups: SecurityGroupInfo[];
  readonly ingress: IngressRule[];
}

const SG_KEYS = /^(SecurityGroups|SecurityGroupIds|VPCSecurityGroups|VpcSecurityGroupIds|GroupSet)$/;

function collectGroupRefs(t: TemplateIndex, value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) collectGroupRefs(t, v, out, depth + 1);
    return;
  }
  const rec = asRecord(value);
  if (!rec) return;
  for (const [key, v] of Object.entries(rec)) {
    if (SG_KEYS.test(key)) {
      for (const item of asArray(v)) {
        const id = t.refId(item);
        if (id) out.add(id);
      }
    } else if (typeof v === 'object') {
      collectGroupRefs(t, v, out, depth + 1);
    }
  }
}

function protocolName(value: string): string {
  if (value === '-1' || value === '') return 'all';
  if (value === '6') return 'tcp';
  if (value === '17') return 'udp';
  return value;
}

function rule(t: TemplateIndex, group: string, p: Record<string, unknown>): IngressRule {
  const sourceGroup = t.refId(p.SourceSecurityGroupId);
  const protocol = protocolName(t.show(p.IpProtocol));
  const all = protocol === 'all';
  return {
    group,
    source: sourceGroup
      ? t.label(sourceGroup)
      : t.show(p.CidrIp ?? p.CidrIpv6 ?? p.SourcePrefixListId ?? p.SourceSecurityGroupId),
    sourceGroup,
    protocol,
    fromPort: all ? undefined : t.num(p.FromPort),
    toPort: all ? undefined : t.num(p.ToPort),
    description: t.show(p.Description),
  };
}

/** Formats a rule's port range: `5432`, `4000-4003`, or `all`. */
export function portRange(r: Pick<IngressRule, 'fromPort' | 'toPort'>): string {
  if (r.fromPort === undefined || r.fromPort === -1) return 'all';
  return r.toPort === undefined || r.toPort === r.fromPort ? String(r.fromPort) : `${r.fromPort}-${r.toPort}`;
}

/** Reads security groups, who uses them, and every ingress rule (inline and `AWS::EC2::SecurityGroupIngress`). */
export function readSecurityGroups(t: TemplateIndex): SecurityGroupsInfo {
  const members = new Map<string, string[]>();
  const memberTypes = new Map<string, string[]>();
  for (const res of t.resources.values()) {
    if (res.type.startsWith('AWS::EC2::SecurityGroup')) continue;
    const refs = new Set<string>();
    collectGroupRefs(t, res.props, refs);
    for (const sg of refs) {
      members.set(sg, [...(members.get(sg) ?? []), t.label(res.id)]);
      memberTypes.set(sg, [...(memberTypes.get(sg) ?? []), res.type]);
    }
  }
  const groups = t.ofType('AWS::EC2::SecurityGroup').map((r) => ({
    id: r.id,
    name: t.label(r.id),
    description: t.show(r.props.GroupDescription),
    members: members.get(r.id) ?? [],
    memberTypes: memberTypes.get(r.id) ?? [],
  }));
  const ingress: IngressRule[] = [];
  for (const g of t.ofType('AWS::EC2::SecurityGroup')) {
    for (const item of asArray(g.props.SecurityGroupIngress)) {
      ingress.push(rule(t, g.id, asRecord(item) ?? {}));
    }
  }
  for (const r of t.ofType('AWS::EC2::SecurityGroupIngress')) {
    const group = t.refId(r.props.GroupId) ?? t.show(r.props.GroupId);
    ingress.push(rule(t, group, r.props));
  }
  return { groups, ingress };
}
