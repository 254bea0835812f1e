import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { JobQueue } from '../../lib/constructs/job-queue.ts';
import { SecureBucket } from '../../lib/constructs/secure-bucket.ts';
import { CLOSE_ROLLING_JOBS_MESSAGE, UploadEvents } from '../../lib/constructs/upload-events.ts';
import type { CfnJson } from '../support/template-queries.ts';

function given(props: { closeRollingJobs?: boolean } = {}) {
  const stack = new Stack(new App(), 'U');
  const jobs = new JobQueue(stack, 'Jobs');
  const data = new SecureBucket(stack, 'Data');
  const external = s3.Bucket.fromBucketName(stack, 'External', 'customer-uploads');
  new UploadEvents(stack, 'Uploads', {
    queue: jobs.queue,
    deadLetterQueue: jobs.deadLetterQueue,
    buckets: [data.bucket, external],
    ...props,
  });
  return { stack, template: Template.fromStack(stack), jobs, data };
}

/** Statements of the queue policies that name EventBridge as the principal. */
function eventBridgeStatements(template: Template): CfnJson[] {
  return Object.values(template.findResources('AWS::SQS::QueuePolicy')).flatMap((policy) =>
    (policy.Properties.PolicyDocument.Statement as CfnJson[]).filter(
      (s) => (s.Principal as CfnJson | undefined)?.Service === 'events.amazonaws.com',
    ),
  );
}

describe('UploadEvents', () => {
  it('routes Object Created of the named buckets to the scan queue, with a dead-letter queue', () => {
    const { stack, template, jobs, data } = given();
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: { bucket: { name: [stack.resolve(data.bucket.bucketName), 'customer-uploads'] } },
      },
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: stack.resolve(jobs.queue.queueArn),
          DeadLetterConfig: { Arn: stack.resolve(jobs.deadLetterQueue.queueArn) },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 3600 },
        }),
      ],
    });
    // No deletes, no other sources: the rule matches object creation only.
    const patterns = Object.values(template.findResources('AWS::Events::Rule')).map(
      (r) => r.Properties.EventPattern,
    );
    expect(patterns.filter(Boolean)).toHaveLength(1);
  });

  it('turns EventBridge notifications on for the stack’s own bucket without a custom resource or function', () => {
    const { template } = given();
    template.hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    expect(template.findResources('Custom::S3BucketNotifications')).toEqual({});
    expect(template.findResources('AWS::Lambda::Function')).toEqual({});
  });

  it('lets only its own rules send, and only SendMessage (least privilege)', () => {
    const { template } = given();
    const statements = eventBridgeStatements(template);
    const rules = Object.keys(template.findResources('AWS::Events::Rule'));
    expect(rules).toHaveLength(2);
    // One statement per rule on the queue, one per rule on the dead-letter queue.
    expect(statements).toHaveLength(4);
    for (const s of statements) {
      expect(s.Effect).toBe('Allow');
      expect(s.Action).toBe('sqs:SendMessage');
      const source = (s.Condition as CfnJson).ArnEquals as CfnJson;
      const ruleId = ((source['aws:SourceArn'] as CfnJson)['Fn::GetAtt'] as string[])[0];
      expect(rules).toContain(ruleId);
    }
    expect(template.findResources('AWS::IAM::Role')).toEqual({});
  });

  it('sends the close-rolling-jobs message hourly, or not at all when asked', () => {
    given().template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(1 * * * ? *)',
      Targets: [Match.objectLike({ Input: JSON.stringify(CLOSE_ROLLING_JOBS_MESSAGE) })],
    });
    const off = given({ closeRollingJobs: false }).template;
    off.resourceCountIs('AWS::Events::Rule', 1);
  });

  it('refuses an empty bucket list', () => {
    const stack = new Stack(new App(), 'E');
    const jobs = new JobQueue(stack, 'Jobs');
    expect(() => new UploadEvents(stack, 'Uploads', { queue: jobs.queue, buckets: [] })).toThrow(
      /buckets is empty/,
    );
  });
});
