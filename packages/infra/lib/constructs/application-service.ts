import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ENV_NAMES, type EnvName } from '../../../service/src/env-names.ts';
import { DEFAULT_CPU, FargateService, type FargateServiceProps } from './fargate-service.ts';
import { acknowledge, nagRef } from './nag.ts';
import { grantNotifications, type NotificationChannels, notifierEnvironment } from './notifications.ts';
import { grantReports, type ReportsStore, reportsEnvironment } from './reports.ts';

/** A role of `data-scanner serve --role <roles>`. */
export type ServiceRole = 'api' | 'worker' | 'scheduler' | 'notifier' | 'all';

/** Where the application's notifications go and what their links point to. */
export interface ApplicationNotifications {
  readonly channels: NotificationChannels;
  /** `PUBLIC_URL`: the dashboard's address. */
  readonly publicUrl: string;
}

/** What one Data Scanner process needs, typed; {@link applicationEnvironment} turns it into variables. */
export interface ApplicationSettings {
  /** Secret whose value is the `DATABASE_URL`. */
  readonly database: secretsmanager.ISecret;
  /** Secret holding the HMAC key of finding fingerprints. */
  readonly fingerprintKey: secretsmanager.ISecret;
  /** The roles the process runs. */
  readonly roles: readonly ServiceRole[];
  /** @default - no Redis: in-process rate limits, PostgreSQL wake-ups */
  readonly redis?: { readonly url: string; readonly authToken: secretsmanager.ISecret };
  /** @default - reports kept on the task's disk */
  readonly reports?: ReportsStore;
  /** @default - this process sends no notifications */
  readonly notifications?: ApplicationNotifications;
  /** Port of the API or health endpoint; sets `HOST=0.0.0.0` and `PORT`. @default - no listener */
  readonly port?: number;
  /**
   * Processes serving the API (`API_WORKERS`), for a process that runs the API role.
   * @default - set by {@link ApplicationService} from the task's CPU ({@link apiWorkersFor}); unset elsewhere
   */
  readonly apiWorkers?: number;
  /** Behind a load balancer: trust its `X-Forwarded-*` headers. @default false */
  readonly behindLoadBalancer?: boolean;
  /** @default 'info' */
  readonly logLevel?: string;
  /**
   * Buckets the process may scan (`SCAN_S3_BUCKETS`, the API's allowlist); an {@link ApplicationService}
   * that runs the worker role may list them and read their objects.
   * @default - none: S3 sources are refused
   */
  readonly scanBuckets?: readonly string[];
  /** @default - the PostgreSQL queue (or what the construct running the process sets) */
  readonly queue?: SqsQueueSettings;
}

/** The SQS scan queue a process uses. */
export interface SqsQueueSettings {
  /** `SCAN_QUEUE_URL`, with `QUEUE_KIND=sqs`. @default - set by the construct (e.g. `QueueWorker`) */
  readonly url?: string;
  /** `QUEUE_VISIBILITY_TIMEOUT_SECONDS`: how long a received message stays hidden. @default - the service's */
  readonly visibilityTimeoutSeconds?: number;
  /** `QUEUE_MAX_RECEIVES`: receives before a message is dead-lettered. @default - the service's */
  readonly maxReceives?: number;
}

/** Plain variables and injected secrets of one process. */
export interface ApplicationEnvironment {
  readonly environment: Record<string, string>;
  readonly secrets: Record<string, ecs.Secret>;
}

/**
 * Maps typed settings to the variables the service reads (names from the service's `env-names.ts`):
 * a setting that is not in the type cannot be passed, and a misspelled one does not compile.
 */
export function applicationEnvironment(settings: ApplicationSettings): ApplicationEnvironment {
  const env: Partial<Record<EnvName, string>> = {};
  if (settings.port !== undefined) {
    env[ENV_NAMES.host] = '0.0.0.0';
    env[ENV_NAMES.port] = String(settings.port);
  }
  if (settings.apiWorkers !== undefined) env[ENV_NAMES.apiWorkers] = String(settings.apiWorkers);
  env[ENV_NAMES.logLevel] = settings.logLevel ?? 'info';
  if (settings.behindLoadBalancer) env[ENV_NAMES.trustProxy] = 'true';
  if (settings.redis) env[ENV_NAMES.redisUrl] = settings.redis.url;
  if (settings.reports) Object.assign(env, reportsEnvironment(settings.reports));
  if (settings.notifications) {
    Object.assign(
      env,
      notifierEnvironment(settings.notifications.channels, settings.notifications.publicUrl),
    );
  }
  const queue = settings.queue;
  if (queue?.url !== undefined) {
    env[ENV_NAMES.queueKind] = 'sqs';
    env[ENV_NAMES.scanQueueUrl] = queue.url;
  }
  if (queue?.visibilityTimeoutSeconds !== undefined)
    env[ENV_NAMES.queueVisibilityTimeoutSeconds] = String(queue.visibilityTimeoutSeconds);
  if (queue?.maxReceives !== undefined) env[ENV_NAMES.queueMaxReceives] = String(queue.maxReceives);
  if (settings.scanBuckets?.length) env[ENV_NAMES.scanS3Buckets] = settings.scanBuckets.join(',');
  const secrets: Record<string, ecs.Secret> = {
    [ENV_NAMES.databaseUrl]: ecs.Secret.fromSecretsManager(settings.database),
    [ENV_NAMES.fingerprintKey]: ecs.Secret.fromSecretsManager(settings.fingerprintKey),
  };
  if (settings.redis)
    secrets[ENV_NAMES.redisAuthToken] = ecs.Secret.fromSecretsManager(settings.redis.authToken);
  return { environment: env as Record<string, string>, secrets };
}

