import { asArray, asRecord, dig, type TemplateIndex } from '../template.ts';

export interface ListenerInfo {
  readonly id: string;
  readonly loadBalancer: string;
  readonly port: number | undefined;
  readonly protocol: string;
  readonly action: string;
  readonly certificate: boolean;
}

export interface TargetGroupInfo {
  readonly id: string;
  readonly name: string;
  readonly port: number | undefined;
  readonly protocol: string;
  readonly targetType: string;
  readonly healthCheck: string;
}

export interface DistributionInfo {
  readonly id: string;
  readonly name: string;
  readonly priceClass: string;
  readonly aliases: string[];
  readonly origins: { id: string; domain: string; kind: string }[];
  readonly behaviours: { path: string; origin: string; viewer: string; cache: string }[];
}

export interface EdgeInfo {
  readonly loadBalancers: { id: string; name: string; scheme: string; type: string; subnets: string[] }[];
  readonly listeners: ListenerInfo[];
  readonly targetGroups: TargetGroupInfo[];
  readonly distributions: DistributionInfo[];
  readonly apis: {
    id: string;
    name: string;
    kind: string;
    routes: { method: string; path: string; target: string }[];
  }[];
}

function actionText(t: TemplateIndex, actions: unknown): string {
  return asArray(actions)
    .map((a) => {
      const rec = asRecord(a) ?? {};
      const type = t.show(rec.Type);
      if (type === 'redirect') {
        const rc = asRecord(rec.RedirectConfig) ?? {};
        return `redirect to ${t.show(rc.Protocol) || 'same protocol'}:${t.show(rc.Port) || 'same port'} (${t.show(rc.StatusCode)})`;
      }
      if (type === 'forward') {
        const tg =
          t.refId(rec.TargetGroupArn) ??
          t.refId(dig(rec, 'ForwardConfig', 'TargetGroups', 0, 'TargetGroupArn'));
        return `forward to ${tg ? t.label(tg) : t.show(rec.TargetGroupArn)}`;
      }
      if (type === 'fixed-response')
        return `fixed response ${t.show(dig(rec, 'FixedResponseConfig', 'StatusCode'))}`;
      return type;
    })
    .join('; ');
}

const MANAGED_CACHE_POLICIES: Record<string, string> = {
  '658327ea-f89d-4fab-a63d-7e88639e58f6': 'managed CachingOptimized (TTL default 1 day)',
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad': 'managed CachingDisabled',
  'b2884449-e4de-46a7-ac36-70bc7f1ddd6d': 'managed CachingOptimizedForUncompressedObjects',
};

function cachePolicyText(t: TemplateIndex, value: unknown): string {
  const res = t.get(t.refId(value));
  if (res?.type === 'AWS::CloudFront::CachePolicy') {
    const c = asRecord(res.props.CachePolicyConfig) ?? {};
    const ttl = (k: string) => (c[k] === undefined ? '-' : `${t.show(c[k])} s`);
    return `${t.label(res.id)}: TTL default ${ttl('DefaultTTL')}, min ${ttl('MinTTL')}, max ${ttl('MaxTTL')}`;
  }
  const id = t.show(value);
  return MANAGED_CACHE_POLICIES[id] ?? `cache policy ${id}`;
}

function restRoutes(t: TemplateIndex, apiId: string) {
  const pathOf = (resourceId: string | undefined, depth = 0): string => {
    if (!resourceId || depth > 20) return '';
    const res = t.get(resourceId);
    if (res?.type !== 'AWS::ApiGateway::Resource') return '';
    return `${pathOf(t.refId(res.props.ParentId), depth + 1)}/${t.show(res.props.PathPart)}`;
  };
  return t
    .ofType('AWS::ApiGateway::Method')
    .filter((m) => t.refId(m.props.RestApiId) === apiId && t.show(m.props.HttpMethod) !== 'OPTIONS')
    .map((m) => {
      const uri = dig(m.props, 'Integration', 'Uri');
      const fn = findLambda(t, uri);
      return {
        method: t.show(m.props.HttpMethod),
        path: pathOf(t.refId(m.props.ResourceId)) || '/',
        target: fn ? t.label(fn) : t.show(dig(m.props, 'Integration', 'Type')),
      };
    });
}

