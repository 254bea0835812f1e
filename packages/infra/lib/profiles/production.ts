import { CfnOutput, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { createReportsBucket, type ReportsStore } from '../constructs/reports.ts';
import { defineProfile } from './define-profile.ts';
import {
  PRODUCTION_CONFIG,
  type ProductionConfig,
  type ProductionRole,
  type ProductionService,
} from './production-config.ts';
import type { Profile } from './profile.ts';
import type { ProfileStack } from './profile-stack.ts';
import { publicApi } from './public-endpoint.ts';
import { dataStoreAlarms, loadBalancerAlarm, serviceAlarms } from './service-alarms.ts';

function build(stack: ProfileStack, config: ProductionConfig): void {
  const network = stack.network(config);
  const vpc = network.vpc;
  stack.imageRepository({
    repositoryName: `${stack.app}-prod`,
    keepImages: config.keepImages,
    countImages: 'any',
  });
  const database = stack.database(vpc, network.subnets('Database'), config.database);
  const cache = stack.cache(vpc, network.subnets('Database'), config.redis);
  const secretKey = stack.secretKey();
  const reports: ReportsStore = {
    bucket: createReportsBucket(stack, {
      bucketName: `${stack.name('reports')}-${stack.account}`,
      removalPolicy: stack.removalPolicy,
    }),
  };
  const channels = stack.notificationChannels({ emailRequired: true, sms: false });
  const api = publicApi(stack, { vpc, subnets: network.subnets('Public') });
  const publicUrl = stack.publicUrl(api.url);
  const { from, to } = config.servicePorts;
  const tasksGroup = stack.tasksSecurityGroup(vpc, `ECS tasks: ${from}-${to} from the ALB only`, {
    database,
    databasePort: config.database.port,
    cache,
  });
  tasksGroup.connections.allowFrom(
    api.lb,
    ec2.Port.tcpRange(from, to),
    `Service ports ${from}-${to} from the ALB`,
  );

  stack.cluster(vpc);
  const observability = stack.observability({ topicName: stack.name('alarms') });
  for (const [role, s] of Object.entries(config.services) as [ProductionRole, ProductionService][]) {
    const label = role[0]?.toUpperCase() + role.slice(1);
    const fargate = stack.service(label, {
      name: stack.name(role),
      containerName: role,
      app: {
        database: database.urlSecret,
        fingerprintKey: secretKey,
        roles: [role],
        scanBuckets: stack.scanBuckets,
        port: s.port,
        behindLoadBalancer: s.behindLoadBalancer,
        redis: { url: cache.url, authToken: cache.authToken },
        reports: s.reports ? reports : undefined,
        notifications: s.sendsNotifications ? { channels, publicUrl } : undefined,
      },
      subnets: network.subnets('Private'),
      securityGroup: tasksGroup,
      cpu: s.cpu,
      memoryMiB: s.memoryMiB,
      desiredCount: s.desiredCount,
      healthCheckPath: s.healthCheckPath,
      logRemovalPolicy: RemovalPolicy.RETAIN,
      enableExecuteCommand: stack.ecsExec,
    });
    if (role === 'api') stack.adminCommand(fargate, network.subnets('Private'));
    if (s.behindLoadBalancer) {
      fargate.attachTo(api.lb.listener, {
        targetGroupName: stack.name(role),
        healthCheck: { path: s.healthCheckPath },
      });
    }
    serviceAlarms(observability, label, fargate, config.alarms);
  }
  loadBalancerAlarm(observability, api.lb.loadBalancer, config.alarms);
  dataStoreAlarms(observability, database, cache, config.alarms);

  new CfnOutput(stack, 'LoadBalancerDnsName', { value: api.lb.loadBalancer.loadBalancerDnsName });
  stack.output('ApiUrl', api.url, 'API and dashboard URL');
  stack.secretOutputs({
    DatabaseUrl: database.urlSecret,
    SecretKey: secretKey,
    RedisAuthToken: cache.authToken,
  });
}

/** Profile `production`: seed 003's four services on ports 4000-4003 behind one ALB, RDS Multi-AZ, Redis. */
export const production: Profile = defineProfile({
  id: 'production',
  seed: '003_46b6f8a557cf1b43.txt',
  description:
    'Seed 003: API 2, Worker 5, Scheduler 1, Notifier 2 on Fargate (ports 4000-4003), RDS db.t3.medium Multi-AZ, Redis',
  defaultAppName: 'data-scanner',
  fixedEnv: 'prod',
  config: () => PRODUCTION_CONFIG,
  stack: () => ({
    envName: 'prod',
    stackName: (app) => `${app}-production`,
    description:
      'Data Scanner (production profile): API, Worker, Scheduler, Notifier on Fargate, RDS Multi-AZ, Redis',
  }),
  build,
});
