import { CfnOutput } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { apiPrefixOf } from '../constructs/cdn.ts';
import { Keys } from '../constructs/keys.ts';
import { acknowledge, nagRef } from '../constructs/nag.ts';
import { regionalArnFinding } from '../constructs/nag-findings.ts';
import { PublicLoadBalancer } from '../constructs/public-load-balancer.ts';
import type { ReportsStore } from '../constructs/reports.ts';
import { SecureBucket } from '../constructs/secure-bucket.ts';
import { type AstroConfig, astroConfig } from './astro-config.ts';
import { createNetwork, domainFrom } from './astro-placement.ts';
import { defineProfile } from './define-profile.ts';
import type { Profile } from './profile.ts';
import type { ProfileStack } from './profile-stack.ts';
import {
  apiAliasRecord,
  apiCertificateArn,
  cloudFrontOriginGuard,
  dashboardSite,
} from './public-endpoint.ts';
import { dataStoreAlarms, loadBalancerAlarm, serviceAlarms } from './service-alarms.ts';

function build(stack: ProfileStack, config: AstroConfig): void {
  const { context, envName: env } = stack;
  const app = stack.app;
  const name = (suffix: string) => stack.name(suffix);
  const removal = stack.removalPolicy;
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
  // The seed's PDF bucket is the reports store, encrypted with the CMK.
  const reports: ReportsStore = { bucket: pdfs.bucket, key };

  stack.imageRepository({ repositoryName: name('api'), keepImages: config.keepImages, countImages: 'any' });

  const database = stack.database(vpc, placement.databaseSubnets, config.database, {
    secretEncryptionKey: key,
  });
  if (placement.workloadAz !== undefined) {
    (database.instance.node.defaultChild as rds.CfnDBInstance).availabilityZone = placement.workloadAz;
  }
  const cache = stack.cache(vpc, placement.cacheSubnets, config.redis, {
    secretEncryptionKey: key,
    availabilityZones: placement.workloadAz === undefined ? undefined : [placement.workloadAz],
  });
  const secretKey = stack.secretKey({
    description: 'Application secret key (JWT signing and finding fingerprints)',
    encryptionKey: key,
    rotation:
      'Rotating the key would sign out every user and regroup fingerprints; it is rotated on release.',
  });

  const apiCertificate = apiCertificateArn(stack, domain?.apiDomainName, domain?.zone);
  const apiDomainName = domain?.apiDomainName ?? stack.option('apiDomainName');
  const originGuard = cloudFrontOriginGuard(stack, stack.secretName('cloudfront-origin-header'), key);
  const lb = new PublicLoadBalancer(stack, 'LoadBalancer', {
    vpc,
    subnets: placement.publicSubnets,
    loadBalancerName: name('alb'),
    certificateArn: apiCertificate,
    cloudFrontOnly: originGuard,
  });
  if (domain) apiAliasRecord(stack, { domainName: domain.apiDomainName, zone: domain.zone }, lb.loadBalancer);

  const cdn = dashboardSite(stack, 'Cdn', {
    bucket: frontend.bucket,
    logBucket: accessLogs.bucket,
    lb,
    apiPath: config.cdn.apiPath,
    apiDomainName,
    originGuard,
    comment: `${name('frontend')}: SPA and ${config.cdn.apiPath}`,
    cacheTtl: config.cdn.cacheTtl,
    domain: domain ? { domainNames: [domain.domainName], hostedZone: domain.zone } : undefined,
  });
  const publicUrl = stack.publicUrl(`https://${domain ? domain.domainName : cdn.domainName}`);
  const channels = stack.notificationChannels({ emailRequired: false, sms: false });
  const execLogs = new logs.LogGroup(stack, 'ExecLogs', {
    logGroupName: `/ecs/${name('api')}/exec`,
    retention: config.logRetention,
    removalPolicy: removal,
  });

  const tasksGroup = stack.tasksSecurityGroup(vpc, `ECS tasks: ${config.port} from the ALB only`, {
    database,
    databasePort: config.database.port,
    cache,
  });
  const s = config.service;
  stack.cluster(vpc, { executeCommandLogGroup: execLogs });
  const api = stack.service('Api', {
    name: name('api'),
    containerName: 'api',
    app: {
      database: database.urlSecret,
      fingerprintKey: secretKey,
      roles: s.roles,
      scanBuckets: stack.scanBuckets,
      port: config.port,
      behindLoadBalancer: true,
      redis: { url: cache.url, authToken: cache.authToken },
      reports,
      notifications: { channels, publicUrl },
    },
    // The seed's backups bucket; the service does not write it (backups are RDS snapshots).
    seedEnvironment: { BACKUP_BUCKET: backups.bucket.bucketName },
    subnets: placement.privateSubnets,
    securityGroup: tasksGroup,
    cpu: s.cpu,
    memoryMiB: s.memoryMiB,
    desiredCount: s.desiredCount,
    capacity: [{ provider: s.capacityProvider, weight: 1 }],
    enableExecuteCommand: s.executeCommand,
    healthCheckPath: config.healthCheckPath,
    taskRoleName: name('ecs-task-role'),
    executionRoleName: name('ecs-execution-role'),
  });
  api.attachTo(lb.listener, {
    conditions: lb.routeConditions,
    targetGroupName: name('api'),
    healthCheck: { path: config.healthCheckPath },
  });
  acknowledge(api.taskRole, {
    'AwsSolutions-IAM5[Resource::*]':
      'ECS Exec: ssmmessages:Create/OpenControlChannel and Create/OpenDataChannel, and logs:DescribeLogGroups, which the session logging calls, have no resource-level permissions.',
    [regionalArnFinding(stack, 'logs', `log-group:${nagRef(execLogs)}:*`)]:
      'ECS Exec session logs: log streams of the one exec log group, named by ECS per session.',
  });

  const observability = stack.observability({ topicName: name('alarms') });
  serviceAlarms(observability, 'Api', api, config.alarms);
  loadBalancerAlarm(observability, lb.loadBalancer, config.alarms);
  dataStoreAlarms(observability, database, cache, config.alarms);

  new CfnOutput(stack, 'DistributionDomainName', { value: cdn.domainName });
  const siteUrl = `https://${domain ? domain.domainName : cdn.domainName}`;
  stack.output('ApiUrl', `${siteUrl}${apiPrefixOf(config.cdn.apiPath)}`, 'API URL (dashboard at /)');
  stack.secretOutputs({
    DatabaseUrl: database.urlSecret,
    SecretKey: secretKey,
    RedisAuthToken: cache.authToken,
  });
  stack.adminCommand(api, placement.privateSubnets);
}

/** Profile `astro`: seed 004, single-AZ dev and multi-AZ prod. */
export const astro: Profile = defineProfile({
  id: 'astro',
  seed: '004_9ee20fdf2624985b.txt',
  description:
    'Seed 004: CloudFront (SPA from S3, /api/* to ALB), Fargate Spot, RDS PostgreSQL 16, Redis 7.1, KMS CMK; single-AZ dev, 3-AZ prod',
  defaultAppName: 'astro',
  config: ({ env }) => astroConfig(env),
  stack: (_config, { env }) => ({
    description: `Data Scanner (astro profile, ${env}): CloudFront SPA + /api/* to ALB, Fargate Spot, RDS PostgreSQL 16, Redis, KMS`,
  }),
  build,
});
