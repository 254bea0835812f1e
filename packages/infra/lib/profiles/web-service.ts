import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { containerImage } from '../constructs/container-image.ts';
import { PostgresDatabase } from '../constructs/database.ts';
import { FargateService } from '../constructs/fargate-service.ts';
import { FingerprintKey } from '../constructs/fingerprint-key.ts';
import { ImageRepository } from '../constructs/image-repository.ts';
import { Network, type SubnetTier } from '../constructs/network.ts';
import { Observability } from '../constructs/observability.ts';
import { PublicLoadBalancer } from '../constructs/public-load-balancer.ts';
import { ServiceCluster } from '../constructs/service-cluster.ts';
import {
  grantNotifications,
  notificationChannels,
  notifierEnvironment,
  publicUrlOf,
} from './notifications.ts';
import { checkAppName, type EnvName, type Profile, type ProfileContext, serveCommand } from './profile.ts';
import { createReportsBucket, grantReports, type ReportsStore, reportsEnvironment } from './reports.ts';
import { recordDifferences, type SeedDifference } from './seed-differences.ts';

/** The `web-service` seed (001_2349f6adb7591eff.txt) as numbers; prod adds the seed's production choices. */
export interface WebServiceConfig {
  readonly vpcCidr: string;
  readonly tiers: readonly SubnetTier[];
  readonly natGateways: number;
  readonly port: number;
  /** `data-scanner serve --role ...`: the one service runs every role. */
  readonly roles: readonly string[];
  readonly healthCheck: {
    readonly path: string;
    readonly intervalSeconds: number;
    readonly timeoutSeconds: number;
    readonly healthy: number;
    readonly unhealthy: number;
  };
  readonly service: {
    readonly cpu: number;
    readonly memoryMiB: number;
    readonly desiredCount: number;
    readonly minHealthyPercent: number;
    readonly maxHealthyPercent: number;
    readonly minTasks: number;
    readonly maxTasks: number;
    readonly cpuTargetPercent: number;
    readonly memoryTargetPercent: number;
    readonly scaleOutCooldownSeconds: number;
    readonly scaleInCooldownSeconds: number;
  };
  readonly database: {
    readonly instanceType: string;
    readonly allocatedStorageGiB: number;
    readonly maxAllocatedStorageGiB: number;
    readonly multiAz: boolean;
    readonly backupRetentionDays: number;
    readonly performanceInsights: boolean;
    readonly deletionProtection: boolean;
    readonly logExports: readonly string[];
  };
  readonly logRetention: logs.RetentionDays;
  readonly keepTaggedImages: number;
  readonly alarms: {
    readonly cpuPercent: number;
    readonly memoryPercent: number;
    readonly unhealthyTargets: number;
    readonly http5xxPerFiveMinutes: number;
  };
  readonly differences: readonly SeedDifference[];
}

const SEED: WebServiceConfig = {
  vpcCidr: '10.0.0.0/16',
  tiers: [
    { name: 'Public', kind: 'public', cidrs: ['10.0.1.0/24', '10.0.2.0/24'] },
    { name: 'Private', kind: 'private', cidrs: ['10.0.11.0/24', '10.0.12.0/24'] },
  ],
  natGateways: 1,
  port: 8000,
  roles: ['all'],
  healthCheck: { path: '/healthz', intervalSeconds: 30, timeoutSeconds: 5, healthy: 2, unhealthy: 3 },
  service: {
    cpu: 512,
    memoryMiB: 1024,
    desiredCount: 2,
    minHealthyPercent: 100,
    maxHealthyPercent: 200,
    minTasks: 2,
    maxTasks: 6,
    cpuTargetPercent: 70,
    memoryTargetPercent: 80,
    scaleOutCooldownSeconds: 60,
    scaleInCooldownSeconds: 300,
  },
  database: {
    instanceType: 't3.micro',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 100,
    multiAz: false,
    backupRetentionDays: 7,
    performanceInsights: false,
    deletionProtection: false,
    logExports: ['postgresql', 'upgrade'],
  },
  logRetention: logs.RetentionDays.ONE_WEEK,
  keepTaggedImages: 10,
  alarms: { cpuPercent: 80, memoryPercent: 90, unhealthyTargets: 0, http5xxPerFiveMinutes: 10 },
  differences: [
    {
      topic: 'PostgreSQL version',
      seed: 'PostgreSQL 15.4',
      deployed: 'PostgreSQL 15.17, the current 15 minor, with minor-version upgrades on',
      reason: 'RDS has retired 15.4 for new instances',
    },
    {
      topic: 'NAT gateways',
      seed: 'A NAT gateway drawn in each public subnet; the cost table counts one',
      deployed: 'One NAT gateway in dev and staging, one per AZ in prod',
      reason: "The seed's cost table for the light environments, its diagram for production",
    },
    {
      topic: 'Secrets',
      seed: 'Database credentials (username, password) in Secrets Manager; environment variables from Secrets Manager',
      deployed:
        'A generated password (<app>/<env>/database-credentials), a DATABASE_URL secret built from it at deploy time, and the finding-fingerprint key; ECS injects DATABASE_URL and FINGERPRINT_KEY, all other settings are plain environment variables',
      reason: 'Only secrets belong in Secrets Manager; the rest stays visible in the task definition',
    },
    {
      topic: 'Encryption',
      seed: 'RDS AES-256; Secrets Manager with AWS KMS',
      deployed:
        'RDS storage encrypted with the AWS managed KMS key (AES-256), TLS required (rds.force_ssl); secrets with the AWS managed key; the reports bucket SSE-S3 with a TLS-only policy',
      reason: 'Encryption at rest and in transit everywhere',
    },
    {
      topic: 'Roles and reports',
      seed: 'One FastAPI service',
      deployed:
        'One service running `serve --role all` (API, worker, scheduler, notifier in every task) and a reports bucket <app>-<env>-reports-<account> (versioned, TLS only, private) read and written under reports/; notifications by webhook, email only when -c sesFromAddress is given, no SMS',
      reason:
        'Recurring scans, notifications and PDF reports need those roles and a store that outlives the tasks',
    },
    {
      topic: 'Infrastructure as code',
      seed: 'CloudFormation or Terraform',
      deployed: 'AWS CDK (TypeScript), deployed through CloudFormation',
      reason: 'All Data Scanner profiles share one construct library',
    },
  ],
};

