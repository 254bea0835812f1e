import { type AwsCall, type AwsCallerName, awsCallsOf } from '@data-scanner/service';
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../lib/profiles/index.ts';
import { profileTemplate } from '../support/profile-template.ts';
import { type CfnJson, statementsOfRole } from '../support/template-queries.ts';

/** Namespaces whose grants must all come from a call in the code (no queue, bucket or messaging right unused). */
const EXACT_NAMESPACES = ['sqs', 's3', 'ses', 'sns'];
const ALL_ROLES: readonly AwsCallerName[] = ['api', 'worker', 'scheduler', 'notifier'];

/** A process as deployed: the IAM role its code runs with, what its code is, and its environment. */
interface DeployedCode {
  readonly what: string;
  readonly roleId: string;
  readonly callers: readonly AwsCallerName[];
  /** Variable name to its value (a CloudFormation expression for tokens). */
  readonly env: Readonly<Record<string, CfnJson>>;
}

const refId = (value: CfnJson): string | undefined =>
  value?.['Fn::GetAtt']?.[0] ?? (typeof value?.Ref === 'string' ? value.Ref : undefined);

/** Logical ids a CloudFormation expression refers to. */
function idsIn(value: CfnJson): string[] {
  return [...JSON.stringify(value ?? null).matchAll(/"(?:Ref|Fn::GetAtt)":\s*\[?"([A-Za-z0-9]+)"/g)].map(
    (m) => m[1] ?? '',
  );
}

function deployedCode(resources: Record<string, { Type: string; Properties?: CfnJson }>): DeployedCode[] {
  const found: DeployedCode[] = [];
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type === 'AWS::ECS::TaskDefinition') {
      const roleId = refId(r.Properties?.TaskRoleArn);
      for (const container of r.Properties?.ContainerDefinitions ?? []) {
        const command: string[] = container.Command ?? ['serve', '--role', 'all'];
        if (command[0] !== 'serve' || !roleId) continue;
        const roleArg = command[command.indexOf('--role') + 1] ?? 'all';
        const callers = roleArg
          .split(',')
          .flatMap((name) => (name === 'all' ? ALL_ROLES : [name as AwsCallerName]));
        const env = Object.fromEntries(
          [...(container.Environment ?? []), ...(container.Secrets ?? [])].map((e: CfnJson) => [
            e.Name,
            e.Value ?? e.ValueFrom,
          ]),
        );
        found.push({ what: `${id} (${roleArg})`, roleId, callers, env });
      }
    }
    if (r.Type === 'AWS::Lambda::Function') {
      const roleId = refId(r.Properties?.Role);
      const description = String(resources[roleId ?? '']?.Properties?.Description ?? '');
      const handler = /^Runtime role of the (\w+) function$/.exec(description)?.[1];
      if (!roleId || !handler) continue;
      found.push({
        what: `${id} (lambda ${handler})`,
        roleId,
        callers: [`lambda:${handler}` as AwsCallerName],
        env: r.Properties?.Environment?.Variables ?? {},
      });
    }
  }
  return found;
}

/** Whether an IAM action pattern (`sqs:*`, `s3:Get*`) allows `action`. */
const allows = (pattern: string, action: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(action);

const list = (value: CfnJson): CfnJson[] => (Array.isArray(value) ? value : [value]);

/** The logical ids a call's resource must name, from the environment that points the code at it. */
function expectedIds(call: AwsCall, env: Readonly<Record<string, CfnJson>>): string[] | undefined {
  switch (call.resource) {
    case 'scan-queue':
      return idsIn(env.SCAN_QUEUE_URL);
    case 'dead-letter-queue':
      return idsIn(env.SCAN_DLQ_URL);
    case 'scan-bucket':
    case 'scan-objects':
      return idsIn(env.SCAN_S3_BUCKETS);
    case 'report-bucket':
    case 'report-objects':
      return idsIn(env.REPORTS_BUCKET);
    default:
      return undefined;
  }
}

function grants(statement: CfnJson, call: AwsCall, env: Readonly<Record<string, CfnJson>>): boolean {
  if (statement.Effect !== 'Allow' || !list(statement.Action).some((a: string) => allows(a, call.action)))
    return false;
  const named = env.SCAN_S3_BUCKETS;
  if ((call.resource === 'scan-bucket' || call.resource === 'scan-objects') && typeof named === 'string') {
    // Buckets named by `-c scanBuckets=` are plain names, not references: the grant must name each.
    const resources = JSON.stringify(statement.Resource);
    return named.split(',').every((bucket) => resources.includes(`:::${bucket.trim()}`));
  }
  const ids = expectedIds(call, env);
  if (!ids || ids.length === 0) return true;
  return list(statement.Resource).some((resource) => ids.some((id) => idsIn(resource).includes(id)));
}

// Each profile as it synthesizes by default, and production with scan buckets: only its worker may read them.
const TARGETS: readonly (readonly [string, Readonly<Record<string, string>>])[] = [
  ...PROFILES.map((p) => [p.id, {}] as const),
  ['production', { scanBuckets: 'acme-data,acme-archive' }],
];

describe.each(TARGETS)(
  '%s %j: each role may make exactly the AWS calls its code makes',
  (profile, options) => {
    const template = profileTemplate(
      profile,
      PROFILES.find((p) => p.id === profile)?.fixedEnv ?? 'dev',
      options,
    );
    const code = deployedCode(template.toJSON().Resources);

    it('finds the deployed processes', () => {
      expect(code.length).toBeGreaterThan(0);
    });

    it.each(code.map((c) => [c.what, c] as const))('%s', (_what, deployed) => {
      const statements = statementsOfRole(template, deployed.roleId);
      const values = Object.fromEntries(
        Object.entries(deployed.env).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      );
      const calls = awsCallsOf(deployed.callers, values);
      if (deployed.callers.some((c) => c.startsWith('lambda:')) && deployed.env.DATABASE_URL_SECRET_ARN) {
        // The cold-start adapter bundled in front of each handler (infra lib/runtime/database-url.ts).
        calls.push({
          command: 'GetSecretValueCommand',
          action: 'secretsmanager:GetSecretValue',
          resource: '*',
        });
      }
      const missing = calls
        .filter((call) => !statements.some((s) => grants(s, call, deployed.env)))
        .map((c) => `${c.action} on ${c.resource} (${c.command})`);
      expect(missing, 'calls the code makes without a grant').toEqual([]);

      const needed = new Set(calls.map((c) => c.action.toLowerCase()));
      const unused = statements
        .filter((s) => s.Effect === 'Allow')
        .flatMap((s) => list(s.Action) as string[])
        .filter((a) => EXACT_NAMESPACES.includes(a.split(':')[0] ?? '') && !needed.has(a.toLowerCase()));
      expect(unused, 'queue, bucket or messaging grants no code calls').toEqual([]);
    });
  },
);
