import type { ArchModel } from '../model.ts';
import type { EcsServiceInfo } from '../readers/compute.ts';
import { asArray, asRecord } from '../template.ts';
import { type PriceTable, price } from './prices.ts';
import { scheduledFraction } from './schedule.ts';
import type { Category, Usage } from './usage.ts';

/** One priced line: what, how much, at which price, per month. */
export interface CostLine {
  readonly category: Category;
  readonly service: string;
  /** What deploys, as read from the template. */
  readonly resource: string;
  readonly quantity: number;
  readonly unit: string;
  readonly priceKey: string;
  readonly unitPrice: number;
  readonly monthly: number;
}

/** The estimate: every line and the total. */
export interface CostEstimate {
  readonly lines: CostLine[];
  readonly total: number;
  /** Things the estimate leaves out, one line each. */
  readonly omitted: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Share of a service's tasks on each capacity provider, given base and weight. */
export function providerShares(
  service: Pick<EcsServiceInfo, 'capacity' | 'desiredCount'>,
): Map<string, number> {
  const n = Math.max(1, service.desiredCount);
  const tasks = new Map<string, number>();
  let left = n;
  for (const c of service.capacity) {
    const base = Math.min(c.base, left);
    if (base > 0) tasks.set(c.provider, (tasks.get(c.provider) ?? 0) + base);
    left -= base;
  }
  const weight = service.capacity.reduce((s, c) => s + c.weight, 0);
  for (const c of service.capacity) {
    const share = weight > 0 ? (left * c.weight) / weight : c === service.capacity[0] ? left : 0;
    tasks.set(c.provider, (tasks.get(c.provider) ?? 0) + share);
  }
  return new Map([...tasks].filter(([, v]) => v > 0).map(([k, v]) => [k, v / n]));
}

/** Prices what the templates deploy under the given usage. */
export function estimateCost(model: ArchModel, usage: Usage, table: PriceTable): CostEstimate {
  const lines: CostLine[] = [];
  const omitted: string[] = [];
  const add = (
    category: Category,
    service: string,
    resource: string,
    quantity: number,
    unit: string,
    key: string,
  ) => {
    const p = table.prices[key];
    if (!p) {
      omitted.push(`${service} (${resource}): no price "${key}" in packages/infra/data/prices.json; add it.`);
      return;
    }
    const billable = Math.max(0, quantity - (p.free ?? 0));
    const perUnit = key.endsWith('.1m') ? 1e6 : key.endsWith('.10k') ? 1e4 : key.endsWith('.1k') ? 1e3 : 1;
    lines.push({
      category,
      service,
      resource,
      quantity,
      unit,
      priceKey: key,
      unitPrice: p.usd,
      monthly: round2((billable / perUnit) * p.usd),
    });
  };
  const h = usage.hours;
  const t = model.index;

  for (const s of model.compute.services) {
    const override = Object.entries(usage.taskHours).find(([k]) => s.name.includes(k));
    const target = model.scaling.targets.find((x) => x.serviceId === s.id);
    const fraction = target ? scheduledFraction(target) : undefined;
    const taskHours = override ? override[1] : round2(s.desiredCount * h * (fraction ?? 1));
    const arm = s.architecture.toUpperCase() === 'ARM64';
    for (const [provider, share] of providerShares(s)) {
      const kind = provider === 'FARGATE_SPOT' ? 'fargate-spot' : arm ? 'fargate-arm' : 'fargate';
      const hours = taskHours * share;
      const label = `${s.name} (${s.cpu / 1024} vCPU, ${s.memory / 1024} GB, ${provider})`;
      add('fargate', 'ECS Fargate vCPU', label, round2((s.cpu / 1024) * hours), 'vCPU-hours', `${kind}.vcpu`);
      add(
        'fargate',
        'ECS Fargate memory',
        label,
        round2((s.memory / 1024) * hours),
        'GB-hours',
        `${kind}.gb`,
      );
    }
  }

  if (model.compute.functions.length > 0) {
    const names = model.compute.functions.map((f) => f.name).join(', ');
    add('lambda', 'Lambda requests', names, usage.lambdaRequests, 'requests', 'lambda.1m');
    add('lambda', 'Lambda duration', names, usage.lambdaGbSeconds, 'GB-seconds', 'lambda.gbs');
  }

  const publicSubnets = new Set(model.network.subnets.filter((s) => s.tier === 'public').map((s) => s.id));
  const eips = t.ofType('AWS::EC2::EIP').length;
  let instanceIps = 0;
  let lbIps = 0;
  for (const r of t.ofType('AWS::EC2::Instance')) {
    const type = t.show(r.props.InstanceType);
    const name = t.label(r.id);
    add('ec2', `EC2 ${type}`, name, h, 'instance-hours', `ec2.${type}`);
    add('ebs', 'EBS gp3 root volume', name, usage.ebsGbPerInstance, 'GB-months', 'ebs.gp3.gb');
    const nic = asRecord(asArray(r.props.NetworkInterfaces)[0]);
    const subnet = t.refId(r.props.SubnetId ?? nic?.SubnetId);
    if (t.bool(nic?.AssociatePublicIpAddress) ?? (subnet !== undefined && publicSubnets.has(subnet)))
      instanceIps++;
  }

  for (const db of model.data.databases) {
    const engine = db.engine.replace(/^aurora-/, '');
    const factor = db.multiAz ? price(table, 'rds.multiaz.factor').usd : 1;
    const az = db.multiAz ? 'Multi-AZ' : 'Single-AZ';
    add(
      'rds',
      `RDS ${db.instanceClass} ${az}`,
      db.name,
      round2(h * factor),
      'instance-hours',
      `rds.${engine}.${db.instanceClass}`,
    );
    const storage = db.storageType === 'gp3' ? 'gp3' : 'gp2';
    add(
      'rds-storage',
      `RDS ${storage} storage ${az}`,
      db.name,
      db.storageGb * factor,
      'GB-months',
      `rds.${storage}.gb`,
    );
    if (usage.rdsExtraBackupGb > 0) {
      add('rds-backup', 'RDS backup storage', db.name, usage.rdsExtraBackupGb, 'GB-months', 'rds.backup.gb');
    }
  }

  for (const c of model.data.caches) {
    add(
      'cache',
      `ElastiCache ${c.nodeType}`,
      `${c.name} (${c.nodes} node${c.nodes === 1 ? '' : 's'})`,
      c.nodes * h,
      'node-hours',
      `elasticache.${c.nodeType}`,
    );
  }

  for (const nat of model.network.natGateways) add('nat', 'NAT gateway', nat.name, h, 'hours', 'nat.hour');
  if (model.network.natGateways.length > 0) {
    add(
      'nat-data',
      'NAT data processed',
      `${model.network.natGateways.length} NAT gateway(s)`,
      usage.natGb,
      'GB',
      'nat.gb',
    );
  }

  for (const lb of model.edge.loadBalancers) {
    add('alb', 'Load balancer hours', lb.name, h, 'hours', 'alb.hour');
    if (usage.albLcu > 0)
      add('alb', 'Load balancer LCU', lb.name, round2(usage.albLcu * h), 'LCU-hours', 'alb.lcu');
    if (lb.scheme === 'internet-facing') lbIps += Math.max(2, lb.subnets.length);
  }
  const publicIps = eips + lbIps + instanceIps;
  if (publicIps > 0) {
    const parts = [`${eips} Elastic IP`, `${lbIps} load balancer node`, `${instanceIps} instance`];
    const what = parts.filter((p) => !p.startsWith('0 ')).join(', ');
    add('ipv4', 'Public IPv4 addresses', what, publicIps * h, 'address-hours', 'ipv4.hour');
  }
  if (usage.transferOutGb > 0)
    add('transfer', 'Data transfer out', 'to the internet', usage.transferOutGb, 'GB', 'transfer.out.gb');

  if (model.data.buckets.length > 0) {
    const names = `${model.data.buckets.length} bucket(s)`;
    add('s3-storage', 'S3 Standard storage', names, usage.s3Gb, 'GB-months', 's3.standard.gb');
    add('s3-requests', 'S3 PUT/LIST requests', names, usage.s3PutRequests, 'requests', 's3.put.1k');
    add('s3-requests', 'S3 GET requests', names, usage.s3GetRequests, 'requests', 's3.get.1k');
  }
  for (const d of model.edge.distributions) {
    add('cloudfront', 'CloudFront data out', d.name, usage.cloudfrontGb, 'GB', 'cloudfront.gb');
    add(
      'cloudfront',
      'CloudFront HTTPS requests',
      d.name,
      usage.cloudfrontRequests,
      'requests',
      'cloudfront.10k',
    );
  }
  if (model.data.queues.length > 0) {
    add(
      'sqs',
      'SQS requests',
      `${model.data.queues.length} queue(s)`,
      usage.sqsRequests,
      'requests',
      'sqs.1m',
    );
  }
  if (model.observability.topics.length > 0 && usage.snsPublishes > 0) {
    add(
      'sns',
      'SNS publishes',
      `${model.observability.topics.length} topic(s)`,
      usage.snsPublishes,
      'publishes',
      'sns.1m',
    );
  }
  if (usage.sesEmails > 0)
    add('ses', 'SES emails', 'sent by the application', usage.sesEmails, 'emails', 'ses.1k');
  for (const api of model.edge.apis) {
    add('apigw', 'API Gateway requests', api.name, usage.apiRequests, 'requests', 'apigw.rest.1m');
  }
  for (const s of model.data.secrets)
    add('secrets', 'Secrets Manager secret', s.name, 1, 'secret-months', 'secrets.secret');
  if (model.data.secrets.length > 0 && usage.secretsApiCalls > 0) {
    add('secrets', 'Secrets Manager API calls', 'all secrets', usage.secretsApiCalls, 'calls', 'secrets.10k');
  }
  for (const k of model.data.keys) add('kms', 'KMS customer managed key', k.name, 1, 'key-months', 'kms.key');
  if (model.data.keys.length > 0 && usage.kmsRequests > 0) {
    add('kms', 'KMS requests', 'all keys', usage.kmsRequests, 'requests', 'kms.10k');
  }
  if (model.observability.logGroups.length > 0 || model.compute.services.length > 0) {
    add(
      'logs',
      'CloudWatch Logs ingestion',
      `${model.observability.logGroups.length} log group(s)`,
      usage.logsGb,
      'GB',
      'logs.ingest.gb',
    );
  }
  const alarms = model.observability.alarms.length;
  if (alarms > 0)
    add(
      'alarms',
      'CloudWatch alarms',
      `${alarms} alarm(s), scaling alarms included`,
      alarms,
      'alarm-months',
      'cloudwatch.alarm',
    );
  for (const d of model.observability.dashboards)
    add('dashboards', 'CloudWatch dashboard', d.name, 1, 'dashboard-months', 'cloudwatch.dashboard');
  if (model.data.repositories.length > 0) {
    add(
      'ecr',
      'ECR storage',
      model.data.repositories.map((r) => r.name).join(', '),
      usage.ecrGb,
      'GB-months',
      'ecr.gb',
    );
  }

  if (
    model.compute.clusters.some(
      (c) => c.containerInsights === 'enabled' || c.containerInsights === 'enhanced',
    )
  ) {
    omitted.push(
      'Container Insights custom metrics (billed per metric; a few dollars a month for a small cluster).',
    );
  }
  omitted.push('Free tiers other than the always-free Lambda and SQS requests (an account-wide allowance).');
  const total = round2(lines.reduce((s, l) => s + l.monthly, 0));
  return { lines, total, omitted };
}
