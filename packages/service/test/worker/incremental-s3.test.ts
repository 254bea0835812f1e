import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSource } from '../../src/sources/create-source.ts';
import { createS3Client } from '../../src/sources/s3-source.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';
import { runJobToEnd } from '../support/run-job.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

const db = useTestDatabase();
let s3: LocalS3;

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket('customer-data');
});
afterAll(async () => {
  await s3?.close();
});

const put = (key: string, body: string) =>
  createS3Client(s3.options).send(new PutObjectCommand({ Bucket: 'customer-data', Key: key, Body: body }));

describe('an incremental scan of an S3 prefix (s3rver)', () => {
  it('skips objects whose ETag and size are unchanged, and reads a rewritten one', async () => {
    for (let i = 0; i < 4; i++) await put(`exports/part-${i}.csv`, i === 1 ? awsKeyLine(1) : `row ${i}\n`);
    const run = () =>
      runJobToEnd(
        db().pool,
        [],
        { source: 's3://customer-data/exports/', incremental: true },
        { openSource: (uri) => createSource(uri, { roots: [], s3: s3.options }) },
      );
    expect(await run()).toMatchObject({
      status: 'succeeded',
      objectsTotal: 4,
      objectsUnchanged: 0,
      findingsCount: 1,
    });
    expect(await run()).toMatchObject({ objectsTotal: 0, objectsUnchanged: 4 });

    // Same size, other bytes: the ETag changes.
    await put('exports/part-2.csv', 'row X\n');
    const changed = await run();
    expect(changed).toMatchObject({ objectsTotal: 1, objectsUnchanged: 3 });
    expect((await new PgJobStore(db().pool).listObjects(changed.id)).map((o) => o.key)).toEqual([
      'exports/part-2.csv',
    ]);
  });
});
