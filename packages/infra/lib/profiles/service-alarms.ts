import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Cache } from '../constructs/cache.ts';
import type { PostgresDatabase } from '../constructs/database.ts';
import type { FargateService } from '../constructs/fargate-service.ts';
import type { Observability } from '../constructs/observability.ts';

/** CPU and memory limits of an ECS service. */
export interface ServiceThresholds {
  /** ECS service average CPU, percent. */
  readonly serviceCpuPercent: number;
  /** ECS service average memory, percent. */
  readonly serviceMemoryPercent: number;
}

/** Alarm thresholds shared by the ALB + Fargate + RDS + Redis profiles. */
export interface AlarmThresholds extends ServiceThresholds {
  /** ALB-generated 5XX responses in 5 minutes. */
  readonly alb5xxCount: number;
  /** RDS instance CPU, percent. */
  readonly rdsCpuPercent: number;
  /** Redis engine CPU, percent. */
  readonly redisCpuPercent: number;
}

const PERIOD = Duration.minutes(5);

/** CPU and memory alarms of one service, named after it. */
export function serviceAlarms(
  observability: Observability,
  label: string,
  service: FargateService,
  thresholds: ServiceThresholds,
): void {
  observability.alarm(`${label}Cpu`, {
    metric: service.service.metricCpuUtilization({ period: PERIOD }),
    threshold: thresholds.serviceCpuPercent,
    evaluationPeriods: 2,
    description: `${label} CPU above ${thresholds.serviceCpuPercent}%: check load and the task count`,
  });
  observability.alarm(`${label}Memory`, {
    metric: service.service.metricMemoryUtilization({ period: PERIOD }),
    threshold: thresholds.serviceMemoryPercent,
    evaluationPeriods: 2,
    description: `${label} memory above ${thresholds.serviceMemoryPercent}%: a leak or an undersized task`,
  });
}

/** 5XX responses of a load balancer: those it generated plus those its targets returned. */
export function load5xxMetric(loadBalancer: elbv2.ApplicationLoadBalancer): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: 'FILL(elb, 0) + FILL(target, 0)',
    usingMetrics: {
      elb: loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: PERIOD }),
      target: loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
        period: PERIOD,
      }),
    },
    label: '5XX responses',
    period: PERIOD,
  });
}

/** ALB 5XX alarm. */
export function loadBalancerAlarm(
  observability: Observability,
  loadBalancer: elbv2.ApplicationLoadBalancer,
  thresholds: Pick<AlarmThresholds, 'alb5xxCount'>,
): void {
  observability.alarm('Alb5xx', {
    metric: load5xxMetric(loadBalancer),
    threshold: thresholds.alb5xxCount,
    description: `More than ${thresholds.alb5xxCount} 5XX responses in 5 minutes at the load balancer`,
  });
}

/** Unhealthy targets seen by the load balancer. */
export function targetHealthAlarm(
  observability: Observability,
  targetGroup: elbv2.ApplicationTargetGroup,
  unhealthyTargets: number,
): void {
  observability.alarm('UnhealthyTargets', {
    metric: targetGroup.metrics.unhealthyHostCount({ period: Duration.minutes(1) }),
    threshold: unhealthyTargets,
    evaluationPeriods: 2,
    description: 'The load balancer sees unhealthy API tasks',
  });
}

/** Limits of the database alarms; each alarm exists when its limit is given. */
export interface DatabaseThresholds {
  /** RDS instance CPU, percent. @default - no CPU alarm */
  readonly rdsCpuPercent?: number;
  /** Periods of 5 minutes the CPU must stay high. @default 2 */
  readonly cpuEvaluationPeriods?: number;
  /** Free storage below this many bytes. @default - no storage alarm */
  readonly rdsFreeStorageBytes?: number;
  /** Open connections above this count (near the instance's `max_connections`). @default - no alarm */
  readonly rdsConnections?: number;
}

/** RDS alarms: CPU, free storage and connections, each where its limit is given. */
export function databaseAlarms(
  observability: Observability,
  database: PostgresDatabase,
  thresholds: DatabaseThresholds,
): void {
  if (thresholds.rdsCpuPercent !== undefined) {
    observability.alarm('DatabaseCpu', {
      metric: database.instance.metricCPUUtilization({ period: PERIOD }),
      threshold: thresholds.rdsCpuPercent,
      evaluationPeriods: thresholds.cpuEvaluationPeriods ?? 2,
      description: `RDS CPU above ${thresholds.rdsCpuPercent}%`,
    });
  }
  if (thresholds.rdsFreeStorageBytes !== undefined) {
    observability.alarm('DatabaseFreeStorage', {
      metric: database.instance.metricFreeStorageSpace({ period: PERIOD }),
      threshold: thresholds.rdsFreeStorageBytes,
      comparison: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      description: 'Database free storage is low',
    });
  }
  if (thresholds.rdsConnections !== undefined) {
    observability.alarm('DatabaseConnections', {
      metric: database.instance.metricDatabaseConnections({ period: PERIOD, statistic: 'Maximum' }),
      threshold: thresholds.rdsConnections,
      evaluationPeriods: 2,
      description: `More than ${thresholds.rdsConnections} database connections: new connections will soon be refused (check the pool size and task count)`,
    });
  }
}

