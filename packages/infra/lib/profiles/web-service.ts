import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { ApplicationService, scanBucketsOption } from '../constructs/application-service.ts';
import { PostgresDatabase } from '../constructs/database.ts';
import { FingerprintKey } from '../constructs/fingerprint-key.ts';
import { Network } from '../constructs/network.ts';
import { notificationChannels, publicUrlOf } from '../constructs/notifications.ts';
import { PublicLoadBalancer } from '../constructs/public-load-balancer.ts';
import { createReportsBucket } from '../constructs/reports.ts';
import type { Profile, ProfileContext } from './profile.ts';
import { ProfileStack } from './profile-stack.ts';
import { apiAliasRecord, apiCertificateArn, apiDomainFrom } from './public-endpoint.ts';
import {
  databaseAlarms,
  load5xxMetric,
  loadBalancerAlarm,
  serviceAlarms,
  targetHealthAlarm,
} from './service-alarms.ts';
import { webServiceConfig } from './web-service-config.ts';

function createStack(scope: Construct, context: ProfileContext): ProfileStack {
  const env = context.env;
  const config = webServiceConfig(env);
  const stack = new ProfileStack(scope, {
    profile: webService,
    context,
    envName: env,
    stackName: (app) => `${app}-${env}`,
    description: `Data Scanner (${webService.id} profile, ${env}): ALB + Fargate API, RDS PostgreSQL, alarms`,
    differences: config.differences,
  });
  const app = stack.app;
  const name = (suffix?: string) => (suffix ? `${app}-${env}-${suffix}` : `${app}-${env}`);

  const network = new Network(stack, 'Network', {
    cidr: config.vpcCidr,
    tiers: config.tiers,
    natGateways: config.natGateways,
  });
  const vpc = network.vpc;
  stack.imageRepository({
    repositoryName: name(),
    keepImages: config.keepTaggedImages,
    countImages: 'tagged',
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
    removalPolicy: stack.databaseRemovalPolicy,
  });
  const fingerprintKey = new FingerprintKey(stack, 'FingerprintKey', {
    secretName: `${app}/${env}/fingerprint-key`,
  }).secret;
  const reportsBucket = createReportsBucket(stack, {
    bucketName: `${name('reports')}-${stack.account}`,
    removalPolicy: stack.removalPolicy,
  });
  const channels = notificationChannels(context.options, { emailRequired: false, sms: false });

  const domain = apiDomainFrom(stack);
  const lb = new PublicLoadBalancer(stack, 'LoadBalancer', {
    vpc,
    subnets: network.subnets('Public'),
    loadBalancerName: name('alb'),
    certificateArn: apiCertificateArn(stack, domain?.domainName, domain?.zone),
  });
  if (domain) apiAliasRecord(stack, domain, lb.loadBalancer);
  const apiUrl = domain ? `https://${domain.domainName}` : lb.url;
  const s = config.service;
  const web = new ApplicationService(stack, 'App', {
    cluster: stack.cluster(vpc, { clusterName: name('cluster'), containerInsights: true }),
    image: stack.image,
    app: {
      database: database.urlSecret,
      fingerprintKey,
      roles: config.roles,
      scanBuckets: scanBucketsOption(stack.option('scanBuckets')),
      port: config.port,
      behindLoadBalancer: true,
      reports: { bucket: reportsBucket },
      notifications: { channels, publicUrl: publicUrlOf(context.options, apiUrl) },
    },
    subnets: network.subnets('Private'),
    serviceName: name('service'),
    family: name(),
    containerName: app,
    cpu: s.cpu,
    memoryMiB: s.memoryMiB,
    cpuArchitecture: ecs.CpuArchitecture.X86_64,
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
    enableExecuteCommand: stack.ecsExec,
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
  stack.output('ApiUrl', apiUrl, 'API and dashboard URL');
  stack.secretOutputs({ DatabaseUrl: database.urlSecret, FingerprintKey: fingerprintKey });
  stack.adminCommand(web, network.subnets('Private'));

  const observability = stack.observability({ topicName: name('alarms'), dashboardName: name() });
  serviceAlarms(observability, 'Api', web, config.alarms);
  targetHealthAlarm(observability, targetGroup, config.alarms.unhealthyTargets);
  loadBalancerAlarm(observability, lb.loadBalancer, config.alarms);
  databaseAlarms(observability, database, config.alarms);
  const period = Duration.minutes(5);
  const requests = lb.loadBalancer.metrics.requestCount({ period });
  observability.addWidgets(
    new cloudwatch.GraphWidget({ title: 'Request rate', left: [requests], width: 8 }),
    new cloudwatch.GraphWidget({
      title: 'Error rate (%)',
      left: [
        new cloudwatch.MathExpression({
          expression: '100 * errors / IF(requests > 0, requests, 1)',
          usingMetrics: { errors: load5xxMetric(lb.loadBalancer), requests },
          label: '5xx %',
          period,
        }),
      ],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Response time (p95, s)',
      left: [lb.loadBalancer.metrics.targetResponseTime({ period, statistic: 'p95' })],
      width: 8,
    }),
  );
  observability.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'CPU utilisation (%)',
      left: [web.service.metricCpuUtilization({ period })],
      width: 12,
    }),
    new cloudwatch.GraphWidget({
      title: 'Memory utilisation (%)',
      left: [web.service.metricMemoryUtilization({ period })],
      width: 12,
    }),
  );
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
