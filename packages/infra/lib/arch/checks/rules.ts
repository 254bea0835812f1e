import type { ArchModel } from '../model.ts';
import { portRange } from '../readers/security-groups.ts';
import { asArray } from '../template.ts';
import { resourceStarAllowed } from './wildcard-allowlist.ts';

/** The outcome of one rule on one resource. */
export interface CheckResult {
  readonly rule: string;
  readonly subject: string;
  readonly ok: boolean;
  readonly detail: string;
}

const OPEN = new Set(['0.0.0.0/0', '::/0']);
const LB_TYPES = new Set(['AWS::ElasticLoadBalancingV2::LoadBalancer']);

function ingressRules(m: ArchModel): CheckResult[] {
  const out: CheckResult[] = [];
  for (const r of m.securityGroups.ingress) {
    if (!OPEN.has(r.source)) continue;
    const group = m.securityGroups.groups.find((g) => g.id === r.group);
    const isLb = (group?.memberTypes.length ?? 0) > 0 && group?.memberTypes.every((t) => LB_TYPES.has(t));
    const webPort =
      r.protocol === 'tcp' && r.fromPort === r.toPort && (r.fromPort === 80 || r.fromPort === 443);
    out.push({
      rule: 'open-ingress',
      subject: group?.name ?? r.group,
      ok: Boolean(isLb && webPort),
      detail: `${r.source} -> ${portRange(r)}/${r.protocol}${isLb ? ' (load balancer)' : ''}`,
    });
  }
  return out;
}

function encryption(m: ArchModel): CheckResult[] {
  return [
    ...m.data.databases.map((d) => ({
      rule: 'encryption-at-rest',
      subject: `database ${d.name}`,
      ok: d.encrypted,
      detail: d.encrypted
        ? `storage encrypted${d.kmsKey ? ` with ${d.kmsKey}` : ''}`
        : 'StorageEncrypted is off',
    })),
    ...m.data.caches.map((c) => ({
      rule: 'encryption-at-rest',
      subject: `cache ${c.name}`,
      ok: c.atRest,
      detail: c.atRest ? 'at-rest encryption on' : 'AtRestEncryptionEnabled is off',
    })),
    ...m.data.buckets.map((b) => ({
      rule: 'encryption-at-rest',
      subject: `bucket ${b.name}`,
      ok: !b.encryption.includes('default'),
      detail: b.encryption.includes('default') ? 'no BucketEncryption configured' : b.encryption,
    })),
    ...m.data.queues.map((q) => ({
      rule: 'encryption-at-rest',
      subject: `queue ${q.name}`,
      ok: q.encryption !== 'none',
      detail: q.encryption,
    })),
    ...m.data.secrets.map((s) => ({
      rule: 'encryption-at-rest',
      subject: `secret ${s.name}`,
      ok: true,
      detail: `KMS ${s.kmsKey}`,
    })),
  ];
}

function publicDatabases(m: ArchModel): CheckResult[] {
  const t = m.index;
  const tierOf = new Map(m.network.subnets.map((s) => [s.id, s.tier]));
  return t.ofType('AWS::RDS::DBInstance').map((db) => {
    const group = t.get(t.refId(db.props.DBSubnetGroupName));
    const tiers = asArray(group?.props.SubnetIds).map((s) => tierOf.get(t.refId(s) ?? '') ?? 'unknown');
    const publicFlag = t.bool(db.props.PubliclyAccessible) ?? false;
    const inPublic = tiers.includes('public');
    return {
      rule: 'no-public-database',
      subject: `database ${t.label(db.id)}`,
      ok: !publicFlag && !inPublic,
      detail: `PubliclyAccessible ${publicFlag}; subnets: ${tiers.join(', ') || 'default VPC'}`,
    };
  });
}

function tlsOnly(m: ArchModel): CheckResult[] {
  return m.data.buckets.map((b) => ({
    rule: 'tls-only-bucket',
    subject: `bucket ${b.name}`,
    ok: b.tlsOnly,
    detail: b.tlsOnly ? 'denies aws:SecureTransport false' : 'no policy denying requests without TLS',
  }));
}

function backups(m: ArchModel): CheckResult[] {
  return m.data.databases.map((d) => ({
    rule: 'backups-7-days',
    subject: `database ${d.name}`,
    ok: d.backupDays >= 7,
    detail: `${d.backupDays} days`,
  }));
}

function deletionProtection(m: ArchModel, env: string): CheckResult[] {
  if (env !== 'prod') return [];
  return m.data.databases.map((d) => ({
    rule: 'deletion-protection-prod',
    subject: `database ${d.name}`,
    ok: d.deletionProtection,
    detail: d.deletionProtection ? 'on' : 'DeletionProtection is off',
  }));
}

function iam(m: ArchModel): CheckResult[] {
  const out: CheckResult[] = [];
  for (const role of m.iam) {
    for (const s of role.statements) {
      if (s.effect !== 'Allow') continue;
      if (s.actions.includes('*')) {
        out.push({
          rule: 'no-action-star',
          subject: `role ${role.name}`,
          ok: false,
          detail: `${s.policy}: Action "*"`,
        });
      }
      if (s.anyResource) {
        const bad = s.actions.filter((a) => !resourceStarAllowed(a));
        out.push({
          rule: 'resource-star-only-where-needed',
          subject: `role ${role.name}`,
          ok: bad.length === 0,
          detail:
            bad.length === 0
              ? `${s.actions.join(', ')} on * (no narrower resource exists)`
              : `${bad.join(', ')} on * (scope to the resources it needs)`,
        });
      }
    }
  }
  return out;
}

/** Runs the project's rules over what the templates deploy. */
export function runRules(m: ArchModel, env: string): CheckResult[] {
  return [
    ...ingressRules(m),
    ...encryption(m),
    ...publicDatabases(m),
    ...tlsOnly(m),
    ...backups(m),
    ...deletionProtection(m, env),
    ...iam(m),
  ];
}
