import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import {
  ApplicationService,
  apiWorkersFor,
  type ServiceRole,
} from '../../lib/constructs/application-service.ts';
import { Bastion } from '../../lib/constructs/bastion.ts';
import { FargateService, type FargateServiceProps } from '../../lib/constructs/fargate-service.ts';
import { PublicLoadBalancer } from '../../lib/constructs/public-load-balancer.ts';
import { QueueWorker } from '../../lib/constructs/queue-worker.ts';
import { ServiceCluster } from '../../lib/constructs/service-cluster.ts';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/example/app:1');

function base() {
  const stack = new Stack(new App(), 'Services');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });
  const cluster = new ServiceCluster(stack, 'Cluster', { vpc }).cluster;
  return { stack, vpc, cluster };
}

describe('FargateService', () => {
  it('routes a path pattern to the service with its own health check and admits the ALB on its port', () => {
    const { stack, vpc, cluster } = base();
    const lb = new PublicLoadBalancer(stack, 'Lb', { vpc });
    const api = new FargateService(stack, 'Api', {
      cluster,
      image: IMAGE,
      port: 4000,
      healthCheckPath: '/health',
    });
    api.attachTo(lb.listener, {
      pathPatterns: ['/api/*'],
      priority: 20,
      healthCheck: { path: '/health', interval: Duration.seconds(15) },
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 20,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 4000,
      HealthCheckPath: '/health',
      HealthCheckIntervalSeconds: 15,
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 4000, ToPort: 4000 });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [
        Match.objectLike({
          HealthCheck: Match.objectLike({
            Command: Match.arrayWith([Match.stringLikeRegexp(':4000/health')]),
          }),
          StopTimeout: 120,
        }),
      ],
    });
  });

  it.each<[Partial<FargateServiceProps>, RegExp]>([
    [{ cpu: 300 }, /cpu is 300/],
    [{ cpu: 256, memoryMiB: 4096 }, /memoryMiB 4096 does not fit cpu 256/],
    [
      { desiredCount: 9, autoscaling: { minTasks: 1, maxTasks: 4 } },
      /desiredCount 9 lies outside autoscaling 1..4/,
    ],
    [{ healthCheckPath: '/health' }, /healthCheckPath needs a port/],
  ])('rejects %j', (props, message) => {
    const { stack, cluster } = base();
    expect(() => new FargateService(stack, 'Bad', { cluster, image: IMAGE, ...props })).toThrow(message);
  });
});

describe('ApplicationService', () => {
  const apiWorkersOf = (roles: ServiceRole[], cpu: number) => {
    const { stack, cluster } = base();
    new ApplicationService(stack, 'App', {
      cluster,
      image: IMAGE,
      cpu,
      memoryMiB: cpu * 2,
      app: {
        database: new secretsmanager.Secret(stack, 'Db'),
        fingerprintKey: new secretsmanager.Secret(stack, 'Key'),
        roles,
      },
    });
    const container = Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition');
    const env = Object.values(container)[0]?.Properties.ContainerDefinitions[0].Environment ?? [];
    return env.find((e: { Name: string }) => e.Name === 'API_WORKERS')?.Value;
  };

  it.each([
    [256, '1'],
    [512, '1'],
    [1024, '1'],
    [2048, '2'],
    [4096, '4'],
    [8192, '8'],
  ])('runs one API process per whole vCPU, at least one: cpu %i gives API_WORKERS=%s', (cpu, workers) => {
    expect(apiWorkersOf(['api'], cpu)).toBe(workers);
    expect(apiWorkersOf(['all'], cpu)).toBe(workers);
  });

  it('sets no API_WORKERS for a process that does not serve the API', () => {
    expect(apiWorkersOf(['worker', 'scheduler'], 2048)).toBeUndefined();
  });

  it('computes max(1, floor(cpu / 1024))', () => {
    expect([256, 1024, 1536, 2048, 3072, 16384].map(apiWorkersFor)).toEqual([1, 1, 1, 2, 3, 16]);
  });
});

describe('QueueWorker', () => {
  it('lowers the count by the table with the scale-in cooldown and raises it with the scale-out one', () => {
    const { stack, cluster } = base();
    const queue = new sqs.Queue(stack, 'Queue', { enforceSSL: true });
    new QueueWorker(stack, 'Worker', {
      cluster,
      queue,
      image: IMAGE,
      maxTasks: 3,
      messagesPerTask: 10,
      scaleOutCooldown: Duration.seconds(45),
      scaleInCooldown: Duration.seconds(400),
    });
    const t = Template.fromStack(stack);
    const policies = Object.entries(t.findResources('AWS::ApplicationAutoScaling::ScalingPolicy')).map(
      ([id, p]) => [id.replace(/[0-9A-F]{8}$/, ''), p.Properties.StepScalingPolicyConfiguration.Cooldown],
    );
    expect(policies.sort()).toEqual([
      ['WorkerScaleInOnDepth', 400],
      ['WorkerScaleOnDepth', 45],
      ['WorkerScaleToZero', 400],
    ]);
    const expressions = Object.values(t.findResources('AWS::CloudWatch::Alarm'))
      .flatMap((a) => a.Properties.Metrics ?? [])
      .map((m: { Expression?: string }) => m.Expression)
      .filter(Boolean);
    const table = 'IF(CEIL(depth / 10) > 3, 3, CEIL(depth / 10))';
    expect(expressions.sort()).toEqual([
      `IF(${table} > FILL(desired, 0), depth, 0)`,
      `IF(depth >= 1 AND ${table} < FILL(desired, 0), depth, 0)`,
    ]);
  });

  it('builds its step policy from the table for a custom maximum and step width', () => {
    const { stack, cluster } = base();
    const queue = new sqs.Queue(stack, 'Queue', { enforceSSL: true });
    new QueueWorker(stack, 'Worker', { cluster, queue, image: IMAGE, maxTasks: 3, messagesPerTask: 10 });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      StepScalingPolicyConfiguration: Match.objectLike({
        Cooldown: 60,
        StepAdjustments: [
          { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 },
          { MetricIntervalLowerBound: 10, MetricIntervalUpperBound: 20, ScalingAdjustment: 2 },
          { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
        ],
      }),
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 0,
      MaxCapacity: 3,
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'ScaleInProtectionOfOwnTask',
            Action: ['ecs:UpdateTaskProtection', 'ecs:GetTaskProtection'],
            Resource: {
              'Fn::Join': [
                '',
                Match.arrayWith([
                  Match.stringLikeRegexp(':task/$'),
                  Match.objectLike({ Ref: Match.anyValue() }),
                ]),
              ],
            },
          }),
        ]),
      },
    });
  });
});

describe('PublicLoadBalancer', () => {
  it('warns at synthesis when asked to and no certificate is given', () => {
    const { stack, vpc } = base();
    new PublicLoadBalancer(stack, 'Lb', { vpc, warnWithoutCertificate: true });
    Annotations.fromStack(stack).hasWarning('/Services/Lb', Match.stringLikeRegexp('serves HTTP only'));
  });
});

describe('Bastion', () => {
  it.each([
    ['0.0.0.0/0', /opens SSH to the internet/],
    ['my-office', /not an IPv4 CIDR/],
  ])('rejects sshCidr %s', (sshCidr, message) => {
    const { stack, vpc } = base();
    expect(() => new Bastion(stack, 'Bastion', { vpc, sshCidr })).toThrow(message);
  });
});
