import type { AdapterAwsCalls } from '../aws-call.ts';

/** The S3 report store (`s3-report-store.ts`): each `ReportStore` operation's SDK calls and IAM actions. */
export const S3_REPORT_CALLS = {
  file: 'reports/s3-report-store.ts',
  operations: {
    // Without ListBucket, S3 answers a HEAD of a report not yet rendered with 403, not 404.
    has: [
      { command: 'HeadObjectCommand', action: 's3:GetObject', resource: 'report-objects' },
      { command: 'HeadObjectCommand', action: 's3:ListBucket', resource: 'report-bucket' },
    ],
    put: [{ command: 'PutObjectCommand', action: 's3:PutObject', resource: 'report-objects' }],
    open: [{ command: 'GetObjectCommand', action: 's3:GetObject', resource: 'report-objects' }],
    presignedUrl: [{ command: 'getSignedUrl', action: 's3:GetObject', resource: 'report-objects' }],
  },
} as const satisfies AdapterAwsCalls;
