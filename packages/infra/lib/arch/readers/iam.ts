import { asArray, asRecord, dig, type TemplateIndex } from '../template.ts';

export interface StatementInfo {
  readonly effect: string;
  readonly actions: string[];
  readonly resources: string[];
  /** True when a resource is exactly `*`. */
  readonly anyResource: boolean;
  readonly policy: string;
  /** Logical ids of the template resources the statement names. */
  readonly targets: string[];
}

export interface RoleInfo {
  readonly id: string;
  readonly name: string;
  readonly principals: string[];
  readonly managedPolicies: string[];
  readonly statements: StatementInfo[];
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function statements(t: TemplateIndex, doc: unknown, policy: string): StatementInfo[] {
  return list(dig(doc, 'Statement')).map((s) => {
    const rec = asRecord(s) ?? {};
    const resources = list(rec.Resource).map((r) => t.show(r));
    return {
      effect: t.show(rec.Effect),
      actions: list(rec.Action ?? rec.NotAction).map((a) => t.show(a)),
      resources,
      anyResource: list(rec.Resource).some((r) => r === '*'),
      policy,
      targets: [...t.refsIn(rec.Resource)],
    };
  });
}

/** Reads IAM roles with their trusted principals, managed policies and every statement that applies to them. */
export function readIam(t: TemplateIndex): RoleInfo[] {
  const attached = new Map<string, StatementInfo[]>();
  const managed = new Map<string, string[]>();
  for (const pol of [...t.ofType('AWS::IAM::Policy'), ...t.ofType('AWS::IAM::ManagedPolicy')]) {
    const stmts = statements(t, pol.props.PolicyDocument, t.label(pol.id));
    for (const role of asArray(pol.props.Roles)) {
      const id = t.refId(role);
      if (id) attached.set(id, [...(attached.get(id) ?? []), ...stmts]);
    }
    if (pol.type === 'AWS::IAM::ManagedPolicy') {
      for (const role of asArray(pol.props.Roles)) {
        const id = t.refId(role);
        if (id) managed.set(id, [...(managed.get(id) ?? []), t.label(pol.id)]);
      }
    }
  }
  return t.ofType('AWS::IAM::Role').map((r) => {
    const inline = asArray(r.props.Policies).flatMap((p) => {
      const rec = asRecord(p) ?? {};
      return statements(t, rec.PolicyDocument, t.show(rec.PolicyName));
    });
    const principals = list(dig(r.props, 'AssumeRolePolicyDocument', 'Statement')).flatMap((s) => {
      const principal = asRecord(asRecord(s)?.Principal) ?? {};
      return Object.values(principal).flatMap((v) => list(v).map((x) => t.show(x)));
    });
    return {
      id: r.id,
      name: t.label(r.id),
      principals,
      managedPolicies: [
        ...asArray(r.props.ManagedPolicyArns).map((a) =>
          t
            .show(a)
            .replace(/^arn:aws:iam::aws:policy\//, '')
            .replace(/^.*:policy\//, ''),
        ),
        ...(managed.get(r.id) ?? []),
      ],
      statements: [...inline, ...(attached.get(r.id) ?? [])],
    };
  });
}
