import type { Template } from 'aws-cdk-lib/assertions';

/** Synthesised CloudFormation JSON: untyped by nature, read by the assertions below. */
// biome-ignore lint/suspicious/noExplicitAny: template JSON has no static type
export type CfnJson = any;

type Resources = Record<string, { Type: string; Properties?: CfnJson }>;

/** Logical id of the one security group whose description starts with `prefix`. */
export function securityGroupId(template: Template, prefix: string): string {
  const found = Object.entries(template.findResources('AWS::EC2::SecurityGroup') as Resources).filter(
    ([, r]) => String(r.Properties?.GroupDescription ?? '').startsWith(prefix),
  );
  if (found.length !== 1)
    throw new Error(`expected one security group "${prefix}...", found ${found.length}`);
  return (found[0] as [string, unknown])[0];
}

/** Every ingress rule (inline or separate) of a security group, as {from, to, source}. */
export function ingressOf(template: Template, groupId: string): { port: number; source: string }[] {
  const rules: { port: number; source: string }[] = [];
  const group = (template.toJSON().Resources as Resources)[groupId];
  for (const rule of group?.Properties?.SecurityGroupIngress ?? []) {
    rules.push({ port: rule.FromPort, source: rule.CidrIp ?? JSON.stringify(rule.SourceSecurityGroupId) });
  }
  for (const r of Object.values(template.findResources('AWS::EC2::SecurityGroupIngress') as Resources)) {
    const target = r.Properties?.GroupId?.['Fn::GetAtt']?.[0];
    if (target !== groupId) continue;
    const source = r.Properties?.SourceSecurityGroupId?.['Fn::GetAtt']?.[0] ?? r.Properties?.CidrIp;
    rules.push({ port: r.Properties.FromPort, source });
  }
  return rules;
}

/** Logical id of the one resource of `type` whose properties contain `name` under `key`. */
export function idByName(template: Template, type: string, key: string, name: string): string {
  const found = Object.entries(template.findResources(type) as Resources).filter(
    ([, r]) => r.Properties?.[key] === name,
  );
  if (found.length !== 1) throw new Error(`expected one ${type} with ${key}=${name}, found ${found.length}`);
  return (found[0] as [string, unknown])[0];
}

/** Logical id of the one IAM role whose logical id starts with `prefix`. */
export function roleIdStartingWith(template: Template, prefix: string): string {
  const found = Object.keys(template.findResources('AWS::IAM::Role')).filter((id) => id.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one IAM role "${prefix}...", found ${found.length}`);
  return found[0] as string;
}

/** All IAM statements attached to a role (inline policies of AWS::IAM::Policy resources naming it). */
export function statementsOfRole(template: Template, roleId: string): CfnJson[] {
  const statements: CfnJson[] = [];
  for (const policy of Object.values(template.findResources('AWS::IAM::Policy') as Resources)) {
    const roles = (policy.Properties?.Roles ?? []).map((r: CfnJson) => r.Ref);
    if (roles.includes(roleId)) statements.push(...policy.Properties.PolicyDocument.Statement);
  }
  return statements;
}

/** The actions of a set of statements, flattened. */
export function actionsOf(statements: readonly CfnJson[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

/** The environment of the (first) container of the task definition of a family, name → value. */
export function containerEnvironment(template: Template, family: string): Record<string, CfnJson> {
  const container = containerOf(template, family);
  return Object.fromEntries(
    (container.Environment ?? []).map((e: { Name: string; Value: CfnJson }) => [e.Name, e.Value]),
  );
}

/** The names of the secrets injected into the (first) container of a family's task definition. */
export function containerSecretNames(template: Template, family: string): string[] {
  return (containerOf(template, family).Secrets ?? []).map((s: { Name: string }) => s.Name);
}

/** The command of the (first) container of a family's task definition. */
export function containerCommand(template: Template, family: string): string[] {
  return containerOf(template, family).Command ?? [];
}

function containerOf(template: Template, family: string): CfnJson {
  const found = Object.values(template.findResources('AWS::ECS::TaskDefinition') as Resources).filter(
    (r) => r.Properties?.Family === family,
  );
  if (found.length !== 1) throw new Error(`expected one task definition ${family}, found ${found.length}`);
  return found[0]?.Properties.ContainerDefinitions[0];
}

/**
 * The routes of the route table associated with the subnet of this CIDR, found through the subnet's
 * CIDR (not its logical id) and its route table association.
 */
export function routesOfSubnet(template: Template, cidr: string): CfnJson[] {
  const subnets = Object.entries(template.findResources('AWS::EC2::Subnet') as Resources).filter(
    ([, r]) => r.Properties?.CidrBlock === cidr,
  );
  if (subnets.length !== 1) throw new Error(`expected one subnet ${cidr}, found ${subnets.length}`);
  const subnetId = (subnets[0] as [string, unknown])[0];
  const tables = Object.values(template.findResources('AWS::EC2::SubnetRouteTableAssociation') as Resources)
    .filter((a) => a.Properties?.SubnetId?.Ref === subnetId)
    .map((a) => a.Properties.RouteTableId.Ref as string);
  if (tables.length !== 1) throw new Error(`subnet ${cidr} has ${tables.length} route table associations`);
  return Object.values(template.findResources('AWS::EC2::Route') as Resources)
    .map((r) => r.Properties)
    .filter((r) => r?.RouteTableId?.Ref === tables[0]);
}
