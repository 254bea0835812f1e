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
