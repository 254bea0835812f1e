/**
 * What an AWS action applies to, as a deployment names it: the scan queue and its dead-letter
 * queue, the buckets and objects scanned, the report objects, the SES identity, the secret the first
 * API key is written to, or `*` where AWS has
 * no resource ARN (an SMS phone number).
 */
export type AwsResource =
  | 'scan-queue'
  | 'dead-letter-queue'
  | 'scan-bucket'
  | 'scan-objects'
  | 'report-bucket'
  | 'report-objects'
  | 'ses-identity'
  | 'own-task'
  | 'first-key-secret'
  | '*';

/** One AWS API call an adapter makes: the SDK command (or paginator) it sends and the IAM action it needs. */
export interface AwsCall {
  /**
   * `SendMessageBatchCommand`, `paginateListObjectsV2`, `getSignedUrl` (a URL the caller's rights
   * sign), or an HTTP request to an AWS agent (`PUT <ECS_AGENT_URI>/task-protection/v1/state`).
   */
  readonly command: string;
  /** IAM action, `service:Action`. */
  readonly action: string;
  readonly resource: AwsResource;
}

/** The AWS calls of one adapter file, by the adapter operation that makes them. */
export interface AdapterAwsCalls {
  /** The adapter's file, relative to `packages/service/src`. */
  readonly file: string;
  readonly operations: Readonly<Record<string, readonly AwsCall[]>>;
}
