import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { Cache } from '../constructs/cache.ts';
import { Cdn } from '../constructs/cdn.ts';
import { containerImage } from '../constructs/container-image.ts';
import { PostgresDatabase } from '../constructs/database.ts';
import { FargateService } from '../constructs/fargate-service.ts';
import { ImageRepository } from '../constructs/image-repository.ts';
import { Keys } from '../constructs/keys.ts';
import { acknowledge } from '../constructs/nag.ts';
import { Network } from '../constructs/network.ts';
import { Observability } from '../constructs/observability.ts';
import { PublicLoadBalancer } from '../constructs/public-load-balancer.ts';
import { SecureBucket } from '../constructs/secure-bucket.ts';
import { ServiceCluster } from '../constructs/service-cluster.ts';
import { type SingleAzCidrs, SingleAzNetwork } from '../constructs/single-az-network.ts';
import { bucketObjectsFinding } from './nag-findings.ts';
import { checkAppName, type EnvName, type Profile, type ProfileContext } from './profile.ts';
import { recordDifferences, type SeedDifference } from './seed-differences.ts';
import { type AlarmThresholds, dataStoreAlarms, loadBalancerAlarm, serviceAlarms } from './service-alarms.ts';

/** Seed 004 (004_9ee20fdf2624985b.txt) as numbers, for its dev (single-AZ) or prod (multi-AZ) design. */
export interface AstroConfig {
  readonly vpcCidr: string;
  /** Dev: one workload AZ plus the minimum second-AZ subnets. */
  readonly singleAz?: SingleAzCidrs;
  /** Prod: one CIDR per AZ and tier, and a NAT gateway per AZ. */
  readonly multiAz?: { readonly public: string[]; readonly private: string[]; readonly database: string[] };
  readonly port: number;
  readonly healthCheckPath: string;
  readonly service: {
    readonly cpu: number;
    readonly memoryMiB: number;
    readonly desiredCount: number;
    readonly capacityProvider: 'FARGATE_SPOT' | 'FARGATE';
    readonly executeCommand: boolean;
  };
  readonly database: {
    readonly port: number;
    readonly engineVersion: rds.PostgresEngineVersion;
    readonly instanceType: string;
    readonly allocatedStorageGiB: number;
    readonly maxAllocatedStorageGiB: number;
    readonly backupRetentionDays: number;
    readonly multiAz: boolean;
    readonly deletionProtection: boolean;
  };
  readonly redis: {
    readonly engineVersion: string;
    readonly nodeType: string;
    readonly replicas: number;
    readonly snapshotRetentionDays: number;
  };
  readonly cdn: {
    readonly cacheTtl: Duration;
    readonly priceClass: 'PriceClass_100';
    readonly apiPath: string;
  };
  readonly keepImages: number;
  readonly logRetention: logs.RetentionDays;
  readonly alarms: AlarmThresholds;
  readonly differences: readonly SeedDifference[];
}

const SHARED_DIFFERENCES: readonly SeedDifference[] = [
  {
    topic: 'Infrastructure as code',
    seed: 'Terraform modules (bootstrap, vpc, rds, elasticache, ecs, s3, secrets, ecr, cloudfront, dns)',
    deployed:
      'One AWS CDK stack per environment; CloudFormation keeps the state (no state bucket or lock table)',
    reason: 'All Data Scanner profiles share one construct library',
  },
  {
    topic: 'CloudFront to the API',
    seed: '/api/* to the ALB; TLS terminated at the ALB',
    deployed:
      'With a domain and hosted zone, CloudFront reaches the ALB over HTTPS at api.<zone> (an ACM certificate and alias record); without them over HTTP to the ALB DNS name',
    reason: "No certificate can match the ALB's own AWS DNS name",
  },
];

