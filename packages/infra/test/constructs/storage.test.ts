import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../lib/constructs/database.ts';
import { JobQueue } from '../../lib/constructs/job-queue.ts';
import { SecureBucket } from '../../lib/constructs/secure-bucket.ts';

describe('SecureBucket', () => {
  it('moves objects to Infrequent Access and expires them on the given days', () => {
    const stack = new Stack(new App(), 'B');
    new SecureBucket(stack, 'Logs', { infrequentAccessAfterDays: 30, expireAfterDays: 90 });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            ExpirationInDays: 90,
            Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
          }),
        ]),
      },
    });
  });

  it('refuses noncurrent-version expiry on an unversioned bucket', () => {
    const stack = new Stack(new App(), 'B');
    expect(
      () => new SecureBucket(stack, 'X', { versioned: false, noncurrentVersionExpirationDays: 30 }),
    ).toThrow(/needs versioned: true/);
  });
});

describe('PostgresDatabase', () => {
  it('rejects storage and backup values RDS would refuse, all at once', () => {
    const stack = new Stack(new App(), 'D');
    const vpc = new ec2.Vpc(stack, 'Vpc', { restrictDefaultSecurityGroup: false });
    expect(
      () =>
        new PostgresDatabase(stack, 'Db', {
          vpc,
          allocatedStorageGiB: 50,
          maxAllocatedStorageGiB: 40,
          backupRetentionDays: 40,
        }),
    ).toThrow(/maxAllocatedStorageGiB 40 is below allocatedStorageGiB 50[\s\S]*backupRetentionDays is 40/);
  });
});

describe('JobQueue', () => {
  it('rejects a receive count outside 1..1000', () => {
    expect(() => new JobQueue(new Stack(new App(), 'Q'), 'Q', { maxReceiveCount: 0 })).toThrow(
      /maxReceiveCount is 0/,
    );
  });
});
