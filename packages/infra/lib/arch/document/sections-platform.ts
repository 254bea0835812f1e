import type { ArchModel } from '../model.ts';
import { depthTable } from '../readers/scaling.ts';
import { portRange } from '../readers/security-groups.ts';
import { table, yesNo } from './markdown.ts';

/** Networks: VPCs, subnets with CIDR, tier, AZ and default route, NAT gateways, routes, endpoints. */
export function networkSection(m: ArchModel): string {
  const out = ['## Networks', ''];
  out.push(
    table(
      ['VPC', 'CIDR', 'DNS support', 'DNS hostnames'],
      m.network.vpcs.map((v) => [v.name, v.cidr, yesNo(v.dnsSupport), yesNo(v.dnsHostnames)]),
      'No VPC.',
    ),
  );
  out.push('### Subnets', '');
  out.push(
    table(
      ['Subnet', 'CIDR', 'Tier', 'AZ', 'Default route'],
      m.network.subnets.map((s) => [s.name, s.cidr, s.tier, s.az, s.defaultRoute]),
    ),
  );
  out.push('### NAT gateways and endpoints', '');
  out.push(
    table(
      ['NAT gateway', 'Subnet', 'AZ'],
      m.network.natGateways.map((n) => [n.name, n.subnet, n.az]),
      'No NAT gateway.',
    ),
  );
  out.push(
    table(
      ['VPC endpoint', 'Type'],
      m.network.endpoints.map((e) => [e.service, e.type]),
      'No VPC endpoint.',
    ),
  );
  out.push('### Routes', '');
  out.push(
    table(
      ['Route table', 'Destination', 'Target'],
      m.network.routes.map((r) => [m.index.label(r.routeTable), r.destination, r.target]),
      'No routes.',
    ),
  );
  return out.join('\n');
}

/** Security-group matrix: source → destination, port, protocol. */
export function securitySection(m: ArchModel): string {
  const groups = new Map(m.securityGroups.groups.map((g) => [g.id, g]));
  const who = (id: string | undefined, fallback: string) => {
    const g = id ? groups.get(id) : undefined;
    if (!g) return fallback;
    return g.members.length > 0 ? `${g.name} (${[...new Set(g.members)].join(', ')})` : g.name;
  };
  const out = ['## Security groups', ''];
  out.push(
    table(
      ['Source', 'Destination', 'Port', 'Protocol', 'Description'],
      m.securityGroups.ingress.map((r) => [
        who(r.sourceGroup, r.source),
        who(r.group, r.group),
        portRange(r),
        r.protocol,
        r.description,
      ]),
      'No ingress rules.',
    ),
  );
  const closed = m.securityGroups.groups.filter(
    (g) => !m.securityGroups.ingress.some((r) => r.group === g.id),
  );
  if (closed.length > 0) {
    out.push(`Groups with no inbound rule: ${closed.map((g) => who(g.id, g.name)).join('; ')}.`, '');
  }
  return out.join('\n');
}

