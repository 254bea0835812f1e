import { Duration, Stack } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV_NAMES } from '../../../service/src/env-names.ts';
import { FargateService, type FargateServiceProps } from './fargate-service.ts';
import { acknowledge, nagRef } from './nag.ts';
import { type ScalingStep, workerScalingSteps } from './worker-scaling.ts';

export interface QueueWorkerProps extends Omit<FargateServiceProps, 'autoscaling' | 'desiredCount' | 'port'> {
  readonly queue: sqs.IQueue;
  /**
   * Where the worker dead-letters a message it gives up on (`SCAN_DLQ_URL`); it may send there.
   * @default - none: the worker cannot dead-letter
   */
  readonly deadLetterQueue?: sqs.IQueue;
  /**
   * Maximum number of tasks.
   * @default 5
   */
  readonly maxTasks?: number;
  /**
   * Visible messages each task is sized for (the table's step width).
   * @default 5
   */
  readonly messagesPerTask?: number;
  /** @default Duration.seconds(60) */
  readonly scaleOutCooldown?: Duration;
  /** @default Duration.seconds(300) */
  readonly scaleInCooldown?: Duration;
  /**
   * Minutes a busy task stays protected from scale-in (renewed by the worker while it works).
   * @default 30
   */
  readonly protectionMinutes?: number;
}

/**
 * A Fargate worker that consumes an SQS queue and scales 0..max on the number of visible messages,
 * exactly by the step table of `workerScalingSteps` (ExactCapacity step scaling).
 *
 * Scale-in safety uses ECS task scale-in protection: while the worker holds a message it calls
 * the ECS agent endpoint (`$ECS_AGENT_URI/task-protection/v1/state`) to protect its own task and
 * clears it when idle. Chosen over a long SQS visibility timeout or a SIGTERM drain alone because
 * ECS then never picks a busy task when the desired count drops, whatever the scan length (a
 * drain is capped by the 120 s stop timeout). The task role may update protection only on tasks
 * of this cluster; the worker reads `TASK_PROTECTION=ecs-agent` and the expiry from its environment.
 *
 * Cooldowns follow the direction: raising the count waits `scaleOutCooldown`, lowering it (to a
 * smaller step of the table, or to zero on an empty queue) waits `scaleInCooldown`. The two
 * exact-capacity policies share the table; their alarms compare the table's count for the depth with
 * the service's current desired count (Container Insights `DesiredTaskCount`, so the cluster needs
 * Container Insights), so each fires only in its own direction. Task protection keeps a reduction
 * from stopping work.
 */
export class QueueWorker extends Construct {
  readonly worker: FargateService;
  readonly steps: ScalingStep[];
  readonly scalableTarget: appscaling.ScalableTarget;
  readonly maxTasks: number;

