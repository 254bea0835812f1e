import { Annotations, CfnOutput, Duration, SecretValue } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { apiPrefixOf } from '../constructs/cdn.ts';
import { acknowledge } from '../constructs/nag.ts';
import { scaleToOfficeHours } from '../constructs/office-hours.ts';
import { createReportsBucket, type ReportsStore } from '../constructs/reports.ts';
import { SecureBucket } from '../constructs/secure-bucket.ts';
import { defineProfile } from './define-profile.ts';
import type { Profile } from './profile.ts';
import type { ProfileStack } from './profile-stack.ts';
import { cloudFrontOriginGuard, dashboardSite, publicApi } from './public-endpoint.ts';
import { dataStoreAlarms, loadBalancerAlarm, serviceAlarms } from './service-alarms.ts';
import {
  CHEETAH_CONFIG,
  TIGER_CONFIG,
  type TigerCheetahConfig,
  tigerCheetahNames,
} from './tiger-cheetah-config.ts';

function build(stack: ProfileStack, config: TigerCheetahConfig): void {
  const env = config.envName;
  const names = tigerCheetahNames(env, stack.app, stack.account);
  const removal = stack.removalPolicy;
  const network = stack.network(config);
  const vpc = network.vpc;

  const logsBucket = new SecureBucket(stack, 'LogsBucket', {
    bucketName: names.logsBucket,
    versioned: true,
    infrequentAccessAfterDays: config.logsBucket.infrequentAccessAfterDays,
    expireAfterDays: config.logsBucket.expireAfterDays,
    noncurrentVersionExpirationDays: config.logsBucket.expireAfterDays,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    noAccessLogsReason: 'It is the logs bucket: the other buckets and CloudFront log into it.',
    removalPolicy: removal,
  });
  const assetsBucket = new SecureBucket(stack, 'AssetsBucket', {
    bucketName: names.assetsBucket,
    versioned: true,
    serverAccessLogsBucket: logsBucket.bucket,
    serverAccessLogsPrefix: 's3/assets/',
    removalPolicy: removal,
  });
  // Reports get a bucket of their own: CloudFront serves every object of the assets bucket to anyone,
  // and the logs bucket deletes objects after 90 days and is written by log delivery.
  const reports: ReportsStore = {
    bucket: createReportsBucket(stack, {
      bucketName: names.reportsBucket,
      accessLogs: { bucket: logsBucket.bucket, prefix: 's3/reports/' },
      removalPolicy: removal,
    }),
  };

  stack.imageRepository({
    repositoryName: names.repository,
    keepImages: config.keepImages,
    countImages: 'any',
  });

  const database = stack.database(vpc, network.subnets('Database'), config.database, {
    // The seed asks for KMS encryption without a customer-managed key: name the AWS managed one.
    encryptionKey: kms.Alias.fromAliasName(stack, 'RdsAwsManagedKey', 'alias/aws/rds'),
  });
  const cache = stack.cache(vpc, network.subnets('Database'), config.redis);
  const secretKey = stack.secretKey();
  const channels = stack.notificationChannels({ emailRequired: true, sms: true });
  const sesConfig = new secretsmanager.Secret(stack, 'SesConfig', {
    secretName: stack.secretName('ses-config'),
    description: 'SES sender settings (no credentials: the task role signs SES calls)',
    secretObjectValue: {
      region: SecretValue.unsafePlainText(stack.region),
      fromAddress: SecretValue.unsafePlainText(channels.emailFrom ?? ''),
    },
  });
  acknowledge(sesConfig, {
    'AwsSolutions-SMG4': 'It holds sender settings, not a credential; there is nothing to rotate.',
  });

  const originGuard = cloudFrontOriginGuard(stack, stack.secretName('cloudfront-origin-header'));
  const { lb, domain } = publicApi(stack, {
    vpc,
    subnets: network.subnets('Public'),
    cloudFrontOnly: originGuard,
  });
  const apiDomainName = domain?.domainName ?? stack.option('apiDomainName');
  if (config.internalZoneName) {
    // The seed's domain (tiger.internal): a private zone in the VPC where api.<zone> names the ALB.
    const internalZone = new route53.PrivateHostedZone(stack, 'InternalZone', {
      zoneName: config.internalZoneName,
      vpc,
    });
    new route53.ARecord(stack, 'InternalApiAlias', {
      zone: internalZone,
      recordName: `api.${config.internalZoneName}`,
      target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(lb.loadBalancer)),
    });
  }
  if (lb.https && !apiDomainName) {
    Annotations.of(stack).addWarningV2(
      'data-scanner:cdn-api-over-http',
      'certificateArn without apiDomainName: CloudFront reaches the ALB by its AWS DNS name over HTTP, which the ALB redirects to HTTPS. Pass -c apiDomainName=<name on the certificate that resolves to the ALB>.',
    );
  }
  const cdn = dashboardSite(stack, 'AssetsCdn', {
    bucket: assetsBucket.bucket,
    logBucket: logsBucket.bucket,
    lb,
    apiPath: config.apiPath,
    apiDomainName,
    originGuard,
    comment: `${stack.name('assets')}: dashboard and ${config.apiPath}`,
  });
  const publicUrl = stack.publicUrl(`https://${cdn.domainName}`);
  const tasksGroup = stack.tasksSecurityGroup(vpc, `ECS tasks: ${config.port} from the ALB only`, {
    database,
    databasePort: config.database.port,
    cache,
  });
  stack.cluster(vpc);
  const settings = {
    database: database.urlSecret,
    fingerprintKey: secretKey,
    redis: { url: cache.url, authToken: cache.authToken },
    reports,
    scanBuckets: stack.scanBuckets,
  };
  // The seed's `{env}/fastapi/ses-config` secret: the service reads its SES settings from NOTIFY_EMAIL_FROM.
  const seedSecrets = { SES_CONFIG: ecs.Secret.fromSecretsManager(sesConfig) };
  const a = config.api;
  const api = stack.service('Api', {
    name: names.api,
    containerName: names.api,
    app: { ...settings, roles: a.roles, port: config.port, behindLoadBalancer: true },
    seedSecrets,
    subnets: network.subnets('App'),
    securityGroup: tasksGroup,
    cpu: a.cpu,
    memoryMiB: a.memoryMiB,
    desiredCount: a.desiredCount,
    healthCheckPath: config.healthCheckPath,
    enableExecuteCommand: stack.ecsExec,
    autoscaling: {
      minTasks: a.minTasks,
      maxTasks: a.maxTasks,
      cpuTargetPercent: a.cpuTargetPercent,
      scaleOutCooldown: Duration.seconds(a.scaleOutCooldownSeconds),
      scaleInCooldown: Duration.seconds(a.scaleInCooldownSeconds),
    },
  });
  api.attachTo(lb.listener, {
    conditions: lb.routeConditions,
    targetGroupName: stack.name('tg'),
    healthCheck: { path: config.healthCheckPath },
  });
  const worker = stack.service('Worker', {
    name: names.worker,
    containerName: names.worker,
    app: { ...settings, roles: config.worker.roles, notifications: { channels, publicUrl } },
    seedSecrets,
    subnets: network.subnets('App'),
    securityGroup: tasksGroup,
    cpu: config.worker.cpu,
    memoryMiB: config.worker.memoryMiB,
    desiredCount: config.worker.desiredCount,
  });
  if (config.officeHours !== undefined && api.scaling !== undefined) {
    scaleToOfficeHours(api.scaling, config.officeHours, {
      workingMin: a.minTasks,
      workingMax: a.maxTasks,
      offHours: 0,
    });
    const workerSchedule = worker.service.autoScaleTaskCount({
      minCapacity: config.worker.desiredCount,
      maxCapacity: config.worker.desiredCount,
    });
    scaleToOfficeHours(workerSchedule, config.officeHours, {
      workingMin: config.worker.desiredCount,
      workingMax: config.worker.desiredCount,
      offHours: 0,
    });
  }
  // The seed's task role reads Secrets Manager; the worker service also runs the notifier, so it alone
  // sends email and SMS (ApplicationService grants the reports and the channels).
  for (const service of [api, worker]) {
    for (const secret of [database.urlSecret, secretKey, sesConfig, cache.authToken])
      secret.grantRead(service.taskRole);
  }

  // The seed's "Audit Logging: CloudTrail enabled": on by default in staging, an option in dev.
  if (stack.flag('cloudTrail', config.cloudTrail)) {
    new cloudtrail.Trail(stack, 'AuditTrail', {
      trailName: stack.name('audit'),
      bucket: logsBucket.bucket,
      s3KeyPrefix: 'cloudtrail',
      enableFileValidation: true,
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: true,
    });
  }

  const observability = stack.observability({ topicName: stack.name('alarms') });
  serviceAlarms(observability, 'Api', api, config.alarms);
  loadBalancerAlarm(observability, lb.loadBalancer, config.alarms);
  if (config.alarmSet === 'full') {
    serviceAlarms(observability, 'Worker', worker, config.alarms);
    dataStoreAlarms(observability, database, cache, config.alarms);
  }

  new CfnOutput(stack, 'AssetsDomainName', {
    value: cdn.domainName,
    description: 'CloudFront name of the dashboard (the API under /api/*)',
  });
  stack.output(
    'ApiUrl',
    `https://${cdn.domainName}${apiPrefixOf(config.apiPath)}`,
    'API URL (dashboard at /)',
  );
  stack.secretOutputs({
    DatabaseUrl: database.urlSecret,
    SecretKey: secretKey,
    RedisAuthToken: cache.authToken,
    SesConfig: sesConfig,
  });
  stack.adminCommand(api, network.subnets('App'));
}

