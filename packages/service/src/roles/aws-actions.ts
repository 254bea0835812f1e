import type { AdapterAwsCalls, AwsCall } from '../aws-call.ts';
import { SES_EMAIL_CALLS, SNS_SMS_CALLS } from '../notify/aws-actions.ts';
import { SQS_QUEUE_CALLS } from '../queue/aws-actions.ts';
import { S3_REPORT_CALLS } from '../reports/aws-actions.ts';
import { S3_SOURCE_CALLS } from '../sources/aws-actions.ts';
import { TASK_PROTECTION_CALLS } from '../worker/aws-actions.ts';

/**
 * When a deployment's configuration makes a process use an AWS adapter, read from the environment
 * the process is given: `sqs` (SCAN_QUEUE_URL set), `s3-sources` (SCAN_S3_BUCKETS not empty),
 * `reports-bucket` (REPORTS_BUCKET set), `ses` (NOTIFY_EMAIL_FROM without SMTP_URL), `sms`
 * (NOTIFY_SMS_ENABLED=true), `task-protection` (TASK_PROTECTION=ecs-agent).
 */
export type AwsUseCondition = 'sqs' | 's3-sources' | 'reports-bucket' | 'ses' | 'sms' | 'task-protection';

/** An adapter a role uses, the operations it calls on it, and when. */
export interface AwsUse {
  readonly adapter: AdapterAwsCalls;
  readonly operations: readonly string[];
  readonly when: AwsUseCondition;
}

/** Roles and Lambda handlers whose code calls AWS. */
export type AwsCallerName =
  | 'api'
  | 'worker'
  | 'scheduler'
  | 'notifier'
  | 'lambda:scan'
  | 'lambda:jobs'
  | 'lambda:results'
  | 'lambda:api';

/**
 * The AWS calls each role's code makes (`serve --role <name>`, and each API Lambda handler), one
 * table per role. Infra tests hold every deployed role's IAM policy to these (no call without a
 * grant, no queue, bucket or messaging grant without a call); a service test checks that every
 * SDK command in the source is in an adapter's table.
 */
export const ROLE_AWS_CALLS: Readonly<Record<AwsCallerName, readonly AwsUse[]>> = {
  api: [
    { adapter: SQS_QUEUE_CALLS, operations: ['send'], when: 'sqs' },
    { adapter: S3_REPORT_CALLS, operations: ['has', 'put', 'open', 'presignedUrl'], when: 'reports-bucket' },
    // POST /scan/estimate lists the source (it never reads an object).
    { adapter: S3_SOURCE_CALLS, operations: ['list'], when: 's3-sources' },
  ],
  worker: [
    {
      adapter: SQS_QUEUE_CALLS,
      operations: ['receive', 'send', 'delete', 'changeVisibility', 'deadLetter'],
      when: 'sqs',
    },
    { adapter: S3_SOURCE_CALLS, operations: ['list', 'read'], when: 's3-sources' },
    { adapter: TASK_PROTECTION_CALLS, operations: ['protect'], when: 'task-protection' },
  ],
  scheduler: [{ adapter: SQS_QUEUE_CALLS, operations: ['send'], when: 'sqs' }],
  notifier: [
    { adapter: SES_EMAIL_CALLS, operations: ['send'], when: 'ses' },
    { adapter: SNS_SMS_CALLS, operations: ['send'], when: 'sms' },
    { adapter: S3_REPORT_CALLS, operations: ['has', 'put'], when: 'reports-bucket' },
  ],
  'lambda:scan': [{ adapter: SQS_QUEUE_CALLS, operations: ['send'], when: 'sqs' }],
  'lambda:jobs': [],
  'lambda:results': [],
  // Every other route (`{proxy+}`): it submits no scans; reports only where a bucket is configured,
  // and POST /scan/estimate lists the source.
  'lambda:api': [
    { adapter: S3_REPORT_CALLS, operations: ['has', 'put', 'open', 'presignedUrl'], when: 'reports-bucket' },
    { adapter: S3_SOURCE_CALLS, operations: ['list'], when: 's3-sources' },
  ],
};

/** Whether a process with `env` uses adapters under `condition`. */
export function awsUseApplies(
  condition: AwsUseCondition,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  switch (condition) {
    case 'sqs':
      return Boolean(env.SCAN_QUEUE_URL);
    case 's3-sources':
      return (env.SCAN_S3_BUCKETS ?? '').split(',').some((b) => b.trim() !== '');
    case 'reports-bucket':
      return Boolean(env.REPORTS_BUCKET);
    case 'ses':
      return Boolean(env.NOTIFY_EMAIL_FROM) && !env.SMTP_URL;
    case 'sms':
      return env.NOTIFY_SMS_ENABLED === 'true';
    case 'task-protection':
      return env.TASK_PROTECTION === 'ecs-agent';
  }
}

/** The AWS calls `callers` make with the environment `env` (one process may run several roles). */
export function awsCallsOf(
  callers: readonly AwsCallerName[],
  env: Readonly<Record<string, string | undefined>>,
): AwsCall[] {
  const calls: AwsCall[] = [];
  for (const caller of callers) {
    for (const use of ROLE_AWS_CALLS[caller]) {
      if (!awsUseApplies(use.when, env)) continue;
      for (const operation of use.operations) calls.push(...(use.adapter.operations[operation] ?? []));
    }
  }
  return calls;
}