/** The configuration of an environment: dev and staging are the seed, prod its production column. */
export function webServiceConfig(env: EnvName): WebServiceConfig {
  if (env !== 'prod') return SEED;
  return {
    ...SEED,
    natGateways: 2,
    database: {
      ...SEED.database,
      instanceType: 't3.small',
      multiAz: true,
      performanceInsights: true,
      deletionProtection: true,
    },
    logRetention: logs.RetentionDays.ONE_MONTH,
  };
}

function createStack(scope: Construct, context: ProfileContext): Stack {
  const env = context.env;
  const app = checkAppName(context.appName ?? webService.defaultAppName);
  const config = webServiceConfig(env);
  const name = (suffix?: string) => (suffix ? `${app}-${env}-${suffix}` : `${app}-${env}`);
  const stack = new Stack(scope, name(), {
    stackName: name(),
    description: `Data Scanner (${webService.id} profile, ${env}): ALB + Fargate API, RDS PostgreSQL, alarms`,
    ...(context.stackEnv ? { env: context.stackEnv } : {}),
    tags: { Application: app, Environment: env, Profile: webService.id },
  });
  const removal = env === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

  const network = new Network(stack, 'Network', {
    cidr: config.vpcCidr,
    tiers: config.tiers,
    natGateways: config.natGateways,
  });
  const vpc = network.vpc;
  const repository = new ImageRepository(stack, 'Registry', {
    repositoryName: name(),
    keepImages: config.keepTaggedImages,
    countImages: 'tagged',
    removalPolicy: removal,
  });
  const database = new PostgresDatabase(stack, 'Database', {
    vpc,
    subnets: network.subnets('Private'),
    instanceType: new ec2.InstanceType(config.database.instanceType),
    allocatedStorageGiB: config.database.allocatedStorageGiB,
    maxAllocatedStorageGiB: config.database.maxAllocatedStorageGiB,
    multiAz: config.database.multiAz,
    backupRetentionDays: config.database.backupRetentionDays,
    performanceInsights: config.database.performanceInsights,
    deletionProtection: config.database.deletionProtection,
    cloudwatchLogsExports: config.database.logExports,
    requireSsl: true,
    instanceIdentifier: name('db'),
    secretName: `${app}/${env}/database-credentials`,
    urlSecretName: `${app}/${env}/database-url`,
    removalPolicy: env === 'prod' ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
  });
  const fingerprintKey = new FingerprintKey(stack, 'FingerprintKey', {
    secretName: `${app}/${env}/fingerprint-key`,
  }).secret;
  const reports: ReportsStore = {
    bucket: createReportsBucket(stack, {
      bucketName: `${name('reports')}-${stack.account}`,
      removalPolicy: removal,
    }),
  };
  const channels = notificationChannels(context.options, { emailRequired: false, sms: false });

  const lb = new PublicLoadBalancer(stack, 'LoadBalancer', {
    vpc,
    subnets: network.subnets('Public'),
    loadBalancerName: name('alb'),
    ...(context.options?.certificateArn ? { certificateArn: context.options.certificateArn } : {}),
  });
  const cluster = new ServiceCluster(stack, 'Cluster', {
    vpc,
    clusterName: name('cluster'),
    containerInsights: true,
  });
  const s = config.service;
  const web = new FargateService(stack, 'App', {
    cluster: cluster.cluster,
    image: containerImage(context.image ?? { kind: 'asset' }, repository.repository),
    command: serveCommand(config.roles),
    subnets: network.subnets('Private'),
    serviceName: name('service'),
    family: name(),
    containerName: app,
    cpu: s.cpu,
    memoryMiB: s.memoryMiB,
    cpuArchitecture: ecs.CpuArchitecture.X86_64,
    port: config.port,
    desiredCount: s.desiredCount,
    minHealthyPercent: s.minHealthyPercent,
    maxHealthyPercent: s.maxHealthyPercent,
    circuitBreaker: true,
    capacity: [
      { provider: 'FARGATE', weight: 1, base: 1 },
      { provider: 'FARGATE_SPOT', weight: 1 },
    ],
    healthCheckPath: config.healthCheck.path,
    logGroupName: `/ecs/${name()}`,
    logRetention: config.logRetention,
    environment: {
      HOST: '0.0.0.0',
      PORT: String(config.port),
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'true',
      ...reportsEnvironment(reports),
      ...notifierEnvironment(channels, publicUrlOf(context.options, lb.url)),
    },
    secrets: {
      DATABASE_URL: ecs.Secret.fromSecretsManager(database.urlSecret),
      FINGERPRINT_KEY: ecs.Secret.fromSecretsManager(fingerprintKey),
    },
    autoscaling: {
      minTasks: s.minTasks,
      maxTasks: s.maxTasks,
      cpuTargetPercent: s.cpuTargetPercent,
      memoryTargetPercent: s.memoryTargetPercent,
      scaleOutCooldown: Duration.seconds(s.scaleOutCooldownSeconds),
      scaleInCooldown: Duration.seconds(s.scaleInCooldownSeconds),
    },
  });
  const hc = config.healthCheck;
  const targetGroup = web.attachTo(lb.listener, {
    targetGroupName: name('tg'),
    healthCheck: {
      path: hc.path,
      interval: Duration.seconds(hc.intervalSeconds),
      timeout: Duration.seconds(hc.timeoutSeconds),
      healthyThreshold: hc.healthy,
      unhealthyThreshold: hc.unhealthy,
    },
  });
  database.allowFrom(web);
  grantReports(web.taskRole, reports);
  grantNotifications(web.taskRole, channels);

  const observability = new Observability(stack, 'Observability', {
    topicName: name('alarms'),
    dashboardName: name(),
  });
  const period = Duration.minutes(5);
  const cpu = web.service.metricCpuUtilization({ period });
  const memory = web.service.metricMemoryUtilization({ period });
  const requests = lb.loadBalancer.metrics.requestCount({ period });
  const errors5xx = new cloudwatch.MathExpression({
    expression: 'FILL(elb, 0) + FILL(target, 0)',
    usingMetrics: {
      elb: lb.loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period }),
      target: lb.loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period }),
    },
    label: '5xx responses',
    period,
  });
  const latency = lb.loadBalancer.metrics.targetResponseTime({ period, statistic: 'p95' });
  observability.alarm('HighCpu', {
    metric: cpu,
    threshold: config.alarms.cpuPercent,
    evaluationPeriods: 2,
    description: 'Service CPU above the seed limit',
  });
  observability.alarm('HighMemory', {
    metric: memory,
    threshold: config.alarms.memoryPercent,
    evaluationPeriods: 2,
    description: 'Service memory above the seed limit',
  });
  observability.alarm('UnhealthyTargets', {
    metric: targetGroup.metrics.unhealthyHostCount({ period: Duration.minutes(1) }),
    threshold: config.alarms.unhealthyTargets,
    evaluationPeriods: 2,
    description: 'The load balancer sees unhealthy API tasks',
  });
  observability.alarm('Http5xx', {
    metric: errors5xx,
    threshold: config.alarms.http5xxPerFiveMinutes,
    description: 'The API returns server errors',
  });
  observability.addWidgets(
    new cloudwatch.GraphWidget({ title: 'Request rate', left: [requests], width: 8 }),
    new cloudwatch.GraphWidget({
      title: 'Error rate (%)',
      left: [
        new cloudwatch.MathExpression({
          expression: '100 * errors / IF(requests > 0, requests, 1)',
          usingMetrics: { errors: errors5xx, requests },
          label: '5xx %',
          period,
        }),
      ],
      width: 8,
    }),
    new cloudwatch.GraphWidget({ title: 'Response time (p95, s)', left: [latency], width: 8 }),
  );
  observability.addWidgets(
    new cloudwatch.GraphWidget({ title: 'CPU utilisation (%)', left: [cpu], width: 12 }),
    new cloudwatch.GraphWidget({ title: 'Memory utilisation (%)', left: [memory], width: 12 }),
  );
  recordDifferences(stack, config.differences);
  return stack;
}

/** Profile `web-service`: ALB + Fargate API (2..6 tasks), RDS PostgreSQL 15, Secrets Manager, alarms and dashboard. */
export const webService: Profile = {
  id: 'web-service',
  seed: '001_2349f6adb7591eff.txt',
  description:
    'ALB + Fargate API (2..6 tasks on CPU/memory, circuit breaker), RDS PostgreSQL 15, alarms, dashboard',
  defaultAppName: 'fastapi-app',
  create: (scope, context) => [createStack(scope, context)],
};
