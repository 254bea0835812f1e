import { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { FingerprintKey } from '../constructs/fingerprint-key.ts';
import { createReportsBucket } from '../constructs/reports.ts';
import { defineProfile } from './define-profile.ts';
import type { Profile } from './profile.ts';
import type { ProfileStack } from './profile-stack.ts';
import { publicApi } from './public-endpoint.ts';
import {
  databaseAlarms,
  loadBalancerAlarm,
  serviceAlarms,
  targetHealthAlarm,
  trafficWidgets,
} from './service-alarms.ts';
import { type WebServiceConfig, webServiceConfig } from './web-service-config.ts';

function build(stack: ProfileStack, config: WebServiceConfig): void {
  const base = `${stack.app}-${stack.envName}`;
  const network = stack.network(config);
  const vpc = network.vpc;
  const privateSubnets = network.subnets('Private');
  stack.imageRepository({ repositoryName: base, keepImages: config.keepTaggedImages, countImages: 'tagged' });
  const database = stack.database(vpc, privateSubnets, config.database, { requireSsl: true });
  const fingerprintKey = new FingerprintKey(stack, 'FingerprintKey', {
    secretName: stack.secretName('fingerprint-key'),
  }).secret;
  const reportsBucket = createReportsBucket(stack, {
    bucketName: `${stack.name('reports')}-${stack.account}`,
    removalPolicy: stack.removalPolicy,
  });
  const api = publicApi(stack, { vpc, subnets: network.subnets('Public') });
  const s = config.service;
  stack.cluster(vpc, { containerInsights: true });
  const web = stack.service('App', {
    name: base,
    serviceName: stack.name('service'),
    containerName: stack.app,
    app: {
      database: database.urlSecret,
      fingerprintKey,
      roles: config.roles,
      scanBuckets: stack.scanBuckets,
      port: config.port,
      behindLoadBalancer: true,
      reports: { bucket: reportsBucket },
      notifications: {
        channels: stack.notificationChannels({ emailRequired: false, sms: false }),
        publicUrl: stack.publicUrl(api.url),
      },
    },
    subnets: privateSubnets,
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
  const targetGroup = web.attachTo(api.lb.listener, {
    targetGroupName: stack.name('tg'),
    healthCheck: {
      path: hc.path,
      interval: Duration.seconds(hc.intervalSeconds),
      timeout: Duration.seconds(hc.timeoutSeconds),
      healthyThreshold: hc.healthy,
      unhealthyThreshold: hc.unhealthy,
    },
  });
  database.allowFrom(web);
  stack.output('ApiUrl', api.url, 'API and dashboard URL');
  stack.secretOutputs({ DatabaseUrl: database.urlSecret, FingerprintKey: fingerprintKey });
  stack.adminCommand(web, privateSubnets);

  const observability = stack.observability({ topicName: stack.name('alarms'), dashboardName: base });
  serviceAlarms(observability, 'Api', web, config.alarms);
  targetHealthAlarm(observability, targetGroup, config.alarms.unhealthyTargets);
  loadBalancerAlarm(observability, api.lb.loadBalancer, config.alarms);
  databaseAlarms(observability, database, config.alarms);
  trafficWidgets(observability, api.lb.loadBalancer, web);
}

/** Profile `web-service`: ALB + Fargate API (2..6 tasks), RDS PostgreSQL 15, Secrets Manager, alarms and dashboard. */
export const webService: Profile = defineProfile({
  id: 'web-service',
  seed: '001_2349f6adb7591eff.txt',
  description:
    'ALB + Fargate API (2..6 tasks on CPU/memory, circuit breaker), RDS PostgreSQL 15, alarms, dashboard',
  defaultAppName: 'fastapi-app',
  config: ({ env }) => webServiceConfig(env),
  stack: (_config, { env }) => ({
    description: `Data Scanner (web-service profile, ${env}): ALB + Fargate API, RDS PostgreSQL, alarms`,
  }),
  build,
});