/** Dev: the seed's single-AZ design. */
export const ASTRO_DEV_CONFIG: AstroConfig = {
  vpcCidr: '10.0.0.0/16',
  singleAz: {
    public: '10.0.1.0/24',
    private: '10.0.2.0/24',
    database: '10.0.3.0/24',
    secondAzPublic: '10.0.11.0/27',
    secondAzDatabase: '10.0.13.0/28',
  },
  port: 8000,
  healthCheckPath: '/health',
  service: {
    cpu: 256,
    memoryMiB: 512,
    desiredCount: 1,
    capacityProvider: 'FARGATE_SPOT',
    executeCommand: true,
  },
  database: {
    port: 5432,
    engineVersion: rds.PostgresEngineVersion.VER_16_13,
    instanceType: 't3.micro',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 100,
    backupRetentionDays: 7,
    multiAz: false,
    deletionProtection: false,
  },
  redis: { engineVersion: '7.1', nodeType: 'cache.t3.micro', replicas: 0, snapshotRetentionDays: 0 },
  cdn: { cacheTtl: Duration.hours(1), priceClass: 'PriceClass_100', apiPath: '/api/*' },
  keepImages: 10,
  logRetention: logs.RetentionDays.ONE_WEEK,
  alarms: {
    serviceCpuPercent: 80,
    serviceMemoryPercent: 80,
    alb5xxCount: 10,
    rdsCpuPercent: 75,
    redisCpuPercent: 75,
  },
  differences: [
    {
      topic: 'Second Availability Zone',
      seed: 'Public 10.0.1.0/24, private 10.0.2.0/24 and database 10.0.3.0/24 in a single AZ',
      deployed:
        'The same three subnets in the first AZ, plus public 10.0.11.0/27 and database 10.0.13.0/28 in a second AZ; every task, the database instance and the cache stay in the first AZ',
      reason:
        'AWS requires an ALB to have subnets in two AZs and an RDS DB subnet group to cover two AZs; /27 and /28 are the smallest subnets those accept',
    },
    ...SHARED_DIFFERENCES,
  ],
};

/** Prod: the seed's "Production Design (Multi-AZ)". */
export const ASTRO_PROD_CONFIG: AstroConfig = {
  ...ASTRO_DEV_CONFIG,
  singleAz: undefined,
  multiAz: {
    public: ['10.0.1.0/24', '10.0.11.0/24', '10.0.21.0/24'],
    private: ['10.0.2.0/24', '10.0.12.0/24', '10.0.22.0/24'],
    database: ['10.0.3.0/24', '10.0.13.0/24', '10.0.23.0/24'],
  },
  service: { ...ASTRO_DEV_CONFIG.service, desiredCount: 2 },
  database: { ...ASTRO_DEV_CONFIG.database, multiAz: true, deletionProtection: true },
  redis: { ...ASTRO_DEV_CONFIG.redis, replicas: 1 },
  cdn: { ...ASTRO_DEV_CONFIG.cdn, cacheTtl: Duration.hours(24) },
  logRetention: logs.RetentionDays.ONE_MONTH,
  differences: [
    {
      topic: 'Production CIDRs',
      seed: 'Production extends to 3 AZs but gives no CIDRs',
      deployed: 'AZ a keeps 10.0.1-3.0/24; AZ b uses 10.0.11-13.0/24 and AZ c 10.0.21-23.0/24',
      reason: 'Dev keeps the seed numbers and prod grows without renumbering',
    },
    ...SHARED_DIFFERENCES,
  ],
};

/** The configuration of an environment: prod is the seed's multi-AZ design, every other env its dev design. */
export function astroConfig(env: EnvName): AstroConfig {
  return env === 'prod' ? ASTRO_PROD_CONFIG : ASTRO_DEV_CONFIG;
}

/** The deployment's AZs: `-c availabilityZones=a,b[,c]`, else the stack region's a, b, c (us-east-1 if unknown). */
function availabilityZones(stack: Stack, count: number, option: string | undefined): string[] {
  if (option) {
    const zones = option.split(',').map((z) => z.trim());
    if (zones.length !== count)
      throw new Error(`option availabilityZones lists ${zones.length} zones; astro needs ${count}`);
    return zones;
  }
  const region = Token.isUnresolved(stack.region) ? 'us-east-1' : stack.region;
  if (Token.isUnresolved(stack.region)) {
    Annotations.of(stack).addWarningV2(
      'data-scanner:astro-zones',
      'Region unknown at synthesis: astro assumes us-east-1a.. zones. Pass -c availabilityZones=... for another region.',
    );
  }
  return ['a', 'b', 'c'].slice(0, count).map((letter) => `${region}${letter}`);
}