function findLambda(t: TemplateIndex, value: unknown, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const id = t.refId(value);
  if (id && t.get(id)?.type === 'AWS::Lambda::Function') return id;
  const children = Array.isArray(value) ? value : Object.values(asRecord(value) ?? {});
  for (const c of children) {
    const found = findLambda(t, c, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Reads load balancers, listeners, target groups, CloudFront distributions and API Gateway APIs. */
export function readEdge(t: TemplateIndex): EdgeInfo {
  const loadBalancers = t.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer').map((r) => ({
    id: r.id,
    name: t.label(r.id),
    scheme: t.show(r.props.Scheme) || 'internet-facing',
    type: t.show(r.props.Type) || 'application',
    subnets: asArray(r.props.Subnets).map((s) => t.refId(s) ?? t.show(s)),
  }));
  const listeners = t.ofType('AWS::ElasticLoadBalancingV2::Listener').map((r) => {
    const lb = t.refId(r.props.LoadBalancerArn);
    return {
      id: r.id,
      loadBalancer: lb ? t.label(lb) : t.show(r.props.LoadBalancerArn),
      port: t.num(r.props.Port),
      protocol: t.show(r.props.Protocol),
      action: actionText(t, r.props.DefaultActions),
      certificate: asArray(r.props.Certificates).length > 0,
    };
  });
  const targetGroups = t.ofType('AWS::ElasticLoadBalancingV2::TargetGroup').map((r) => {
    const p = r.props;
    const parts = [
      t.show(p.HealthCheckPath) || '/',
      p.HealthCheckIntervalSeconds !== undefined ? `every ${t.show(p.HealthCheckIntervalSeconds)} s` : '',
      p.HealthCheckTimeoutSeconds !== undefined ? `timeout ${t.show(p.HealthCheckTimeoutSeconds)} s` : '',
      p.HealthyThresholdCount !== undefined ? `healthy ${t.show(p.HealthyThresholdCount)}` : '',
      p.UnhealthyThresholdCount !== undefined ? `unhealthy ${t.show(p.UnhealthyThresholdCount)}` : '',
    ].filter(Boolean);
    return {
      id: r.id,
      name: t.label(r.id),
      port: t.num(p.Port),
      protocol: t.show(p.Protocol),
      targetType: t.show(p.TargetType) || 'instance',
      healthCheck: parts.join(', '),
    };
  });
  const distributions = t.ofType('AWS::CloudFront::Distribution').map((r) => {
    const c = asRecord(r.props.DistributionConfig) ?? {};
    const origins = asArray(c.Origins).map((o) => {
      const rec = asRecord(o) ?? {};
      const kind = rec.S3OriginConfig
        ? rec.OriginAccessControlId
          ? 'S3 via origin access control'
          : 'S3'
        : rec.CustomOriginConfig
          ? `custom (${t.show(dig(rec, 'CustomOriginConfig', 'OriginProtocolPolicy'))})`
          : 'other';
      return { id: t.show(rec.Id), domain: t.show(rec.DomainName), kind };
    });
    const behaviour = (b: unknown, path: string) => {
      const rec = asRecord(b) ?? {};
      const ttl = rec.DefaultTTL !== undefined ? `TTL ${t.show(rec.DefaultTTL)} s` : '';
      const policy = rec.CachePolicyId !== undefined ? cachePolicyText(t, rec.CachePolicyId) : '';
      return {
        path,
        origin: t.show(rec.TargetOriginId),
        viewer: t.show(rec.ViewerProtocolPolicy),
        cache: [ttl, policy].filter(Boolean).join(', '),
      };
    };
    return {
      id: r.id,
      name: t.label(r.id),
      priceClass: t.show(c.PriceClass) || 'PriceClass_All',
      aliases: asArray(c.Aliases).map((a) => t.show(a)),
      origins,
      behaviours: [
        ...asArray(c.CacheBehaviors).map((b) => behaviour(b, t.show(asRecord(b)?.PathPattern))),
        behaviour(c.DefaultCacheBehavior, 'default (*)'),
      ],
    };
  });
  const apis = [
    ...t.ofType('AWS::ApiGateway::RestApi').map((r) => ({
      id: r.id,
      name: t.label(r.id),
      kind: 'REST API',
      routes: restRoutes(t, r.id),
    })),
    ...t.ofType('AWS::ApiGatewayV2::Api').map((r) => ({
      id: r.id,
      name: t.label(r.id),
      kind: `${t.show(r.props.ProtocolType)} API`,
      routes: t
        .ofType('AWS::ApiGatewayV2::Route')
        .filter((x) => t.refId(x.props.ApiId) === r.id)
        .map((x) => {
          const [method, path] = t.show(x.props.RouteKey).split(' ');
          return { method: method ?? '', path: path ?? '', target: t.show(x.props.Target) };
        }),
    })),
  ];
  return { loadBalancers, listeners, targetGroups, distributions, apis };
}
