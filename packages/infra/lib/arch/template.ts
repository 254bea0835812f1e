/** One resource of a CloudFormation template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

/** The parts of a synthesized CloudFormation template the readers use. */
export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResource>;
  readonly Parameters?: Record<string, { readonly Type?: string; readonly Default?: unknown }>;
  readonly Metadata?: Record<string, unknown>;
}

/** A template with the stack it came from. */
export interface StackTemplate {
  readonly stackName: string;
  readonly template: CfnTemplate;
}

/** A resource as the readers see it: where it came from and its properties. */
export interface ResourceEntry {
  readonly id: string;
  readonly stack: string;
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly path: string | undefined;
}

const NAME_PROPERTIES = [
  'FunctionName',
  'QueueName',
  'BucketName',
  'RoleName',
  'LogGroupName',
  'AlarmName',
  'DashboardName',
  'ServiceName',
  'ClusterName',
  'RepositoryName',
  'DBInstanceIdentifier',
  'ReplicationGroupId',
  'ClusterName',
  'GroupName',
  'TopicName',
  'Name',
];

const PSEUDO: Record<string, string> = {
  'AWS::Region': '<region>',
  'AWS::AccountId': '<account>',
  'AWS::StackName': '<stack>',
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::NoValue': '',
};

/** Returns the record for a plain JSON object, else undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Returns the array for a JSON array, else an empty one. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Index over one or more synthesized templates: finds resources by type, resolves `Ref` and
 * `Fn::GetAtt` to logical ids, and renders intrinsic values as readable text.
 */
export class TemplateIndex {
  /** Every resource, keyed by logical id (prefixed with the stack name when two stacks share an id). */
  readonly resources = new Map<string, ResourceEntry>();
  private readonly parameters = new Map<string, unknown>();

  constructor(stacks: readonly StackTemplate[]) {
    for (const { stackName, template } of stacks) {
      for (const [name, param] of Object.entries(template.Parameters ?? {})) {
        this.parameters.set(name, param.Default);
      }
      for (const [id, res] of Object.entries(template.Resources ?? {})) {
        const key = this.resources.has(id) ? `${stackName}.${id}` : id;
        const path = res.Metadata?.['aws:cdk:path'];
        this.resources.set(key, {
          id: key,
          stack: stackName,
          type: res.Type,
          props: res.Properties ?? {},
          path: typeof path === 'string' ? path : undefined,
        });
      }
    }
  }

  /** Resources of one CloudFormation type, in template order. */
  ofType(type: string): ResourceEntry[] {
    return [...this.resources.values()].filter((r) => r.type === type);
  }

  get(id: string | undefined): ResourceEntry | undefined {
    return id === undefined ? undefined : this.resources.get(id);
  }

  /** The logical id a `Ref` or `Fn::GetAtt` points at, if it names a resource of these templates. */
  refId(value: unknown): string | undefined {
    const rec = asRecord(value);
    if (!rec) return undefined;
    const ref = rec.Ref;
    if (typeof ref === 'string' && this.resources.has(ref)) return ref;
    const att = rec['Fn::GetAtt'];
    const target = Array.isArray(att) ? att[0] : typeof att === 'string' ? att.split('.')[0] : undefined;
    if (typeof target === 'string' && this.resources.has(target)) return target;
    return undefined;
  }

  /** Every resource id referenced (by `Ref` or `Fn::GetAtt`) anywhere inside a value. */
  refsIn(value: unknown, out: Set<string> = new Set(), depth = 0): Set<string> {
    if (depth > 12) return out;
    const id = this.refId(value);
    if (id) out.add(id);
    const children = Array.isArray(value) ? value : Object.values(asRecord(value) ?? {});
    for (const c of children) if (typeof c === 'object' && c !== null) this.refsIn(c, out, depth + 1);
    return out;
  }

  /** A readable name for a resource: its name property, else its CDK path, else its logical id without the hash. */
  label(id: string): string {
    const res = this.resources.get(id);
    if (!res) return id;
    for (const prop of NAME_PROPERTIES) {
      const v = res.props[prop];
      if (v !== undefined && res.type !== 'AWS::EC2::VPCEndpoint') {
        const text = this.show(v, false);
        if (text) return text;
      }
    }
    if (res.path) {
      const parts = res.path.split('/').slice(1);
      while (parts.length > 1 && /^(Resource|Default)$/.test(parts[parts.length - 1] ?? '')) parts.pop();
      if (parts.length > 0) return parts.join('/');
    }
    return id.replace(/[0-9A-F]{8}$/, '');
  }

