import type { ArchModel } from '../model.ts';
import { duration, table, yesNo } from './markdown.ts';

/** Data: databases, caches, buckets, queues, secrets, keys and registries. */
export function dataSection(m: ArchModel): string {
  const d = m.data;
  const out = ['## Data', '', '### Databases', ''];
  out.push(
    table(
      [
        'Database',
        'Engine',
        'Class',
        'Storage',
        'Multi-AZ',
        'Backups',
        'Window',
        'Encrypted',
        'Deletion protection',
        'Other',
      ],
      d.databases.map((db) => [
        db.name,
        `${db.engine} ${db.version}`,
        db.instanceClass,
        `${db.storageType} ${db.storageGb} GB${db.maxStorageGb ? ` growing to ${db.maxStorageGb} GB` : ''}`,
        yesNo(db.multiAz),
        `${db.backupDays} days`,
        db.backupWindow ? `${db.backupWindow} UTC` : '-',
        db.encrypted ? `yes${db.kmsKey ? ` (${db.kmsKey})` : ''}` : 'no',
        yesNo(db.deletionProtection),
        [
          db.publiclyAccessible ? 'PUBLIC' : 'private',
          db.performanceInsights ? 'Performance Insights' : '',
          db.logExports.length > 0 ? `logs: ${db.logExports.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
      ]),
      'No database.',
    ),
  );
  out.push('### Caches', '');
  out.push(
    table(
      [
        'Cache',
        'Engine',
        'Node type',
        'Nodes',
        'Multi-AZ / failover',
        'At rest',
        'In transit',
        'Auth token',
        'Snapshots',
      ],
      d.caches.map((c) => [
        c.name,
        `${c.engine} ${c.version}`,
        c.nodeType,
        c.nodes,
        `${yesNo(c.multiAz)} / ${yesNo(c.failover)}`,
        yesNo(c.atRest),
        yesNo(c.inTransit),
        yesNo(c.authToken),
        c.snapshotDays > 0 ? `${c.snapshotDays} days` : 'none',
      ]),
      'No cache.',
    ),
  );
  out.push('### Buckets', '');
  out.push(
    table(
      ['Bucket', 'Versioning', 'Encryption', 'Public access blocked', 'TLS only', 'Lifecycle'],
      d.buckets.map((b) => [
        b.name,
        yesNo(b.versioned),
        b.encryption,
        yesNo(b.publicAccessBlocked),
        yesNo(b.tlsOnly),
        b.lifecycle.join('; ') || 'none',
      ]),
      'No bucket.',
    ),
  );
  out.push('### Queues', '');
  out.push(
    table(
      ['Queue', 'Retention', 'Visibility timeout', 'Encryption', 'Dead-letter queue'],
      d.queues.map((q) => [
        q.name,
        duration(q.retentionSeconds),
        duration(q.visibilitySeconds),
        q.encryption,
        q.deadLetter ? `${q.deadLetter.queue} after ${q.deadLetter.maxReceiveCount ?? '?'} receives` : '-',
      ]),
      'No queue.',
    ),
  );
  out.push('### Secrets, keys and registries', '');
  out.push(
    table(
      ['Secret', 'Encryption key', 'Rotation'],
      d.secrets.map((s) => [s.name, s.kmsKey, yesNo(s.rotation)]),
      'No secret.',
    ),
  );
  out.push(
    table(
      ['KMS key', 'Rotation'],
      d.keys.map((k) => [k.name, yesNo(k.rotation)]),
      'No customer managed KMS key.',
    ),
  );
  out.push(
    table(
      ['ECR repository', 'Scan on push', 'Lifecycle'],
      d.repositories.map((r) => [r.name, yesNo(r.scanOnPush), lifecycleText(r.lifecycle)]),
      'No ECR repository.',
    ),
  );
  return out.join('\n');
}

function lifecycleText(policy: string): string {
  if (!policy) return 'none';
  try {
    const rules =
      (JSON.parse(policy) as { rules?: { selection?: { countNumber?: number; tagStatus?: string } }[] })
        .rules ?? [];
    return rules
      .map((r) =>
        `keep ${r.selection?.countNumber ?? '?'} ${r.selection?.tagStatus ?? ''} images`.replace(/\s+/g, ' '),
      )
      .join('; ');
  } catch {
    return policy;
  }
}

/** Edge: CloudFront behaviours and origins, API routes, load balancer listeners and target groups. */
export function edgeSection(m: ArchModel): string {
  const e = m.edge;
  const out = ['## Edge', ''];
  for (const d of e.distributions) {
    out.push(
      `### CloudFront ${d.name}`,
      '',
      `${d.priceClass}${d.aliases.length > 0 ? `; aliases ${d.aliases.join(', ')}` : ''}.`,
      '',
    );
    out.push(
      table(
        ['Origin', 'Kind', 'Domain'],
        d.origins.map((o) => [o.id, o.kind, o.domain]),
      ),
    );
    out.push(
      table(
        ['Behaviour', 'Origin', 'Viewer protocol', 'Cache'],
        d.behaviours.map((b) => [b.path, b.origin, b.viewer, b.cache]),
      ),
    );
  }
  for (const a of e.apis) {
    out.push(`### ${a.kind} ${a.name}`, '');
    out.push(
      table(
        ['Method', 'Path', 'Target'],
        a.routes.map((r) => [r.method, r.path, r.target]),
      ),
    );
  }
  if (e.loadBalancers.length > 0) {
    out.push('### Load balancers', '');
    out.push(
      table(
        ['Load balancer', 'Scheme', 'Type', 'Subnets'],
        e.loadBalancers.map((l) => [l.name, l.scheme, l.type, l.subnets.length]),
      ),
    );
    out.push(
      table(
        ['Listener', 'Port', 'Protocol', 'Certificate', 'Default action'],
        e.listeners.map((l) => [l.loadBalancer, l.port, l.protocol, yesNo(l.certificate), l.action]),
        'No listener.',
      ),
    );
    out.push(
      table(
        ['Target group', 'Port', 'Protocol', 'Target type', 'Health check'],
        e.targetGroups.map((g) => [g.name, g.port, g.protocol, g.targetType, g.healthCheck]),
        'No target group.',
      ),
    );
  }
  if (out.length === 2) out.push('No CloudFront distribution, API or load balancer.', '');
  return out.join('\n');
}

/** IAM: each role with who assumes it, its managed policies, and each statement's actions and resources. */
export function iamSection(m: ArchModel): string {
  const out = ['## IAM', ''];
  for (const r of m.iam) {
    out.push(
      `### ${r.name}`,
      '',
      `Assumed by ${r.principals.join(', ') || '-'}.${r.managedPolicies.length > 0 ? ` Managed policies: ${r.managedPolicies.join(', ')}.` : ''}`,
      '',
    );
    out.push(
      table(
        ['Effect', 'Actions', 'Resources'],
        r.statements.map((s) => [s.effect, s.actions.join(', '), s.resources.join(', ')]),
        'No inline or attached statements.',
      ),
    );
  }
  if (m.iam.length === 0) out.push('No IAM role.', '');
  return out.join('\n');
}

/** Observability: log groups with retention, alarms with metric and threshold, dashboards, topics. */
export function observabilitySection(m: ArchModel): string {
  const o = m.observability;
  const out = ['## Observability', ''];
  out.push(
    table(
      ['Log group', 'Retention', 'KMS encrypted'],
      o.logGroups.map((l) => [
        l.name,
        l.retentionDays === undefined ? 'never expires' : `${l.retentionDays} days`,
        yesNo(l.encrypted),
      ]),
      'No log group.',
    ),
  );
  out.push(
    table(
      ['Alarm', 'Metric', 'Condition', 'Periods', 'Action'],
      o.alarms.map((a) => [
        a.name,
        a.metric,
        `${a.statistic ? `${a.statistic} ` : ''}${a.comparison} ${a.threshold ?? '-'}`,
        a.periods,
        a.scaling ? 'scaling policy' : a.actions.join(', ') || 'none',
      ]),
      'No alarm.',
    ),
  );
  out.push(
    table(
      ['Dashboard', 'Widgets'],
      o.dashboards.map((d) => [d.name, d.widgets.join(', ')]),
      'No dashboard.',
    ),
  );
  if (o.topics.length > 0)
    out.push(
      table(
        ['SNS topic', 'Encrypted'],
        o.topics.map((t) => [t.name, yesNo(t.encrypted)]),
      ),
    );
  return out.join('\n');
}
