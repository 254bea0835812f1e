import { asArray, asRecord, dig, type TemplateIndex } from '../template.ts';

export interface DatabaseInfo {
  readonly id: string;
  readonly name: string;
  readonly engine: string;
  readonly version: string;
  readonly instanceClass: string;
  readonly storageGb: number;
  readonly maxStorageGb: number | undefined;
  readonly storageType: string;
  readonly multiAz: boolean;
  readonly backupDays: number;
  readonly backupWindow: string;
  readonly encrypted: boolean;
  readonly kmsKey: string;
  readonly publiclyAccessible: boolean;
  readonly deletionProtection: boolean;
  readonly performanceInsights: boolean;
  readonly logExports: string[];
}

export interface CacheInfo {
  readonly id: string;
  readonly name: string;
  readonly engine: string;
  readonly version: string;
  readonly nodeType: string;
  readonly nodes: number;
  readonly multiAz: boolean;
  readonly failover: boolean;
  readonly atRest: boolean;
  readonly inTransit: boolean;
  readonly authToken: boolean;
  readonly snapshotDays: number;
}

export interface BucketInfo {
  readonly id: string;
  readonly name: string;
  readonly versioned: boolean;
  readonly encryption: string;
  readonly publicAccessBlocked: boolean;
  readonly tlsOnly: boolean;
  readonly lifecycle: string[];
}

export interface QueueInfo {
  readonly id: string;
  readonly name: string;
  readonly retentionSeconds: number;
  readonly visibilitySeconds: number;
  readonly encryption: string;
  readonly deadLetter: { queue: string; maxReceiveCount: number | undefined } | undefined;
  readonly fifo: boolean;
}

export interface DataInfo {
  readonly databases: DatabaseInfo[];
  readonly caches: CacheInfo[];
  readonly buckets: BucketInfo[];
  readonly queues: QueueInfo[];
  readonly secrets: { id: string; name: string; kmsKey: string; rotation: boolean }[];
  readonly keys: { id: string; name: string; rotation: boolean }[];
  readonly repositories: { id: string; name: string; scanOnPush: boolean; lifecycle: string }[];
}

function lifecycleRules(t: TemplateIndex, rules: unknown): string[] {
  const out: string[] = [];
  for (const rule of asArray(rules).map((r) => asRecord(r) ?? {})) {
    if (t.show(rule.Status) === 'Disabled') continue;
    const parts: string[] = [];
    for (const tr of asArray(rule.Transitions).map((x) => asRecord(x) ?? {})) {
      parts.push(`to ${t.show(tr.StorageClass)} after ${t.show(tr.TransitionInDays)} days`);
    }
    if (rule.ExpirationInDays !== undefined) parts.push(`delete after ${t.show(rule.ExpirationInDays)} days`);
    const nve = t.num(
      dig(rule, 'NoncurrentVersionExpiration', 'NoncurrentDays') ?? rule.NoncurrentVersionExpirationInDays,
    );
    if (nve !== undefined) parts.push(`noncurrent versions expire after ${nve} days`);
    for (const tr of asArray(rule.NoncurrentVersionTransitions).map((x) => asRecord(x) ?? {})) {
      parts.push(`noncurrent to ${t.show(tr.StorageClass)} after ${t.show(tr.TransitionInDays)} days`);
    }
    const abort = t.num(dig(rule, 'AbortIncompleteMultipartUpload', 'DaysAfterInitiation'));
    if (abort !== undefined) parts.push(`abort incomplete uploads after ${abort} days`);
    const prefix = t.show(rule.Prefix);
    if (parts.length > 0) out.push(`${prefix ? `${prefix}: ` : ''}${parts.join(', ')}`);
  }
  return out;
}

function denyInsecureTransport(t: TemplateIndex, bucketId: string): boolean {
  return t.ofType('AWS::S3::BucketPolicy').some((pol) => {
    if (t.refId(pol.props.Bucket) !== bucketId) return false;
    return asArray(dig(pol.props, 'PolicyDocument', 'Statement')).some((s) => {
      const rec = asRecord(s) ?? {};
      return (
        rec.Effect === 'Deny' && t.show(dig(rec, 'Condition', 'Bool', 'aws:SecureTransport')) === 'false'
      );
    });
  });
}

