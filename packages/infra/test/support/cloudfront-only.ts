import type { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import type { CfnJson } from './template-queries.ts';

type Resources = Record<string, { Type: string; Properties?: CfnJson }>;

/** The origin header CloudFront sends and the listener rules require, as the template holds them. */
export interface OriginHeaderUse {
  /** What CloudFront's API origin sends: `[{HeaderName, HeaderValue}]`. */
  readonly cloudFront: CfnJson[];
  /** The http-header condition of every forwarding listener rule. */
  readonly rules: CfnJson[];
}

/** The ALB security group's ingress rules, inline and separate, as written in the template. */
export function albIngress(template: Template): CfnJson[] {
  const groups = Object.entries(template.findResources('AWS::EC2::SecurityGroup') as Resources).filter(
    ([, g]) => String(g.Properties?.GroupDescription ?? '').startsWith('ALB'),
  );
  expect(groups).toHaveLength(1);
  const [id, group] = groups[0] as [string, { Properties?: CfnJson }];
  const separate = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress') as Resources)
    .filter((r) => r.Properties?.GroupId?.['Fn::GetAtt']?.[0] === id)
    .map((r) => {
      const { GroupId: _, ...rule } = r.Properties;
      return rule;
    });
  return [...(group.Properties?.SecurityGroupIngress ?? []), ...separate];
}

/** The fixed-response status of every listener's default action, by port. */
export function listenerDefaults(template: Template): Record<number, string> {
  const out: Record<number, string> = {};
  for (const l of Object.values(
    template.findResources('AWS::ElasticLoadBalancingV2::Listener') as Resources,
  )) {
    const action = l.Properties?.DefaultActions?.[0];
    out[l.Properties?.Port] = action?.FixedResponseConfig?.StatusCode ?? action?.Type;
  }
  return out;
}

/** Where the origin header appears: CloudFront's custom origin headers and each forwarding rule's header condition. */
export function originHeaderUse(template: Template): OriginHeaderUse {
  const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution') as Resources)[0];
  const custom = (distribution?.Properties?.DistributionConfig?.Origins ?? []).filter(
    (o: CfnJson) => o.CustomOriginConfig !== undefined,
  );
  const rules = Object.values(
    template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule') as Resources,
  )
    .filter((r) => r.Properties?.Actions?.some((a: CfnJson) => a.Type === 'forward'))
    .map((r) => r.Properties?.Conditions?.find((c: CfnJson) => c.Field === 'http-header')?.HttpHeaderConfig);
  return { cloudFront: custom.map((o: CfnJson) => o.OriginCustomHeaders), rules };
}
