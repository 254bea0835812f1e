import { asArray, asRecord, dig, type TemplateIndex } from '../template.ts';

export interface ContainerInfo {
  readonly name: string;
  readonly image: string;
  readonly ports: number[];
  readonly healthCheck: string;
  readonly secrets: string[];
  readonly command: string;
}

export interface EcsServiceInfo {
  readonly id: string;
  readonly name: string;
  readonly cluster: string;
  /** vCPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  /** Memory in MiB. */
  readonly memory: number;
  readonly desiredCount: number;
  readonly architecture: string;
  /** Capacity providers with weight and base, or the launch type. */
  readonly capacity: { provider: string; weight: number; base: number }[];
  readonly minHealthyPercent: number | undefined;
  readonly maxPercent: number | undefined;
  readonly circuitBreaker: string;
  readonly execCommand: boolean;
  readonly containers: ContainerInfo[];
  readonly targetGroups: string[];
  readonly subnets: string[];
  readonly taskRole: string | undefined;
  readonly executionRole: string | undefined;
}

export interface LambdaInfo {
  readonly id: string;
  readonly name: string;
  readonly runtime: string;
  readonly memory: number;
  readonly timeout: number;
  readonly architecture: string;
  readonly inVpc: boolean;
  readonly role: string | undefined;
}

export interface InstanceInfo {
  readonly id: string;
  readonly name: string;
  readonly instanceType: string;
  readonly subnet: string;
  readonly publicIp: boolean;
}

export interface ComputeInfo {
  readonly clusters: { id: string; name: string; containerInsights: string; providers: string[] }[];
  readonly services: EcsServiceInfo[];
  readonly functions: LambdaInfo[];
  readonly instances: InstanceInfo[];
}

/** Container asset URIs carry a content hash that changes with every commit: name the source instead. */
function imageText(image: string): string {
  if (/container-assets-.*:[0-9a-f]{64}$/.test(image))
    return 'built from the repository Dockerfile (CDK image asset)';
  // The asset copied into the profile's own repository under its hash (ProfileImage).
  const copied = /\.amazonaws\.com\/([^:]+):[0-9a-f]{64}$/.exec(image);
  if (copied)
    return `built from the repository Dockerfile, copied into ECR repository ${copied[1]} on deploy`;
  return image;
}

function healthCheck(t: TemplateIndex, hc: unknown): string {
  const cmd = asArray(asRecord(hc)?.Command).map((c) => t.show(c));
  if (cmd.length === 0) return '';
  const text = cmd[0] === 'CMD-SHELL' || cmd[0] === 'CMD' ? cmd.slice(1).join(' ') : cmd.join(' ');
  const interval = t.num(asRecord(hc)?.Interval);
  return interval ? `${text} (every ${interval} s)` : text;
}

