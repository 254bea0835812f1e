import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ReportStore } from '../ports/report-store.ts';
import { reportIds } from './report-ids.ts';

/** Lifetime of a presigned download URL. */
export const PRESIGNED_URL_SECONDS = 300;

/** Settings of `S3ReportStore`. */
export interface S3ReportStoreOptions {
  client: S3Client;
  bucket: string;
  /** KMS key for `aws:kms` server-side encryption. @default none: `AES256` (S3-managed keys) */
  kmsKeyId?: string;
}

const isMissing = (err: unknown) =>
  err instanceof S3ServiceException &&
  (err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404);

/**
 * Reports as objects `reports/<tenant>/<job>.pdf` of one bucket, encrypted at rest (KMS when a key
 * is given), downloaded by clients through presigned GET URLs.
 */
export class S3ReportStore implements ReportStore {
  private readonly client: S3Client;
  readonly bucket: string;
  private readonly kmsKeyId: string | undefined;

  constructor(options: S3ReportStoreOptions) {
    this.client = options.client;
    this.bucket = options.bucket;
    this.kmsKeyId = options.kmsKeyId;
  }

  /** The object key of a report. */
  key(tenantId: string, jobId: string): string {
    const { tenant, job } = reportIds(tenantId, jobId);
    return `reports/${tenant}/${job}.pdf`;
  }

  async has(tenantId: string, jobId: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(tenantId, jobId) }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async put(tenantId: string, jobId: string, pdf: Uint8Array): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(tenantId, jobId),
        Body: pdf,
        ContentType: 'application/pdf',
        ...(this.kmsKeyId
          ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: this.kmsKeyId }
          : { ServerSideEncryption: 'AES256' }),
      }),
    );
  }

  async open(tenantId: string, jobId: string): Promise<Readable | null> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(tenantId, jobId) }),
      );
      return (out.Body as Readable | undefined) ?? null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  /** A GET URL valid for five minutes that downloads the report as `filename`. */
  async presignedUrl(tenantId: string, jobId: string, filename: string): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: this.key(tenantId, jobId),
      ResponseContentType: 'application/pdf',
      ResponseContentDisposition: `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    });
    return getSignedUrl(this.client, command, { expiresIn: PRESIGNED_URL_SECONDS });
  }
}