/** Whether a process with these roles serves the API. */
export function servesApi(roles: readonly ServiceRole[]): boolean {
  return roles.includes('api') || roles.includes('all');
}

/**
 * API processes for a task's CPU units: one per whole vCPU (1024 units), at least one, so the API
 * uses every core of its task (`serve --workers`, node:cluster).
 */
export function apiWorkersFor(cpuUnits: number): number {
  return Math.max(1, Math.floor(cpuUnits / 1024));
}

/** Container command that runs `roles` in one process: `serve --role <a,b,...>`. */
export function serveCommand(roles: readonly ServiceRole[]): string[] {
  if (roles.length === 0) throw new Error('serveCommand needs at least one role');
  return ['serve', '--role', roles.join(',')];
}

/** Properties of {@link ApplicationService}: a Fargate service minus what the settings decide. */
export interface ApplicationServiceProps
  extends Omit<FargateServiceProps, 'command' | 'environment' | 'secrets' | 'port'> {
  readonly app: ApplicationSettings;
  /**
   * Variables a seed names that the service itself does not read (e.g. `BACKUP_BUCKET`).
   * @default {}
   */
  readonly seedEnvironment?: Readonly<Record<string, string>>;
  /** Secrets a seed names that the service itself does not read. @default {} */
  readonly seedSecrets?: Readonly<Record<string, ecs.Secret>>;
}

/**
 * A Fargate service running Data Scanner: `serve --role ...`, its environment from typed settings, and
 * the task role's grants that follow from them (reports under `reports/`, notification channels).
 */
export class ApplicationService extends FargateService {
  constructor(scope: Construct, id: string, props: ApplicationServiceProps) {
    const { app, seedEnvironment, seedSecrets, ...service } = props;
    const { environment, secrets } = applicationEnvironment(
      servesApi(app.roles) && app.apiWorkers === undefined
        ? { ...app, apiWorkers: apiWorkersFor(service.cpu ?? DEFAULT_CPU) }
        : app,
    );
    super(scope, id, {
      ...service,
      command: serveCommand(app.roles),
      port: app.port,
      environment: { ...environment, ...seedEnvironment },
      secrets: { ...secrets, ...seedSecrets },
    });
    if (app.reports) grantReports(this.taskRole, app.reports);
    const scans = app.roles.includes('worker') || app.roles.includes('all');
    if (scans && app.scanBuckets?.length) grantScanning(this.taskRole, app.scanBuckets);
    // The API lists a source for `POST /scan/estimate`; it never reads an object.
    else if (app.roles.includes('api') && app.scanBuckets?.length)
      grantListing(this.taskRole, app.scanBuckets);
    if (app.notifications) grantNotifications(this.taskRole, app.notifications.channels);
  }
}

const bucketArn = (stack: Stack, bucket: string) =>
  stack.formatArn({ service: 's3', region: '', account: '', resource: bucket });

/** Lets a role list the scan buckets (what an estimate calls). */
export function grantListing(role: iam.Role, buckets: readonly string[]): void {
  const stack = Stack.of(role);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ListScanBuckets',
      actions: ['s3:ListBucket'],
      resources: buckets.map((b) => bucketArn(stack, b)),
    }),
  );
}

/** Lets a role list the scan buckets and read their objects (what the planner and the worker call). */
export function grantScanning(role: iam.Role, buckets: readonly string[]): void {
  const stack = Stack.of(role);
  const arn = (bucket: string) => bucketArn(stack, bucket);
  grantListing(role, buckets);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ReadScanObjects',
      actions: ['s3:GetObject'],
      resources: buckets.map((b) => `${arn(b)}/*`),
    }),
  );
  acknowledge(
    role,
    Object.fromEntries(
      buckets.map((b) => [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${b}/*]`,
        'A scan reads whatever objects the user points it at, within the buckets the deployer named.',
      ]),
    ),
  );
}

/**
 * Lets a role act on a bucket's objects (`actions`) and, when `list`, list the bucket; the object
 * wildcard is acknowledged for cdk-nag.
 */
export function grantBucketObjects(
  role: iam.IRole,
  bucket: s3.IBucket,
  actions: readonly string[],
  list: boolean,
): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: [...actions], resources: [bucket.arnForObjects('*')] }),
  );
  const objects = bucket.node.defaultChild
    ? `${nagRef(bucket, 'Arn')}/*`
    : `arn:<AWS::Partition>:s3:::${bucket.bucketName}/*`;
  acknowledge(role, {
    [`AwsSolutions-IAM5[Resource::${objects}]`]:
      'Object keys are chosen at run time; access stays within one bucket.',
  });
  if (list) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
    );
  }
}

/** The buckets named by `-c scanBuckets=a,b`, checked. */
export function scanBucketsOption(value: string | undefined): string[] {
  const buckets = (value ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const bad = buckets.filter((b) => !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(b));
  if (bad.length > 0)
    throw new Error(`option scanBuckets: ${bad.map((b) => `"${b}"`).join(', ')} is not a bucket name`);
  return buckets;
}
