import type { AdapterAwsCalls } from '../aws-call.ts';

/** The S3 object source (`s3-source.ts`): each `ObjectSource` operation's SDK calls and IAM actions. */
export const S3_SOURCE_CALLS = {
  file: 'sources/s3-source.ts',
  operations: {
    list: [{ command: 'paginateListObjectsV2', action: 's3:ListBucket', resource: 'scan-bucket' }],
    head: [{ command: 'HeadObjectCommand', action: 's3:GetObject', resource: 'scan-objects' }],
    read: [{ command: 'GetObjectCommand', action: 's3:GetObject', resource: 'scan-objects' }],
  },
} as const satisfies AdapterAwsCalls;
