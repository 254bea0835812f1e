import { CfnOutput, type Environment, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import {
  ApplicationService,
  type ApplicationServiceProps,
  type ApplicationSettings,
  applicationEnvironment,
  scanBucketsOption,
  serveCommand,
} from '../constructs/application-service.ts';
import { Cache, type CacheProps } from '../constructs/cache.ts';
import { PostgresDatabase, type PostgresDatabaseProps } from '../constructs/database.ts';
import type { FargateService } from '../constructs/fargate-service.ts';
import { ImageRepository, type ImageRepositoryProps } from '../constructs/image-repository.ts';
import { acknowledge } from '../constructs/nag.ts';
import { Network, type NetworkProps } from '../constructs/network.ts';
import { type NotificationChannels, notificationChannels, publicUrlOf } from '../constructs/notifications.ts';
import { Observability, type ObservabilityProps } from '../constructs/observability.ts';
import { ProfileImage } from '../constructs/profile-image.ts';
import { QueueWorker, type QueueWorkerProps } from '../constructs/queue-worker.ts';
import { ServiceCluster, type ServiceClusterProps } from '../constructs/service-cluster.ts';
import { firstApiKeyCommand } from './first-api-key-command.ts';
import { checkAppName, type Profile, type ProfileContext } from './profile.ts';
import type { CacheConfig, DatabaseConfig, NetworkConfig } from './seed-config.ts';
import { recordDifferences, type SeedDifference } from './seed-differences.ts';

/** How a profile names its resources and secrets. */
export interface ProfileNaming {
  /** A resource name (database instance, cluster, services, load balancer). */
  resource(suffix: string): string;
  /** A Secrets Manager secret name. */
  secret(suffix: string): string;
}

/** A Data Scanner service of a profile: {@link ApplicationServiceProps} with the stack's defaults. */
export interface ProfileServiceProps
  extends Omit<ApplicationServiceProps, 'cluster' | 'image' | 'serviceName' | 'family' | 'logGroupName'> {
  /** The service name, and by default its task family and log group `/ecs/<name>`. */
  readonly name: string;
  /** @default - `name` */
  readonly serviceName?: string;
  /** @default - `name` */
  readonly family?: string;
  /** @default - `/ecs/<name>` */
  readonly logGroupName?: string;
}

/** A queue worker of a profile: {@link QueueWorkerProps} with the stack's defaults and typed settings. */
export interface ProfileQueueWorkerProps
  extends Omit<
    QueueWorkerProps,
    'cluster' | 'image' | 'command' | 'environment' | 'secrets' | 'serviceName' | 'family' | 'logGroupName'
  > {
  /** The service name, its task family and its log group `/ecs/<name>`. */
  readonly name: string;
  /** What the process runs and reads, mapped to the service's variables (`serve --role <roles>`). */
  readonly app: ApplicationSettings;
}

/** What a profile's stack is called and what it records. */
export interface ProfileStackProps {
  readonly profile: Profile;
  readonly context: ProfileContext;
  /**
   * The environment in tags and names (`dev`, `prod`, or a seed's own name such as `tiger`).
   * @default - the context's env
   */
  readonly envName?: string;
  /** Stack name and construct id, from the resolved app name. @default - `<app>-<envName>` */
  readonly stackName?: (app: string) => string;
  /** Text of the CloudFormation stack description. */
  readonly description: string;
  /** Where the profile deliberately differs from its seed; written into the template's metadata. */
  readonly differences: readonly SeedDifference[];
  /** Whether this is a production deployment: data stores are retained. @default envName === 'prod' */
  readonly production?: boolean;
  /**
   * Resource and secret names from the resolved app name and the stack's account.
   * @default - `<app>-<envName>-<suffix>` and `<app>/<envName>/<suffix>`
   */
  readonly naming?: (app: string, account: string) => ProfileNaming;
  /** Retention of the services' logs. */
  readonly logRetention: logs.RetentionDays;
}

/**
 * The account and region of a profile's stacks: the context's `stackEnv`, else `CDK_DEFAULT_ACCOUNT` and
 * `CDK_DEFAULT_REGION` (set by the CDK CLI from the credentials in use), else environment-agnostic.
 */
export function stackEnvironment(
  given: Environment | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Environment | undefined {
  if (given) return given;
  const account = env.CDK_DEFAULT_ACCOUNT;
  const region = env.CDK_DEFAULT_REGION;
  return account && region ? { account, region } : undefined;
}

/**
 * The skeleton every profile stands on: stack name, tags, account and region, removal policies, seed
 * differences, the profile's image (in its own ECR repository), cluster, alarms and outputs. A profile
 * adds only its network, data stores and services.
 */
export class ProfileStack extends Stack {
  /** The resolved application name (checked). */
  readonly app: string;
  readonly envName: string;
  readonly profileId: string;
  readonly context: ProfileContext;
  /** RETAIN in production, DESTROY elsewhere: buckets, repositories, log groups. */
  readonly removalPolicy: RemovalPolicy;
  /** SNAPSHOT in production, DESTROY elsewhere: the database. */
  readonly databaseRemovalPolicy: RemovalPolicy;
  /** `-c ecsExec=true`: services accept `aws ecs execute-command` (off by default). */
  readonly ecsExec: boolean;
  /** Retention of the services' logs. */
  readonly logRetention: logs.RetentionDays;
  /** The buckets `-c scanBuckets=a,b` names (checked). */
  readonly scanBuckets: string[];
  private readonly naming: ProfileNaming;
  private serviceCluster?: ecs.Cluster;
  private profileImage?: ProfileImage;
  private readonly differences: SeedDifference[];

  constructor(scope: Construct, props: ProfileStackProps) {
    const app = checkAppName(props.context.appName ?? props.profile.defaultAppName);
    const envName = props.envName ?? props.context.env;
    const stackName = props.stackName?.(app) ?? `${app}-${envName}`;
    super(scope, stackName, {
      stackName,
      description: props.description,
      env: stackEnvironment(props.context.stackEnv),
      tags: { Application: app, Environment: envName, Profile: props.profile.id },
    });
    this.app = app;
    this.envName = envName;
    this.profileId = props.profile.id;
    this.context = props.context;
    const production = props.production ?? envName === 'prod';
    this.removalPolicy = production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.databaseRemovalPolicy = production ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY;
    this.ecsExec = this.flag('ecsExec', false);
    this.logRetention = props.logRetention;
    this.scanBuckets = scanBucketsOption(this.option('scanBuckets'));
    this.naming = props.naming?.(app, this.account) ?? {
      resource: (suffix) => `${app}-${envName}-${suffix}`,
      secret: (suffix) => `${app}/${envName}/${suffix}`,
    };
    this.differences = [...props.differences];
    recordDifferences(this, this.differences);
  }

  /** A resource name of the profile's naming scheme. */
  name(suffix: string): string {
    return this.naming.resource(suffix);
  }

  /** A secret name of the profile's naming scheme. */
  secretName(suffix: string): string {
    return this.naming.secret(suffix);
  }

  /** Records one more difference from the seed, for one that depends on a deploy-time option. */
  recordDifference(difference: SeedDifference): void {
    this.differences.push(difference);
    recordDifferences(this, this.differences);
  }

  /** A deploy-time option (`-c key=value`). */
  option(name: string): string | undefined {
    const value = this.context.options?.[name];
    return value === '' ? undefined : value;
  }

  /** A boolean option: `true`/`false`, else `fallback`; anything else is an error naming the option. */
  flag(name: string, fallback: boolean): boolean {
    const raw = this.option(name);
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw new Error(`option ${name}="${raw}" must be true or false`);
  }

  /** The profile's ECR repository (scan on push, lifecycle) and the image its services run. */
  imageRepository(props: ImageRepositoryProps): ProfileImage {
    if (this.profileImage) throw new Error('ProfileStack: the image repository is created once');
    const repository = new ImageRepository(this, 'Registry', { removalPolicy: this.removalPolicy, ...props });
    this.profileImage = new ProfileImage(this, 'Image', {
      repository: repository.repository,
      source: this.context.image ?? { kind: 'asset' },
    });
    this.output(
      'ImageRepositoryUri',
      repository.repository.repositoryUri,
      'ECR repository of the service image',
    );
    return this.profileImage;
  }

  /** The container image of the services (call `imageRepository` first). */
  get image(): ecs.ContainerImage {
    if (!this.profileImage)
      throw new Error('ProfileStack: create the image repository before using the image');
    return this.profileImage.image;
  }

  /** The ECS cluster (FARGATE and FARGATE_SPOT, Container Insights), named `cluster`; created once. */
  cluster(vpc: ec2.IVpc, props: Omit<ServiceClusterProps, 'vpc'> = {}): ecs.Cluster {
    if (this.serviceCluster) throw new Error('ProfileStack: the cluster is created once');
    this.serviceCluster = new ServiceCluster(this, 'Cluster', {
      vpc,
      clusterName: this.name('cluster'),
      ...props,
    }).cluster;
    return this.serviceCluster;
  }

  /** The VPC of a seed's network config. */
  network(config: NetworkConfig, props: Omit<NetworkProps, 'cidr' | 'tiers' | 'natGateways'> = {}): Network {
    return new Network(this, 'Network', {
      cidr: config.vpcCidr,
      tiers: config.tiers,
      natGateways: config.natGateways,
      ...props,
    });
  }

  /**
   * The PostgreSQL instance of a seed's config, named `db`, its secrets `database-credentials` and
   * `database-url`, snapshotted on removal in production.
   */
  database(
    vpc: ec2.IVpc,
    subnets: ec2.SubnetSelection,
    config: DatabaseConfig,
    props: Partial<PostgresDatabaseProps> = {},
  ): PostgresDatabase {
    return new PostgresDatabase(this, 'Database', {
      vpc,
      subnets,
      instanceType: new ec2.InstanceType(config.instanceType),
      engineVersion: config.engineVersion,
      multiAz: config.multiAz,
      backupRetentionDays: config.backupRetentionDays,
      preferredBackupWindow: config.backupWindow,
      allocatedStorageGiB: config.allocatedStorageGiB,
      maxAllocatedStorageGiB: config.maxAllocatedStorageGiB,
      deletionProtection: config.deletionProtection,
      performanceInsights: config.performanceInsights,
      cloudwatchLogsExports: config.logExports,
      instanceIdentifier: this.name('db'),
      secretName: this.secretName('database-credentials'),
      urlSecretName: this.secretName('database-url'),
      removalPolicy: this.databaseRemovalPolicy,
      ...props,
    });
  }

  /** The Redis replication group of a seed's config, named `redis`, its AUTH token `redis-auth-token`. */
  cache(
    vpc: ec2.IVpc,
    subnets: ec2.SubnetSelection,
    config: CacheConfig,
    props: Partial<CacheProps> = {},
  ): Cache {
    return new Cache(this, 'Redis', {
      vpc,
      subnets,
      ...config,
      replicationGroupId: this.name('redis'),
      authTokenSecretName: this.secretName('redis-auth-token'),
      ...props,
    });
  }

  /** The application secret key `secret-key` (the HMAC key of finding fingerprints), not rotated. */
  secretKey(
    props: { description?: string; encryptionKey?: kms.IKey; rotation?: string } = {},
  ): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, 'SecretKey', {
      secretName: this.secretName('secret-key'),
      description: props.description ?? 'Application secret key (HMAC key of finding fingerprints)',
      encryptionKey: props.encryptionKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(secret, {
      'AwsSolutions-SMG4':
        props.rotation ??
        'Rotating the key would regroup every stored finding fingerprint; it is rotated deliberately on release.',
    });
    return secret;
  }

  /**
   * The security group of the ECS tasks, admitted to the database on its port and to the cache on the
   * Redis port.
   */
  tasksSecurityGroup(
    vpc: ec2.IVpc,
    description: string,
    stores: { database: PostgresDatabase; databasePort: number; cache: Cache },
  ): ec2.SecurityGroup {
    const group = new ec2.SecurityGroup(this, 'EcsTasksSecurityGroup', {
      vpc,
      description,
      allowAllOutbound: true,
    });
    stores.database.connections.allowFrom(
      group,
      ec2.Port.tcp(stores.databasePort),
      'PostgreSQL from the ECS tasks',
    );
    stores.cache.connections.allowDefaultPortFrom(group, 'Redis from the ECS tasks');
    return group;
  }

  /** The notification channels of the deploy-time options, with the profile's requirements. */
  notificationChannels(requirements: { emailRequired: boolean; sms: boolean }): NotificationChannels {
    return notificationChannels(this.context.options, requirements);
  }

  /** `-c publicUrl=`, else the address the profile serves the dashboard at. */
  publicUrl(served: string): string {
    return publicUrlOf(this.context.options, served);
  }

  /**
   * A Data Scanner worker on the stack's cluster and image that scales on its SQS queue
   * (`serve --role <roles>`), named like {@link ProfileStack.service}.
   */
  queueWorker(id: string, props: ProfileQueueWorkerProps): QueueWorker {
    const { name, app, ...rest } = props;
    return new QueueWorker(this, id, {
      ...this.taskDefaults(name, 'a worker'),
      command: serveCommand(app.roles),
      ...applicationEnvironment(app),
      ...rest,
    });
  }

  /**
   * A Data Scanner service on the stack's cluster and image, its task family and log group named after
   * it, its logs kept for the profile's retention.
   */
  service(id: string, props: ProfileServiceProps): ApplicationService {
    const { name, ...rest } = props;
    return new ApplicationService(this, id, { ...this.taskDefaults(name, 'a service'), ...rest });
  }

  /** What every task of the stack shares: cluster, image, names after `name`, log retention. */
  private taskDefaults(name: string, what: string) {
    if (!this.serviceCluster) throw new Error(`ProfileStack: create the cluster before ${what}`);
    return {
      cluster: this.serviceCluster,
      image: this.image,
      serviceName: name,
      family: name,
      logGroupName: `/ecs/${name}`,
      logRetention: this.logRetention,
    };
  }

  /** The alarm topic, alarms and dashboard. */
  observability(props: ObservabilityProps = {}): Observability {
    return new Observability(this, 'Observability', props);
  }

  /**
   * Outputs `AdminCommand`, the one command that creates a tenant's first API key on AWS from
   * `service`'s task definition (see {@link firstApiKeyCommand}).
   */
  adminCommand(service: FargateService, subnets: ec2.SubnetSelection): secretsmanager.Secret {
    return firstApiKeyCommand(this, service, subnets);
  }

  /** Outputs the names of the secrets a user needs (rotate, read, restore). */
  secretOutputs(secrets: Readonly<Record<string, secretsmanager.ISecret>>): void {
    for (const [id, secret] of Object.entries(secrets)) {
      this.output(`${id}SecretName`, secret.secretName, `Secrets Manager secret: ${id}`);
    }
  }

  /** A stack output a user reads after `cdk deploy`. */
  output(id: string, value: string, description: string): CfnOutput {
    return new CfnOutput(this, id, { value, description });
  }
}