interface Placement {
  readonly vpc: ec2.Vpc;
  readonly publicSubnets: ec2.SubnetSelection;
  readonly privateSubnets: ec2.SubnetSelection;
  readonly databaseSubnets: ec2.SubnetSelection;
  readonly cacheSubnets: ec2.SubnetSelection;
  /** Where single-AZ resources are pinned (dev). */
  readonly workloadAz?: string;
}

function createNetwork(stack: Stack, config: AstroConfig, zonesOption: string | undefined): Placement {
  if (config.singleAz) {
    const zones = availabilityZones(stack, 2, zonesOption) as [string, string];
    const net = new SingleAzNetwork(stack, 'Network', {
      cidr: config.vpcCidr,
      cidrs: config.singleAz,
      availabilityZones: zones,
    });
    return {
      vpc: net.vpc,
      publicSubnets: net.publicSubnets,
      privateSubnets: net.privateSubnets,
      databaseSubnets: net.databaseSubnets,
      cacheSubnets: net.workloadDatabaseSubnet,
      workloadAz: zones[0],
    };
  }
  const m = config.multiAz;
  if (!m) throw new Error('AstroConfig needs singleAz or multiAz');
  const net = new Network(stack, 'Network', {
    cidr: config.vpcCidr,
    tiers: [
      { name: 'Public', kind: 'public', cidrs: m.public },
      { name: 'Private', kind: 'private', cidrs: m.private },
      { name: 'Database', kind: 'isolated', cidrs: m.database },
    ],
    natGateways: m.public.length,
    availabilityZones: availabilityZones(stack, m.public.length, zonesOption),
  });
  return {
    vpc: net.vpc,
    publicSubnets: net.subnets('Public'),
    privateSubnets: net.subnets('Private'),
    databaseSubnets: net.subnets('Database'),
    cacheSubnets: net.subnets('Database'),
  };
}

/** A custom domain: `domainName` for the SPA, `api.<zone>` for the ALB. */
interface AstroDomain {
  readonly domainName: string;
  readonly apiDomainName: string;
  readonly zone: route53.IHostedZone;
}

function domainFrom(stack: Stack, options: ProfileContext['options']): AstroDomain | undefined {
  const domainName = options?.domainName;
  const hostedZoneId = options?.hostedZoneId;
  const zoneName = options?.hostedZoneName;
  if (!domainName && !hostedZoneId && !zoneName) return undefined;
  if (!domainName || !hostedZoneId || !zoneName) {
    throw new Error('astro: a custom domain needs domainName, hostedZoneId and hostedZoneName together');
  }
  return {
    domainName,
    apiDomainName: options?.apiDomainName ?? `api.${zoneName}`,
    zone: route53.HostedZone.fromHostedZoneAttributes(stack, 'HostedZone', { hostedZoneId, zoneName }),
  };
}

