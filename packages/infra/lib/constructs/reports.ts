import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';
import { bucketObjectsFinding } from './nag-findings.ts';
import { SecureBucket } from './secure-bucket.ts';

/** Key prefix of the scan reports (`reports/<job id>.pdf`); the roles' S3 rights stop at it. */
export const REPORTS_PREFIX = 'reports/';

/** Where a profile keeps scan reports. */
export interface ReportsStore {
  readonly bucket: s3.IBucket;
  /** The bucket's customer-managed key. @default - SSE-S3 */
  readonly key?: kms.IKey;
}

/**
 * A bucket of its own for scan reports: SSE-S3, TLS-only, public access blocked, versioned (old
 * versions expire after 30 days).
 */
export function createReportsBucket(
  scope: Construct,
  props: {
    readonly bucketName: string;
    readonly accessLogs?: { readonly bucket: s3.IBucket; readonly prefix: string };
    readonly removalPolicy?: RemovalPolicy;
  },
): s3.Bucket {
  return new SecureBucket(scope, 'ReportsBucket', {
    bucketName: props.bucketName,
    versioned: true,
    noncurrentVersionExpirationDays: 30,
    ...(props.accessLogs
      ? { serverAccessLogsBucket: props.accessLogs.bucket, serverAccessLogsPrefix: props.accessLogs.prefix }
      : {
          noAccessLogsReason:
            'Reports are reached only through the API, which checks the tenant and logs each request before it ' +
            'presigns a short-lived URL; the profile has no access-log bucket.',
        }),
    removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
  }).bucket;
}

/** The environment a role needs to find the reports: `REPORTS_BUCKET` and, with a CMK, `REPORTS_KMS_KEY_ID`. */
export function reportsEnvironment(store: ReportsStore): Record<string, string> {
  return {
    REPORTS_BUCKET: store.bucket.bucketName,
    ...(store.key ? { REPORTS_KMS_KEY_ID: store.key.keyArn } : {}),
  };
}

/**
 * Lets a role read, presign and write the reports: `GetObject` and `PutObject` under `reports/` of the
 * store's bucket, `ListBucket` on that bucket (a HEAD of a report not yet rendered then answers 404,
 * not 403, which is how the service knows to render it), and the store's key for exactly that. The API
 * needs writing too: it renders a missing report on first download.
 */
export function grantReports(role: iam.Role, store: ReportsStore): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ReadWriteReports',
      actions: ['s3:GetObject', 's3:PutObject'],
      resources: [store.bucket.arnForObjects(`${REPORTS_PREFIX}*`)],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'ListReports',
      actions: ['s3:ListBucket'],
      resources: [store.bucket.bucketArn],
    }),
  );
  if (store.key) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReportsKey',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [store.key.keyArn],
      }),
    );
  }
  acknowledge(role, {
    [bucketObjectsFinding(store.bucket, REPORTS_PREFIX)]:
      `Report keys (reports/<tenant>/<job>.pdf) are chosen per job at run time; access stays under ${REPORTS_PREFIX} of one bucket.`,
  });
}