/** Reads ECS clusters and services with their task definitions, Lambda functions and EC2 instances. */
export function readCompute(t: TemplateIndex): ComputeInfo {
  const clusterProviders = new Map<string, string[]>();
  for (const a of t.ofType('AWS::ECS::ClusterCapacityProviderAssociations')) {
    const cluster = t.refId(a.props.Cluster);
    if (cluster)
      clusterProviders.set(
        cluster,
        asArray(a.props.CapacityProviders).map((p) => t.show(p)),
      );
  }
  const clusters = t.ofType('AWS::ECS::Cluster').map((r) => {
    const insights = asArray(r.props.ClusterSettings)
      .map((s) => asRecord(s))
      .find((s) => s?.Name === 'containerInsights');
    return {
      id: r.id,
      name: t.label(r.id),
      containerInsights: insights ? t.show(insights.Value) : 'disabled',
      providers: clusterProviders.get(r.id) ?? asArray(r.props.CapacityProviders).map((p) => t.show(p)),
    };
  });

  const services = t.ofType('AWS::ECS::Service').map((r): EcsServiceInfo => {
    const p = r.props;
    const td = t.get(t.refId(p.TaskDefinition));
    const tp = td?.props ?? {};
    const strategy = asArray(p.CapacityProviderStrategy).map((s) => {
      const rec = asRecord(s) ?? {};
      return {
        provider: t.show(rec.CapacityProvider),
        weight: t.num(rec.Weight) ?? 0,
        base: t.num(rec.Base) ?? 0,
      };
    });
    const launch = t.show(p.LaunchType);
    const cb = asRecord(dig(p, 'DeploymentConfiguration', 'DeploymentCircuitBreaker'));
    const containers = asArray(tp.ContainerDefinitions).map((c): ContainerInfo => {
      const rec = asRecord(c) ?? {};
      return {
        name: t.show(rec.Name),
        image: imageText(t.show(rec.Image)),
        ports: asArray(rec.PortMappings)
          .map((m) => t.num(asRecord(m)?.ContainerPort))
          .filter((x): x is number => x !== undefined),
        healthCheck: healthCheck(t, rec.HealthCheck),
        secrets: asArray(rec.Secrets).map((s) => t.show(asRecord(s)?.Name)),
        command: asArray(rec.Command)
          .map((x) => t.show(x))
          .join(' '),
      };
    });
    const cluster = t.refId(p.Cluster);
    return {
      id: r.id,
      name: t.label(r.id),
      cluster: cluster ? t.label(cluster) : t.show(p.Cluster),
      cpu: t.num(tp.Cpu) ?? 0,
      memory: t.num(tp.Memory) ?? 0,
      desiredCount: t.num(p.DesiredCount) ?? 1,
      architecture: t.show(dig(tp, 'RuntimePlatform', 'CpuArchitecture')) || 'X86_64',
      capacity: strategy.length > 0 ? strategy : [{ provider: launch || 'FARGATE', weight: 1, base: 0 }],
      minHealthyPercent: t.num(dig(p, 'DeploymentConfiguration', 'MinimumHealthyPercent')),
      maxPercent: t.num(dig(p, 'DeploymentConfiguration', 'MaximumPercent')),
      circuitBreaker: cb
        ? t.bool(cb.Enable)
          ? t.bool(cb.Rollback)
            ? 'on, with rollback'
            : 'on'
          : 'off'
        : 'off',
      execCommand: t.bool(p.EnableExecuteCommand) ?? false,
      containers,
      targetGroups: asArray(p.LoadBalancers).map((lb) => {
        const id = t.refId(asRecord(lb)?.TargetGroupArn);
        return id ?? t.show(asRecord(lb)?.TargetGroupArn);
      }),
      subnets: asArray(dig(p, 'NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets')).map(
        (s) => t.refId(s) ?? t.show(s),
      ),
      taskRole: t.refId(tp.TaskRoleArn),
      executionRole: t.refId(tp.ExecutionRoleArn),
    };
  });

  const functions = t.ofType('AWS::Lambda::Function').map((r) => ({
    id: r.id,
    name: t.label(r.id),
    runtime: t.show(r.props.Runtime),
    memory: t.num(r.props.MemorySize) ?? 128,
    timeout: t.num(r.props.Timeout) ?? 3,
    architecture: t.show(r.props.Architectures) || 'x86_64',
    inVpc: asRecord(r.props.VpcConfig) !== undefined,
    role: t.refId(r.props.Role),
  }));

  const instances = t.ofType('AWS::EC2::Instance').map((r) => {
    const nic = asRecord(asArray(r.props.NetworkInterfaces)[0]);
    const subnet = t.refId(r.props.SubnetId ?? nic?.SubnetId);
    return {
      id: r.id,
      name: t.label(r.id),
      instanceType: t.show(r.props.InstanceType),
      subnet: subnet ? t.label(subnet) : '',
      publicIp: t.bool(nic?.AssociatePublicIpAddress) ?? false,
    };
  });

  return { clusters, services, functions, instances };
}