function createStack(scope: Construct, context: ProfileContext): Stack {
  const env = context.env;
  const config = astroConfig(env);
  const app = checkAppName(context.appName ?? astro.defaultAppName);
  const name = (suffix: string) => `${app}-${env}-${suffix}`;
  const stack = new Stack(scope, `${app}-${env}`, {
    stackName: `${app}-${env}`,
    description: `Data Scanner (astro profile, ${env}): CloudFront SPA + /api/* to ALB, Fargate Spot, RDS PostgreSQL 16, Redis, KMS`,
    ...(context.stackEnv ? { env: context.stackEnv } : {}),
    tags: { Application: app, Environment: env, Profile: astro.id },
  });
  const prod = env === 'prod';
  const removal = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const placement = createNetwork(stack, config, context.options?.availabilityZones);
  const vpc = placement.vpc;
  const domain = domainFrom(stack, context.options);

  const keys = new Keys(stack, 'Keys', {
    alias: `${app}-${env}`,
    description: `${app} ${env}: PDF bucket and secrets`,
  });
  const key = keys.key;

  const accessLogs = new SecureBucket(stack, 'AccessLogs', {
    versioned: false,
    expireAfterDays: 90,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    removalPolicy: removal,
  });
  const bucket = (id: string, suffix: string, extra: { encryptionKey?: typeof key } = {}) =>
    new SecureBucket(stack, id, {
      bucketName: `${name(suffix)}-${stack.account}`,
      versioned: true,
      noncurrentVersionExpirationDays: 30,
      serverAccessLogsBucket: accessLogs.bucket,
      serverAccessLogsPrefix: `s3/${suffix}/`,
      removalPolicy: removal,
      ...extra,
    });
  const frontend = bucket('FrontendBucket', 'frontend');
  const pdfs = bucket('PdfBucket', 'pdfs', { encryptionKey: key });
  const backups = bucket('BackupBucket', 'backups');

  const repository = new ImageRepository(stack, 'Registry', {
    repositoryName: name('api'),
    keepImages: config.keepImages,
    countImages: 'any',
    removalPolicy: removal,
  });

  const db = config.database;
  const database = new PostgresDatabase(stack, 'Database', {
    vpc,
    subnets: placement.databaseSubnets,
    engineVersion: db.engineVersion,
    instanceType: new ec2.InstanceType(db.instanceType),
    allocatedStorageGiB: db.allocatedStorageGiB,
    maxAllocatedStorageGiB: db.maxAllocatedStorageGiB,
    backupRetentionDays: db.backupRetentionDays,
    multiAz: db.multiAz,
    deletionProtection: db.deletionProtection,
    secretEncryptionKey: key,
    instanceIdentifier: name('db'),
    secretName: `${app}/${env}/database-credentials`,
    urlSecretName: `${app}/${env}/database-url`,
    removalPolicy: prod ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
  });
  if (placement.workloadAz !== undefined) {
    (database.instance.node.defaultChild as rds.CfnDBInstance).availabilityZone = placement.workloadAz;
  }
  const cache = new Cache(stack, 'Redis', {
    vpc,
    subnets: placement.cacheSubnets,
    engineVersion: config.redis.engineVersion,
    nodeType: config.redis.nodeType,
    replicas: config.redis.replicas,
    snapshotRetentionDays: config.redis.snapshotRetentionDays,
    secretEncryptionKey: key,
    replicationGroupId: name('redis'),
    authTokenSecretName: `${app}/${env}/redis-auth-token`,
    ...(placement.workloadAz !== undefined ? { availabilityZones: [placement.workloadAz] } : {}),
  });
  const secretKey = new secretsmanager.Secret(stack, 'SecretKey', {
    secretName: `${app}/${env}/secret-key`,
    description: 'Application secret key (JWT signing and finding fingerprints)',
    encryptionKey: key,
    generateSecretString: { passwordLength: 64, excludePunctuation: true },
  });
  acknowledge(secretKey, {
    'AwsSolutions-SMG4':
      'Rotating the key would sign out every user and regroup fingerprints; it is rotated on release.',
  });

  let apiCertificateArn = context.options?.certificateArn;
  if (domain && !apiCertificateArn) {
    apiCertificateArn = new acm.Certificate(stack, 'ApiCertificate', {
      domainName: domain.apiDomainName,
      validation: acm.CertificateValidation.fromDns(domain.zone),
    }).certificateArn;
  }
  const lb = new PublicLoadBalancer(stack, 'LoadBalancer', {
    vpc,
    subnets: placement.publicSubnets,
    loadBalancerName: name('alb'),
    ...(apiCertificateArn ? { certificateArn: apiCertificateArn } : {}),
  });
  if (domain) {
    new route53.ARecord(stack, 'ApiAlias', {
      zone: domain.zone,
      recordName: domain.apiDomainName,
      target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(lb.loadBalancer)),
    });
  }

  const tasksGroup = new ec2.SecurityGroup(stack, 'EcsTasksSecurityGroup', {
    vpc,
    description: `ECS tasks: ${config.port} from the ALB only`,
    allowAllOutbound: true,
  });
  const cluster = new ServiceCluster(stack, 'Cluster', { vpc, clusterName: name('cluster') });
  const s = config.service;
  const api = new FargateService(stack, 'Api', {
    cluster: cluster.cluster,
    image: containerImage(context.image ?? { kind: 'asset' }, repository.repository),
    command: ['serve', '--role', 'all'],
    subnets: placement.privateSubnets,
    securityGroup: tasksGroup,
    serviceName: name('api'),
    family: name('api'),
    containerName: 'api',
    cpu: s.cpu,
    memoryMiB: s.memoryMiB,
    port: config.port,
    desiredCount: s.desiredCount,
    capacity: [{ provider: s.capacityProvider, weight: 1 }],
    enableExecuteCommand: s.executeCommand,
    healthCheckPath: config.healthCheckPath,
    taskRoleName: name('ecs-task-role'),
    executionRoleName: name('ecs-execution-role'),
    logGroupName: `/ecs/${name('api')}`,
    logRetention: config.logRetention,
    environment: {
      HOST: '0.0.0.0',
      PORT: String(config.port),
      LOG_LEVEL: 'info',
      REDIS_HOST: cache.endpointAddress,
      REDIS_PORT: String(cache.port),
      REDIS_TLS: 'true',
      PDF_BUCKET: pdfs.bucket.bucketName,
      BACKUP_BUCKET: backups.bucket.bucketName,
    },
    secrets: {
      DATABASE_URL: ecs.Secret.fromSecretsManager(database.urlSecret),
      FINGERPRINT_KEY: ecs.Secret.fromSecretsManager(secretKey),
      REDIS_AUTH_TOKEN: ecs.Secret.fromSecretsManager(cache.authToken),
    },
  });
  api.attachTo(lb.listener, { targetGroupName: name('api'), healthCheck: { path: config.healthCheckPath } });
  database.connections.allowFrom(tasksGroup, ec2.Port.tcp(db.port), 'PostgreSQL from the ECS tasks');
  cache.connections.allowDefaultPortFrom(tasksGroup, 'Redis from the ECS tasks');
  grantTaskRole(api, pdfs.bucket, key);

  const cdn = new Cdn(stack, 'Cdn', {
    bucket: frontend.bucket,
    spa: true,
    cacheTtl: config.cdn.cacheTtl,
    logBucket: accessLogs.bucket,
    apiOrigin: {
      loadBalancer: lb.loadBalancer,
      pathPattern: config.cdn.apiPath,
      ...(domain && apiCertificateArn ? { domainName: domain.apiDomainName } : {}),
    },
    ...(domain ? { domain: { domainNames: [domain.domainName], hostedZone: domain.zone } } : {}),
    comment: `${name('frontend')}: SPA and ${config.cdn.apiPath}`,
  });

  const observability = new Observability(stack, 'Observability', { topicName: name('alarms') });
  serviceAlarms(observability, 'Api', api, config.alarms);
  loadBalancerAlarm(observability, lb.loadBalancer, config.alarms);
  dataStoreAlarms(observability, database, cache, config.alarms);

  new CfnOutput(stack, 'DistributionDomainName', { value: cdn.domainName });
  recordDifferences(stack, config.differences);
  return stack;
}

