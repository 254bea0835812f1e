import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface UploadEventsProps {
  /** The scan queue the workers consume; S3 `Object Created` events are put on it as they are. */
  readonly queue: sqs.IQueue;
  /**
   * Buckets whose new objects are sent. A bucket of this stack gets EventBridge notifications
   * turned on here; a bucket of another stack or account must have them turned on by its owner
   * (`aws s3api put-bucket-notification-configuration --bucket <b> --notification-configuration '{"EventBridgeConfiguration": {}}'`).
   */
  readonly buckets: readonly s3.IBucket[];
  /**
   * Where EventBridge puts events it could not deliver after its retries.
   * @default - none: such events are dropped
   */
  readonly deadLetterQueue?: sqs.IQueue;
  /**
   * Also send `{"type": "close-rolling-jobs"}` to the queue every hour, so the rolling jobs of ended
   * hours are closed where no scheduler role runs.
   * @default true
   */
  readonly closeRollingJobs?: boolean;
}

/** The message the hourly rule sends: the worker closes the rolling jobs whose hour is over. */
export const CLOSE_ROLLING_JOBS_MESSAGE = { type: 'close-rolling-jobs' } as const;

/**
 * Scan on upload (`POST /watches`): S3 → EventBridge → the scan queue for `Object Created` on the
 * scanned buckets, with the least the path needs: one rule matching those bucket names, and a queue
 * policy that lets only that rule's ARN send. No notification custom resource and no Lambda.
 */
export class UploadEvents extends Construct {
  readonly objectCreatedRule: events.Rule;
  /** The hourly rule closing rolling jobs, when `closeRollingJobs`. */
  readonly closeRollingJobsRule: events.Rule | undefined;

  constructor(scope: Construct, id: string, props: UploadEventsProps) {
    super(scope, id);
    if (props.buckets.length === 0) {
      throw new Error('UploadEvents: buckets is empty; name at least one bucket whose uploads are scanned');
    }
    for (const bucket of props.buckets) {
      if (bucket instanceof s3.Bucket) {
        (bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride(
          'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled',
          true,
        );
      }
    }
    const target = (message?: events.RuleTargetInput) =>
      new QueueTarget(props.queue, props.deadLetterQueue, message);
    this.objectCreatedRule = new events.Rule(this, 'ObjectCreated', {
      description: 'New objects in the scanned buckets, to the scan queue (scan on upload, /watches)',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: props.buckets.map((b) => b.bucketName) } },
      },
      targets: [target()],
    });
    this.closeRollingJobsRule =
      props.closeRollingJobs === false
        ? undefined
        : new events.Rule(this, 'CloseRollingJobs', {
            description: 'Hourly: the worker closes the rolling jobs of watches whose hour is over',
            schedule: events.Schedule.cron({ minute: '1' }),
            targets: [target(events.RuleTargetInput.fromObject(CLOSE_ROLLING_JOBS_MESSAGE))],
          });
  }
}

/**
 * An SQS target whose queue policy allows `sqs:SendMessage` only, from the one rule's ARN
 * (`aws-events-targets.SqsQueue` also grants GetQueueAttributes and GetQueueUrl, which EventBridge
 * does not use). Failed deliveries go to the dead-letter queue under the same kind of statement.
 */
class QueueTarget implements events.IRuleTarget {
  constructor(
    private readonly queue: sqs.IQueue,
    private readonly deadLetterQueue: sqs.IQueue | undefined,
    private readonly message: events.RuleTargetInput | undefined,
  ) {}

  bind(rule: events.IRule): events.RuleTargetConfig {
    const allow = (queue: sqs.IQueue) =>
      queue.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal('events.amazonaws.com')],
          actions: ['sqs:SendMessage'],
          resources: [queue.queueArn],
          conditions: { ArnEquals: { 'aws:SourceArn': rule.ruleArn } },
        }),
      );
    allow(this.queue);
    if (this.deadLetterQueue) allow(this.deadLetterQueue);
    return {
      arn: this.queue.queueArn,
      retryPolicy: { maximumRetryAttempts: 8, maximumEventAgeInSeconds: Duration.hours(1).toSeconds() },
      ...(this.deadLetterQueue ? { deadLetterConfig: { arn: this.deadLetterQueue.queueArn } } : {}),
      ...(this.message ? { input: this.message } : {}),
    };
  }
}