/** Reads databases, caches, buckets, queues, secrets, KMS keys and container registries. */
export function readData(t: TemplateIndex): DataInfo {
  const databases = [...t.ofType('AWS::RDS::DBInstance'), ...t.ofType('AWS::RDS::DBCluster')].map((r) => {
    const p = r.props;
    return {
      id: r.id,
      name: t.label(r.id),
      engine: t.show(p.Engine),
      version: t.show(p.EngineVersion),
      instanceClass: t.show(p.DBInstanceClass) || 'serverless/cluster',
      storageGb: t.num(p.AllocatedStorage) ?? 0,
      maxStorageGb: t.num(p.MaxAllocatedStorage),
      storageType: t.show(p.StorageType) || 'gp2',
      multiAz: t.bool(p.MultiAZ) ?? false,
      backupDays: t.num(p.BackupRetentionPeriod) ?? 1,
      backupWindow: t.show(p.PreferredBackupWindow),
      encrypted: t.bool(p.StorageEncrypted) ?? false,
      kmsKey: p.KmsKeyId !== undefined ? t.show(p.KmsKeyId) : '',
      publiclyAccessible: t.bool(p.PubliclyAccessible) ?? false,
      deletionProtection: t.bool(p.DeletionProtection) ?? false,
      performanceInsights: t.bool(p.EnablePerformanceInsights) ?? false,
      logExports: asArray(p.EnableCloudwatchLogsExports).map((x) => t.show(x)),
    };
  });

  const caches: CacheInfo[] = [
    ...t.ofType('AWS::ElastiCache::ReplicationGroup').map((r) => {
      const p = r.props;
      const groups = t.num(p.NumNodeGroups) ?? 1;
      const nodes = t.num(p.NumCacheClusters) ?? groups * (1 + (t.num(p.ReplicasPerNodeGroup) ?? 0));
      return {
        id: r.id,
        name: t.label(r.id),
        engine: t.show(p.Engine) || 'redis',
        version: t.show(p.EngineVersion),
        nodeType: t.show(p.CacheNodeType),
        nodes,
        multiAz: t.bool(p.MultiAZEnabled) ?? false,
        failover: t.bool(p.AutomaticFailoverEnabled) ?? false,
        atRest: t.bool(p.AtRestEncryptionEnabled) ?? false,
        inTransit: t.bool(p.TransitEncryptionEnabled) ?? false,
        authToken: p.AuthToken !== undefined,
        snapshotDays: t.num(p.SnapshotRetentionLimit) ?? 0,
      };
    }),
    ...t.ofType('AWS::ElastiCache::CacheCluster').map((r) => ({
      id: r.id,
      name: t.label(r.id),
      engine: t.show(r.props.Engine),
      version: t.show(r.props.EngineVersion),
      nodeType: t.show(r.props.CacheNodeType),
      nodes: t.num(r.props.NumCacheNodes) ?? 1,
      multiAz: false,
      failover: false,
      atRest: false,
      inTransit: t.bool(r.props.TransitEncryptionEnabled) ?? false,
      authToken: false,
      snapshotDays: t.num(r.props.SnapshotRetentionLimit) ?? 0,
    })),
  ];

  const buckets = t.ofType('AWS::S3::Bucket').map((r) => {
    const p = r.props;
    const sse = asRecord(
      dig(p, 'BucketEncryption', 'ServerSideEncryptionConfiguration', 0, 'ServerSideEncryptionByDefault'),
    );
    const pab = asRecord(p.PublicAccessBlockConfiguration) ?? {};
    return {
      id: r.id,
      name: t.label(r.id),
      versioned: t.show(dig(p, 'VersioningConfiguration', 'Status')) === 'Enabled',
      encryption: sse
        ? `${t.show(sse.SSEAlgorithm)}${sse.KMSMasterKeyID ? ` (${t.show(sse.KMSMasterKeyID)})` : ''}`
        : 'SSE-S3 (AWS default)',
      publicAccessBlocked: [
        'BlockPublicAcls',
        'BlockPublicPolicy',
        'IgnorePublicAcls',
        'RestrictPublicBuckets',
      ].every((k) => t.bool(pab[k]) === true),
      tlsOnly: denyInsecureTransport(t, r.id),
      lifecycle: lifecycleRules(t, dig(p, 'LifecycleConfiguration', 'Rules')),
    };
  });

  const queues = t.ofType('AWS::SQS::Queue').map((r) => {
    const p = r.props;
    const redrive = asRecord(p.RedrivePolicy);
    const dlq = redrive ? t.refId(redrive.deadLetterTargetArn) : undefined;
    return {
      id: r.id,
      name: t.label(r.id),
      retentionSeconds: t.num(p.MessageRetentionPeriod) ?? 345600,
      visibilitySeconds: t.num(p.VisibilityTimeout) ?? 30,
      encryption:
        p.KmsMasterKeyId !== undefined
          ? `KMS (${t.show(p.KmsMasterKeyId)})`
          : t.bool(p.SqsManagedSseEnabled) === false
            ? 'none'
            : 'SQS-managed SSE',
      deadLetter: redrive
        ? {
            queue: dlq ? t.label(dlq) : t.show(redrive.deadLetterTargetArn),
            maxReceiveCount: t.num(redrive.maxReceiveCount),
          }
        : undefined,
      fifo: t.bool(p.FifoQueue) ?? false,
    };
  });

  const rotated = new Set(
    t.ofType('AWS::SecretsManager::RotationSchedule').map((r) => t.refId(r.props.SecretId) ?? ''),
  );
  return {
    databases,
    caches,
    buckets,
    queues,
    secrets: t.ofType('AWS::SecretsManager::Secret').map((r) => ({
      id: r.id,
      name: t.label(r.id),
      kmsKey: r.props.KmsKeyId !== undefined ? t.show(r.props.KmsKeyId) : 'aws/secretsmanager',
      rotation: rotated.has(r.id),
    })),
    keys: t.ofType('AWS::KMS::Key').map((r) => ({
      id: r.id,
      name: t.label(r.id),
      rotation: t.bool(r.props.EnableKeyRotation) ?? false,
    })),
    repositories: t.ofType('AWS::ECR::Repository').map((r) => ({
      id: r.id,
      name: t.label(r.id),
      scanOnPush: t.bool(dig(r.props, 'ImageScanningConfiguration', 'ScanOnPush')) ?? false,
      lifecycle: t.show(dig(r.props, 'LifecyclePolicy', 'LifecyclePolicyText')),
    })),
  };
}