  constructor(scope: Construct, id: string, props: QueueWorkerProps) {
    super(scope, id);
    this.maxTasks = props.maxTasks ?? 5;
    this.steps = workerScalingSteps(this.maxTasks, props.messagesPerTask ?? 5);
    const protectionMinutes = props.protectionMinutes ?? 30;
    this.worker = new FargateService(this, 'Service', {
      ...props,
      desiredCount: 0,
      minHealthyPercent: props.minHealthyPercent ?? 0,
      environment: {
        ...(props.environment ?? {}),
        [ENV_NAMES.queueKind]: 'sqs',
        [ENV_NAMES.scanQueueUrl]: props.queue.queueUrl,
        ...(props.deadLetterQueue ? { [ENV_NAMES.scanDlqUrl]: props.deadLetterQueue.queueUrl } : {}),
        [ENV_NAMES.taskProtection]: 'ecs-agent',
        [ENV_NAMES.taskProtectionMinutes]: String(protectionMinutes),
      },
    });
    // Exactly the SQS calls of the worker's queue adapter (service `roles/aws-actions.ts`): it
    // consumes, plans a job into shard messages on the same queue, and dead-letters.
    this.worker.taskRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WorkQueue',
        actions: [
          'sqs:ReceiveMessage',
          'sqs:DeleteMessage',
          'sqs:ChangeMessageVisibility',
          'sqs:SendMessage',
        ],
        resources: [props.queue.queueArn],
      }),
    );
    if (props.deadLetterQueue) {
      this.worker.taskRole.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'DeadLetters',
          actions: ['sqs:SendMessage'],
          resources: [props.deadLetterQueue.queueArn],
        }),
      );
    }
    const stack = Stack.of(this);
    this.worker.taskRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ScaleInProtectionOfOwnTask',
        actions: ['ecs:UpdateTaskProtection', 'ecs:GetTaskProtection'],
        resources: [
          stack.formatArn({
            service: 'ecs',
            resource: 'task',
            resourceName: `${props.cluster.clusterName}/*`,
          }),
        ],
      }),
    );

    const clusterRef = props.cluster.node.defaultChild ? nagRef(props.cluster) : props.cluster.clusterName;
    acknowledge(this.worker.taskRole, {
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ecs:<AWS::Region>:<AWS::AccountId>:task/${clusterRef}/*]`]:
        'Scale-in protection: a task can only name itself at run time; scoped to tasks of this cluster.',
    });

    this.scalableTarget = new appscaling.ScalableTarget(this, 'ScalableTarget', {
      serviceNamespace: appscaling.ServiceNamespace.ECS,
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${props.cluster.clusterName}/${this.worker.service.serviceName}`,
      minCapacity: 0,
      maxCapacity: this.maxTasks,
    });
    this.scalableTarget.node.addDependency(this.worker.service);

    const depth = props.queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: cloudwatch.Stats.MAXIMUM,
    });

    // The table's count for the depth, and the count the service runs now (0 before Container Insights reports).
    const perTask = props.messagesPerTask ?? 5;
    const tableTasks = `IF(CEIL(depth / ${perTask}) > ${this.maxTasks}, ${this.maxTasks}, CEIL(depth / ${perTask}))`;
    const directional = (condition: string, label: string) =>
      new cloudwatch.MathExpression({
        expression: `IF(${condition}, depth, 0)`,
        usingMetrics: {
          depth,
          desired: new cloudwatch.Metric({
            namespace: 'ECS/ContainerInsights',
            metricName: 'DesiredTaskCount',
            dimensionsMap: {
              ClusterName: props.cluster.clusterName,
              ServiceName: this.worker.service.serviceName,
            },
            statistic: cloudwatch.Stats.MAXIMUM,
            period: Duration.minutes(1),
          }),
        },
        label,
        period: Duration.minutes(1),
      });
    const stepPolicy = (id: string, cooldown: Duration) => {
      const policy = new appscaling.StepScalingAction(this, id, {
        scalingTarget: this.scalableTarget,
        adjustmentType: appscaling.AdjustmentType.EXACT_CAPACITY,
        cooldown,
        metricAggregationType: appscaling.MetricAggregationType.MAXIMUM,
      });
      // Bounds are offsets from the alarm threshold (1 message): lower inclusive, upper exclusive.
      for (const step of this.steps.filter((s) => s.tasks > 0)) {
        policy.addAdjustment({
          lowerBound: step.fromDepth - 1,
          ...(step.toDepth !== undefined ? { upperBound: step.toDepth } : {}),
          adjustment: step.tasks,
        });
      }
      return policy;
    };
    const scaleOut = stepPolicy('ScaleOnDepth', props.scaleOutCooldown ?? Duration.seconds(60));
    new cloudwatch.Alarm(this, 'MessagesWaiting', {
      metric: directional(`${tableTasks} > FILL(desired, 0)`, 'Depth when the table asks for more tasks'),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: 'Scan jobs wait for more workers than run: raise the count by the queue-depth table',
    }).addAlarmAction(new cwActions.ApplicationScalingAction(scaleOut));

    const scaleIn = stepPolicy('ScaleInOnDepth', props.scaleInCooldown ?? Duration.seconds(300));
    new cloudwatch.Alarm(this, 'FewerMessages', {
      metric: directional(
        `depth >= 1 AND ${tableTasks} < FILL(desired, 0)`,
        'Depth when the table asks for fewer tasks',
      ),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription:
        'Fewer scan jobs wait than the workers are sized for: lower the count by the queue-depth table',
    }).addAlarmAction(new cwActions.ApplicationScalingAction(scaleIn));

    const scaleToZero = new appscaling.StepScalingAction(this, 'ScaleToZero', {
      scalingTarget: this.scalableTarget,
      adjustmentType: appscaling.AdjustmentType.EXACT_CAPACITY,
      cooldown: props.scaleInCooldown ?? Duration.seconds(300),
      metricAggregationType: appscaling.MetricAggregationType.MAXIMUM,
    });
    scaleToZero.addAdjustment({ upperBound: 0, adjustment: 0 });
    new cloudwatch.Alarm(this, 'QueueEmpty', {
      metric: depth,
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      alarmDescription: 'No scan jobs are waiting: scale the workers to zero',
    }).addAlarmAction(new cwActions.ApplicationScalingAction(scaleToZero));
  }
}