  /** Renders any template value (literal or intrinsic) as text. */
  show(value: unknown, resolveRefs = true): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      return String(value);
    if (Array.isArray(value)) return value.map((v) => this.show(v, resolveRefs)).join(', ');
    const rec = asRecord(value) ?? {};
    if (typeof rec.Ref === 'string') {
      const ref = rec.Ref;
      if (ref in PSEUDO) return PSEUDO[ref] ?? ref;
      if (this.parameters.has(ref)) {
        const def = this.parameters.get(ref);
        return def === undefined || def === '' ? `<${ref}>` : String(def);
      }
      return resolveRefs && this.resources.has(ref) ? this.label(ref) : ref;
    }
    if ('Fn::GetAtt' in rec) {
      const id = this.refId(rec);
      const att = rec['Fn::GetAtt'];
      const attr = Array.isArray(att) ? String(att[1]) : String(att).split('.').slice(1).join('.');
      if (!id) return this.show(att);
      return /^(QueueName|Name|TopicName|LogGroupName)$/.test(attr)
        ? this.label(id)
        : `${this.label(id)}.${attr}`;
    }
    if ('Fn::Join' in rec) {
      const [sep, parts] = asArray(rec['Fn::Join']);
      return asArray(parts)
        .map((p) => this.show(p, resolveRefs))
        .join(typeof sep === 'string' ? sep : '');
    }
    if ('Fn::Sub' in rec) {
      const sub = rec['Fn::Sub'];
      const text = Array.isArray(sub) ? String(sub[0]) : String(sub);
      const vars = Array.isArray(sub) ? (asRecord(sub[1]) ?? {}) : {};
      return text.replace(/\$\{([^}]+)\}/g, (m, name: string) =>
        name in vars ? this.show(vars[name]) : name in PSEUDO ? (PSEUDO[name] ?? m) : m,
      );
    }
    if ('Fn::Select' in rec) {
      const [index, list] = asArray(rec['Fn::Select']);
      if (asRecord(list) && 'Fn::GetAZs' in (asRecord(list) ?? {})) return `AZ ${Number(index) + 1}`;
      const items = asArray(list);
      return items.length > 0 ? this.show(items[Number(index)]) : `${this.show(list)}[${index}]`;
    }
    if ('Fn::ImportValue' in rec) return `import(${this.show(rec['Fn::ImportValue'])})`;
    if ('Fn::If' in rec) {
      const [, yes, no] = asArray(rec['Fn::If']);
      return `${this.show(yes)} | ${this.show(no)}`;
    }
    if ('Fn::GetAZs' in rec) return 'all AZs';
    return JSON.stringify(value);
  }

  /** A number from a literal, a numeric string, or a parameter default; undefined otherwise. */
  num(value: unknown): number | undefined {
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
      return Number(value);
    const ref = asRecord(value)?.Ref;
    if (typeof ref === 'string' && this.parameters.has(ref)) return this.num(this.parameters.get(ref));
    const att = asRecord(value)?.['Fn::GetAtt'];
    if (Array.isArray(att) && /(^|\.)Port$/.test(String(att[1]))) return this.endpointPort(String(att[0]));
    return undefined;
  }

  /** The port of a database or cache endpoint: its `Port` property, else the engine's default. */
  private endpointPort(id: string): number | undefined {
    const res = this.resources.get(id);
    if (!res) return undefined;
    const explicit = this.num(res.props.Port);
    if (explicit !== undefined) return explicit;
    const engine = this.show(res.props.Engine).toLowerCase();
    if (res.type.startsWith('AWS::ElastiCache::')) return engine === 'memcached' ? 11211 : 6379;
    if (engine.includes('postgres')) return 5432;
    if (engine.includes('mysql') || engine.includes('mariadb')) return 3306;
    return undefined;
  }

  /** A boolean from a literal or a "true"/"false" string. */
  bool(value: unknown): boolean | undefined {
    if (typeof value === 'boolean') return value;
    if (value === 'true') return true;
    if (value === 'false') return false;
    return undefined;
  }
}

/** Reads a nested property path such as `['DistributionConfig', 'Origins']`. */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let cur = value;
  for (const key of path) {
    if (typeof key === 'number') cur = asArray(cur)[key];
    else cur = asRecord(cur)?.[key];
    if (cur === undefined) return undefined;
  }
  return cur;
}
