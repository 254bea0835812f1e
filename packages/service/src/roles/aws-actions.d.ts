import type { AdapterAwsCalls, AwsCall } from '../aws-call.ts';
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
export type AwsCallerName = 'api' | 'worker' | 'scheduler' | 'notifier' | 'lambda:scan' | 'lambda:jobs' | 'lambda:results';
/**
 * The AWS calls each role's code makes (`serve --role <name>`, and each API Lambda handler), one
 * table per role. Infra tests hold every deployed role's IAM policy to these (no call without a
 * grant, no queue, bucket or messaging grant without a call); a service test checks that every
 * SDK command in the source is in an adapter's table.
 */
export declare const ROLE_AWS_CALLS: Readonly<Record<AwsCallerName, readonly AwsUse[]>>;
/** Whether a process with `env` uses adapters under `condition`. */
export declare function awsUseApplies(condition: AwsUseCondition, env: Readonly<Record<string, string | undefined>>): boolean;
/** The AWS calls `callers` make with the environment `env` (one process may run several roles). */
export declare function awsCallsOf(callers: readonly AwsCallerName[], env: Readonly<Record<string, string | undefined>>): AwsCall[];
