import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Cache } from '../constructs/cache.ts';
import type { PostgresDatabase } from '../constructs/database.ts';
import type { FargateService } from '../constructs/fargate-service.ts';
import type { Observability } from '../constructs/observability.ts';

/** Alarm thresholds shared by the ALB + Fargate + RDS + Redis profiles. */
export interface AlarmThresholds {
  /** ECS service average CPU, percent. */
  readonly serviceCpuPercent: number;
  /** ECS service average memory, percent. */
  readonly serviceMemoryPercent: number;
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
  thresholds: AlarmThresholds,
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

/** ALB 5XX alarm: responses the load balancer generated plus those the targets returned. */
export function loadBalancerAlarm(
  observability: Observability,
  loadBalancer: elbv2.ApplicationLoadBalancer,
  thresholds: AlarmThresholds,
): void {
  observability.alarm('Alb5xx', {
    metric: new cloudwatch.MathExpression({
      expression: 'FILL(elb, 0) + FILL(target, 0)',
      usingMetrics: {
        elb: loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: PERIOD }),
        target: loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
          period: PERIOD,
        }),
      },
      label: '5XX responses',
      period: PERIOD,
    }),
    threshold: thresholds.alb5xxCount,
    description: `More than ${thresholds.alb5xxCount} 5XX responses in 5 minutes at the load balancer`,
  });
}

/** RDS and Redis CPU alarms. */
export function dataStoreAlarms(
  observability: Observability,
  database: PostgresDatabase,
  cache: Cache,
  thresholds: AlarmThresholds,
): void {
  observability.alarm('DatabaseCpu', {
    metric: database.instance.metricCPUUtilization({ period: PERIOD }),
    threshold: thresholds.rdsCpuPercent,
    evaluationPeriods: 2,
    description: `RDS CPU above ${thresholds.rdsCpuPercent}%`,
  });
  observability.alarm('RedisCpu', {
    metric: cache.metricCpu(1).with({ period: PERIOD }),
    threshold: thresholds.redisCpuPercent,
    evaluationPeriods: 2,
    description: `Redis engine CPU above ${thresholds.redisCpuPercent}%`,
  });
}