/** The stack of one seed-002 environment: named `<env>-<app>`, its resources `<env>-<app>-*`, never retained. */
const seed002Stack = (config: TigerCheetahConfig) => ({
  envName: config.envName,
  stackName: (app: string) => `${config.envName}-${app}`,
  description: `Data Scanner (${config.envName} profile): ALB + Fargate API and worker, RDS PostgreSQL, Redis, CloudFront assets`,
  production: false,
  naming: (app: string, account: string) => tigerCheetahNames(config.envName, app, account),
});

/** Profile `tiger`: the dev environment of seed 002. */
export const tiger: Profile = defineProfile({
  id: 'tiger',
  seed: '002_3a149d6e15966cab.txt',
  description:
    'Seed 002 dev: 3-tier VPC 10.0.0.0/16, API 1..4 + worker, RDS single-AZ, Redis single node, nights/weekends scale-down',
  defaultAppName: 'fastapi',
  fixedEnv: 'dev',
  config: () => TIGER_CONFIG,
  stack: seed002Stack,
  build,
});

/** Profile `cheetah`: the staging environment of seed 002. */
export const cheetah: Profile = defineProfile({
  id: 'cheetah',
  seed: '002_3a149d6e15966cab.txt',
  description:
    'Seed 002 staging: 3-tier VPC 10.1.0.0/16, API 2..6 + worker, RDS Multi-AZ, Redis with a replica',
  defaultAppName: 'fastapi',
  fixedEnv: 'staging',
  config: () => CHEETAH_CONFIG,
  stack: seed002Stack,
  build,
});