/** RDS and Redis CPU alarms. */
export function dataStoreAlarms(
  observability: Observability,
  database: PostgresDatabase,
  cache: Cache,
  thresholds: AlarmThresholds,
): void {
  databaseAlarms(observability, database, thresholds);
  observability.alarm('RedisCpu', {
    metric: cache.metricCpu(1).with({ period: PERIOD }),
    threshold: thresholds.redisCpuPercent,
    evaluationPeriods: 2,
    description: `Redis engine CPU above ${thresholds.redisCpuPercent}%`,
  });
}

/** Dead letters and waiting time of a job queue. */
export function queueAlarms(
  observability: Observability,
  queue: sqs.IQueue,
  deadLetterQueue: sqs.IQueue,
  oldestMessageAgeSeconds: number,
): void {
  observability.alarm('DeadLetterQueueDepth', {
    metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
    threshold: 0,
    description: 'Scan jobs failed repeatedly and were dead-lettered: inspect the DLQ',
  });
  observability.alarm('OldestMessageAge', {
    metric: queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) }),
    threshold: oldestMessageAgeSeconds,
    evaluationPeriods: 3,
    description: 'Scan jobs wait too long: workers are not keeping up or not starting',
  });
}

/** Errors and throttles of one function, named after it. */
export function functionAlarms(observability: Observability, label: string, fn: lambda.IFunction): void {
  observability.alarm(`LambdaErrors-${label}`, {
    metric: fn.metricErrors({ period: PERIOD }),
    threshold: 0,
    description: `The ${label} function returned errors`,
  });
  observability.alarm(`LambdaThrottles-${label}`, {
    metric: fn.metricThrottles({ period: PERIOD }),
    threshold: 0,
    description: `The ${label} function was throttled`,
  });
}

/**
 * Dashboard rows of a load-balanced service: request rate, 5XX rate and p95 response time at the load
 * balancer, then the service's CPU and memory.
 */
export function trafficWidgets(
  observability: Observability,
  loadBalancer: elbv2.ApplicationLoadBalancer,
  service: FargateService,
): void {
  const requests = loadBalancer.metrics.requestCount({ period: PERIOD });
  observability.addWidgets(
    new cloudwatch.GraphWidget({ title: 'Request rate', left: [requests], width: 8 }),
    new cloudwatch.GraphWidget({
      title: 'Error rate (%)',
      left: [
        new cloudwatch.MathExpression({
          expression: '100 * errors / IF(requests > 0, requests, 1)',
          usingMetrics: { errors: load5xxMetric(loadBalancer), requests },
          label: '5xx %',
          period: PERIOD,
        }),
      ],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Response time (p95, s)',
      left: [loadBalancer.metrics.targetResponseTime({ period: PERIOD, statistic: 'p95' })],
      width: 8,
    }),
  );
  observability.addWidgets(
    new cloudwatch.GraphWidget({
      title: 'CPU utilisation (%)',
      left: [service.service.metricCpuUtilization({ period: PERIOD })],
      width: 12,
    }),
    new cloudwatch.GraphWidget({
      title: 'Memory utilisation (%)',
      left: [service.service.metricMemoryUtilization({ period: PERIOD })],
      width: 12,
    }),
  );
}

/**
 * Tasks of a service that failed to start or whose container exited on its own: an EventBridge rule
 * that notifies the alarm topic, and an alarm on the rule's matches.
 */
export function taskFailureAlarm(
  observability: Observability,
  label: string,
  cluster: ecs.ICluster,
  service: ecs.FargateService,
): void {
  const failures = new events.Rule(Stack.of(observability), `${label}TaskFailures`, {
    description: `${label} tasks that failed to start or whose container exited on its own`,
    eventPattern: {
      source: ['aws.ecs'],
      detailType: ['ECS Task State Change'],
      detail: {
        clusterArn: [cluster.clusterArn],
        group: [`service:${service.serviceName}`],
        lastStatus: ['STOPPED'],
        stopCode: ['TaskFailedToStart', 'EssentialContainerExited'],
      },
    },
    targets: [new targets.SnsTopic(observability.topic)],
  });
  observability.alarm(`${label}TaskFailureAlarm`, {
    metric: new cloudwatch.Metric({
      namespace: 'AWS/Events',
      metricName: 'TriggeredRules',
      dimensionsMap: { RuleName: failures.ruleName },
      statistic: cloudwatch.Stats.SUM,
      period: PERIOD,
    }),
    threshold: 0,
    description: `A ${label.toLowerCase()} task failed to start or its container exited`,
  });
}