/** Compute: ECS services, Lambda functions and EC2 instances. */
export function computeSection(m: ArchModel): string {
  const out = ['## Compute', ''];
  for (const c of m.compute.clusters) {
    out.push(
      `Cluster **${c.name}**: Container Insights ${c.containerInsights}; capacity providers ${c.providers.join(', ') || 'none'}.`,
      '',
    );
  }
  out.push(
    table(
      ['ECS service', 'CPU / memory', 'Desired', 'Capacity', 'Ports', 'Health check', 'Deployment'],
      m.compute.services.map((s) => [
        s.name,
        `${s.cpu / 1024} vCPU / ${s.memory} MiB (${s.architecture})`,
        s.desiredCount,
        s.capacity.map((c) => `${c.provider} (weight ${c.weight}, base ${c.base})`).join(', '),
        s.containers.flatMap((c) => c.ports).join(', '),
        s.containers
          .map((c) => c.healthCheck)
          .filter(Boolean)
          .join('; '),
        `min ${s.minHealthyPercent ?? '-'} %, max ${s.maxPercent ?? '-'} %, circuit breaker ${s.circuitBreaker}${s.execCommand ? ', ECS Exec on' : ''}`,
      ]),
      'No ECS service.',
    ),
  );
  const containers = m.compute.services.flatMap((s) =>
    s.containers.map((c) => [s.name, c.name, c.image, c.command, c.secrets.join(', ')]),
  );
  if (containers.length > 0) {
    out.push(table(['Service', 'Container', 'Image', 'Command', 'Secrets injected'], containers));
  }
  out.push(
    table(
      ['Lambda function', 'Runtime', 'Memory', 'Timeout', 'Architecture', 'In VPC'],
      m.compute.functions.map((f) => [
        f.name,
        f.runtime,
        `${f.memory} MB`,
        `${f.timeout} s`,
        f.architecture,
        yesNo(f.inVpc),
      ]),
      'No Lambda function.',
    ),
  );
  out.push(
    table(
      ['EC2 instance', 'Type', 'Subnet'],
      m.compute.instances.map((i) => [i.name, i.instanceType, i.subnet]),
      'No EC2 instance.',
    ),
  );
  return out.join('\n');
}

const METRICS: Record<string, string> = {
  ECSServiceAverageCPUUtilization: 'average CPU utilization',
  ECSServiceAverageMemoryUtilization: 'average memory utilization',
  ALBRequestCountPerTarget: 'requests per target',
};

/** Scaling: each policy in words, and the "queue depth → tasks" table computed from step policies. */
export function scalingSection(m: ArchModel): string {
  const out = ['## Scaling', ''];
  if (m.scaling.targets.length === 0) return [...out, 'Nothing scales automatically.', ''].join('\n');
  for (const target of m.scaling.targets) {
    out.push(`### ${target.resource}`, '', `Between ${target.min} and ${target.max} tasks.`, '');
    const policies = m.scaling.policies.filter((p) => p.target === target.id);
    for (const p of policies) {
      if (p.kind === 'target-tracking') {
        out.push(
          `- Target tracking: keeps ${METRICS[p.metric] ?? p.metric} at ${p.targetValue}${METRICS[p.metric] && !p.metric.includes('Count') ? ' %' : ''} (scale-out cooldown ${p.scaleOutCooldown ?? '-'} s, scale-in cooldown ${p.scaleInCooldown ?? '-'} s).`,
        );
      } else {
        const when = p.alarm
          ? `when ${p.metric} ${p.alarm.operator
              .replace(/Threshold$/, '')
              .replace(/([A-Z])/g, ' $1')
              .trim()
              .toLowerCase()} ${p.alarm.threshold}`
          : 'with no alarm attached';
        out.push(
          `- Step scaling ${when}: ${p.adjustmentType} in ${p.steps.length} step(s), cooldown ${p.cooldown ?? '-'} s.`,
        );
      }
    }
    for (const a of target.scheduled) {
      out.push(`- Scheduled \`${a.schedule}\` (${a.name}): min ${a.min ?? '-'}, max ${a.max ?? '-'}.`);
    }
    out.push('');
    const rows = depthTable(policies, target);
    const onQueue = policies.some((p) => p.kind === 'step' && /SQS|Messages/i.test(p.metric));
    if (rows.length > 0) {
      out.push(
        onQueue
          ? 'Queue depth → tasks, computed from the step policies:'
          : 'Metric value → tasks, computed from the step policies:',
        '',
      );
      out.push(
        table(
          [onQueue ? 'Queue depth (messages)' : 'Metric value', 'Tasks'],
          rows.map((r) => [
            r.to === undefined ? `${r.from} or more` : r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`,
            r.tasks,
          ]),
        ),
      );
    }
  }
  return out.join('\n');
}
