import type { ArchModel } from '../model.ts';
import type { SubnetTier } from '../readers/network.ts';
import { asRecord } from '../template.ts';

interface Node {
  readonly id: string;
  readonly label: string;
  readonly shape: 'box' | 'db' | 'round';
}

const safeId = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');
const quote = (text: string) => text.replace(/"/g, '#quot;');

function render(n: Node): string {
  const label = quote(n.label);
  if (n.shape === 'db') return `${safeId(n.id)}[("${label}")]`;
  if (n.shape === 'round') return `${safeId(n.id)}("${label}")`;
  return `${safeId(n.id)}["${label}"]`;
}

/** The subnet tier a resource runs in, from the subnets (or subnet group) it names. */
function tierOf(m: ArchModel, id: string): SubnetTier | undefined {
  const t = m.index;
  const res = t.get(id);
  if (!res) return undefined;
  const tiers = new Map(m.network.subnets.map((s) => [s.id, s.tier]));
  const group = t.get(t.refId(res.props.DBSubnetGroupName) ?? t.refId(res.props.CacheSubnetGroupName));
  const refs = group ? t.refsIn(group.props.SubnetIds) : t.refsIn(res.props);
  const found = [...refs].map((r) => tiers.get(r)).filter((x): x is SubnetTier => x !== undefined);
  if (found.length === 0) return undefined;
  return found.includes('public') ? 'public' : found.includes('private') ? 'private' : 'isolated';
}

/**
 * A Mermaid flowchart of what deploys: the edge outside the VPC, the VPC's subnet tiers with what
 * runs in each, data and supporting services, and the connections the templates declare
 * (origins, listeners, integrations, security-group rules, IAM grants, dead-letter queues).
 */
export function mermaidDiagram(m: ArchModel): string {
  const t = m.index;
  const nodes = new Map<string, Node>();
  const placed = new Map<string, string>();
  const add = (id: string, label: string, shape: Node['shape'], group: string) => {
    nodes.set(id, { id, label, shape });
    placed.set(id, group);
  };

  for (const d of m.edge.distributions) add(d.id, `CloudFront<br/>${d.priceClass}`, 'round', 'edge');
  for (const a of m.edge.apis)
    add(a.id, `API Gateway ${a.kind}<br/>${a.routes.length} routes`, 'round', 'edge');
  for (const lb of m.edge.loadBalancers) add(lb.id, `ALB ${lb.scheme}`, 'box', tierOf(m, lb.id) ?? 'public');
  for (const n of m.network.natGateways) add(n.id, `NAT gateway<br/>${n.az}`, 'box', 'public');
  for (const i of m.compute.instances)
    add(i.id, `EC2 ${i.instanceType}<br/>${i.name}`, 'box', tierOf(m, i.id) ?? 'public');
  for (const s of m.compute.services) {
    const label = `ECS ${s.name}<br/>${s.cpu / 1024} vCPU / ${s.memory / 1024} GB x ${s.desiredCount}`;
    add(s.id, label, 'box', tierOf(m, s.id) ?? 'aws');
  }
  for (const f of m.compute.functions) {
    if (f.name.startsWith('Custom') || f.name.includes('CustomResourceProvider')) continue;
    add(f.id, `Lambda ${f.name}`, 'box', f.inVpc ? (tierOf(m, f.id) ?? 'aws') : 'aws');
  }
  for (const d of m.data.databases) {
    const label = `RDS ${d.engine} ${d.version}<br/>${d.instanceClass}${d.multiAz ? ' Multi-AZ' : ''}`;
    add(d.id, label, 'db', tierOf(m, d.id) ?? 'isolated');
  }
  for (const c of m.data.caches)
    add(c.id, `${c.engine} ${c.version}<br/>${c.nodeType} x ${c.nodes}`, 'db', tierOf(m, c.id) ?? 'isolated');
  for (const b of m.data.buckets) add(b.id, `S3 ${b.name}`, 'db', 'aws');
  for (const q of m.data.queues) add(q.id, `SQS ${q.name}`, 'box', 'aws');
  for (const s of m.data.secrets) add(s.id, `Secret ${s.name}`, 'box', 'support');
  for (const k of m.data.keys) add(k.id, `KMS ${k.name}`, 'box', 'support');
  for (const r of m.data.repositories) add(r.id, `ECR ${r.name}`, 'box', 'support');
  for (const tp of m.observability.topics) add(tp.id, `SNS ${tp.name}`, 'box', 'support');

  const edges = new Set<string>();
  const pairs = new Set<string>();
  const link = (from: string, to: string, label?: string, dotted = false) => {
    if (!nodes.has(from) || !nodes.has(to) || from === to || pairs.has(`${from}>${to}`)) return;
    pairs.add(`${from}>${to}`);
    const arrow = dotted ? '-.->' : '-->';
    edges.add(`${safeId(from)} ${arrow}${label ? `|"${quote(label)}"|` : ''} ${safeId(to)}`);
  };

  for (const id of nodes.keys()) if (placed.get(id) === 'edge') edges.add(`users((Users)) --> ${safeId(id)}`);
  for (const lb of m.edge.loadBalancers) {
    if (lb.scheme === 'internet-facing' && m.edge.distributions.length === 0)
      edges.add(`users((Users)) --> ${safeId(lb.id)}`);
  }
  for (const d of m.edge.distributions) {
    for (const dep of t.refsIn(asRecord(t.get(d.id)?.props.DistributionConfig)?.Origins)) {
      const type = t.get(dep)?.type;
      if (type === 'AWS::S3::Bucket' || type === 'AWS::ElasticLoadBalancingV2::LoadBalancer')
        link(d.id, dep, 'origin');
    }
  }
  for (const a of m.edge.apis) {
    for (const method of t.ofType('AWS::ApiGateway::Method')) {
      if (t.refId(method.props.RestApiId) !== a.id) continue;
      for (const dep of t.refsIn(method.props.Integration)) link(a.id, dep);
    }
  }
  for (const s of m.compute.services) {
    for (const tg of s.targetGroups) {
      for (const l of t.ofType('AWS::ElasticLoadBalancingV2::Listener')) {
        if (t.refsIn(l.props.DefaultActions).has(tg))
          link(t.refId(l.props.LoadBalancerArn) ?? '', s.id, 'HTTP');
      }
      for (const rule of t.ofType('AWS::ElasticLoadBalancingV2::ListenerRule')) {
        if (!t.refsIn(rule.props.Actions).has(tg)) continue;
        const listener = t.get(t.refId(rule.props.ListenerArn));
        link(t.refId(listener?.props.LoadBalancerArn) ?? '', s.id, 'HTTP');
      }
    }
  }
  const groupMembers = new Map<string, string[]>();
  for (const res of t.resources.values()) {
    if (!nodes.has(res.id)) continue;
    for (const ref of t.refsIn(res.props)) {
      if (t.get(ref)?.type === 'AWS::EC2::SecurityGroup')
        groupMembers.set(ref, [...(groupMembers.get(ref) ?? []), res.id]);
    }
  }
  for (const r of m.securityGroups.ingress) {
    if (!r.sourceGroup) continue;
    for (const from of groupMembers.get(r.sourceGroup) ?? []) {
      for (const to of groupMembers.get(r.group) ?? [])
        link(from, to, r.fromPort === undefined ? 'all' : String(r.fromPort));
    }
  }
  const roleUsers = new Map<string, string[]>();
  for (const s of m.compute.services)
    if (s.taskRole) roleUsers.set(s.taskRole, [...(roleUsers.get(s.taskRole) ?? []), s.id]);
  for (const f of m.compute.functions)
    if (f.role) roleUsers.set(f.role, [...(roleUsers.get(f.role) ?? []), f.id]);
  for (const role of m.iam) {
    for (const user of roleUsers.get(role.id) ?? []) {
      for (const s of role.statements) {
        if (s.effect !== 'Allow') continue;
        for (const target of s.targets) {
          const type = t.get(target)?.type ?? '';
          if (/S3::Bucket|SQS::Queue|SecretsManager::Secret|SNS::Topic/.test(type))
            link(user, target, undefined, true);
        }
      }
    }
  }
  for (const alarm of t.ofType('AWS::CloudWatch::Alarm')) {
    const policies = [...t.refsIn(alarm.props.AlarmActions)].map((id) =>
      m.scaling.policies.find((p) => p.id === id),
    );
    for (const policy of policies) {
      const service = m.scaling.targets.find((x) => x.id === policy?.target)?.serviceId;
      for (const dep of t.refsIn([alarm.props.Dimensions, alarm.props.Metrics])) {
        if (service && t.get(dep)?.type === 'AWS::SQS::Queue') link(dep, service, 'depth scales', true);
      }
    }
  }
  for (const q of m.data.queues) {
    const dlq = t.refId(asRecord(t.get(q.id)?.props.RedrivePolicy)?.deadLetterTargetArn);
    if (dlq) link(q.id, dlq, 'dead letters');
  }

  const lines = ['```mermaid', 'flowchart LR'];
  const emit = (group: string, indent: string) => {
    for (const [id, g] of placed) if (g === group) lines.push(`${indent}${render(nodes.get(id)!)}`);
  };
  const has = (group: string) => [...placed.values()].includes(group);
  if (has('edge')) {
    lines.push('  subgraph edge["Edge"]');
    emit('edge', '    ');
    lines.push('  end');
  }
  for (const vpc of m.network.vpcs) {
    lines.push(`  subgraph ${safeId(vpc.id)}["VPC ${quote(vpc.cidr)}"]`);
    for (const tier of ['public', 'private', 'isolated'] as const) {
      const cidrs = m.network.subnets.filter((s) => s.tier === tier).map((s) => s.cidr);
      if (cidrs.length === 0 && !has(tier)) continue;
      const title = `${tier === 'isolated' ? 'isolated (no internet route)' : tier} subnets ${cidrs.join(', ')}`;
      lines.push(`    subgraph ${safeId(vpc.id)}_${tier}["${quote(title)}"]`);
      emit(tier, '      ');
      if (!has(tier)) lines.push(`      ${safeId(vpc.id)}_${tier}_empty[" "]`);
      lines.push('    end');
    }
    lines.push('  end');
  }
  if (has('aws')) {
    lines.push('  subgraph regional["Regional services"]');
    emit('aws', '    ');
    lines.push('  end');
  }
  if (has('support')) {
    lines.push('  subgraph support["Supporting services"]');
    emit('support', '    ');
    lines.push('  end');
  }
  for (const e of [...edges].sort()) lines.push(`  ${e}`);
  lines.push('```');
  return `${lines.join('\n')}\n`;
}