/**
 * The seed's task role: ECS Exec (added by ECS), its own log group, read/write on the PDF bucket and
 * encrypt/decrypt with the key. Statements name exact actions, so the only wildcards are the PDF
 * objects and the SSM channels of ECS Exec.
 */
function grantTaskRole(service: FargateService, pdfs: s3.IBucket, key: Keys['key']): void {
  const role = service.taskRole;
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'PdfObjects',
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resources: [pdfs.arnForObjects('*')],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ sid: 'PdfList', actions: ['s3:ListBucket'], resources: [pdfs.bucketArn] }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'KeyUse',
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
      resources: [key.keyArn],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'AppLogs',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [service.logGroup.logGroupArn],
    }),
  );
  acknowledge(role, {
    [bucketObjectsFinding(pdfs)]:
      'The API reads and writes scan-report PDFs under keys it chooses in its own bucket.',
    'AwsSolutions-IAM5[Resource::*]':
      'ECS Exec opens SSM message channels (ssmmessages:*Channel), which have no resource-level permissions.',
  });
}

/** Profile `astro`: seed 004, single-AZ dev and multi-AZ prod. */
export const astro: Profile = {
  id: 'astro',
  seed: '004_9ee20fdf2624985b.txt',
  description:
    'Seed 004: CloudFront (SPA from S3, /api/* to ALB), Fargate Spot, RDS PostgreSQL 16, Redis 7.1, KMS CMK; single-AZ dev, 3-AZ prod',
  defaultAppName: 'astro',
  create: (scope, context) => [createStack(scope, context)],
};
