import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { createS3Client, type S3SourceOptions } from '../../src/sources/index.ts';

/** A running s3rver on 127.0.0.1 with a temp directory, plus S3 options that reach it. */
export interface LocalS3 {
  options: S3SourceOptions;
  createBucket(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts s3rver on a free port of 127.0.0.1. Call `close()` in `afterAll`. */
export async function startLocalS3(): Promise<LocalS3> {
  const dir = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir });
  const { port } = await server.run();
  const options: S3SourceOptions = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
  return {
    options,
    createBucket: async (name) => {
      await createS3Client(options).send(new CreateBucketCommand({ Bucket: name }));
    },
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
