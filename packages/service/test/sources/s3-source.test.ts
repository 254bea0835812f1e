import { text } from 'node:stream/consumers';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client, createSource, S3Source, type S3SourceOptions } from '../../src/sources/index.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

let s3: LocalS3;
let options: S3SourceOptions;

beforeAll(async () => {
  s3 = await startLocalS3();
  options = { ...s3.options, pageSize: 2 };
  await s3.createBucket('scan-me');
  const client = createS3Client(options);
  for (const key of ['docs/a.txt', 'docs/b.txt', 'docs/c.csv', 'docs/sub/d.json', 'other/e.txt']) {
    await client.send(new PutObjectCommand({ Bucket: 'scan-me', Key: key, Body: `body of ${key}` }));
  }
});

afterAll(async () => {
  await s3?.close();
});

describe('S3Source on s3rver', () => {
  it('lists every page of a prefix with sizes and etags', async () => {
    const source = new S3Source('s3://scan-me/docs/', options);
    const listed = [];
    for await (const o of source.list()) listed.push(o);
    expect(listed.map((o) => o.key)).toEqual(['docs/a.txt', 'docs/b.txt', 'docs/c.csv', 'docs/sub/d.json']);
    expect(listed[0]).toMatchObject({ bucket: 'scan-me', size: 'body of docs/a.txt'.length });
    expect(listed[0]?.etag).toMatch(/^[0-9a-f]{32}$/);
  });

  it('honours exclude globs', async () => {
    const source = await createSource('s3://scan-me', { roots: [], s3: options });
    const keys = [];
    for await (const o of source.list({ exclude: ['**/*.txt'] })) keys.push(o.key);
    expect(keys).toEqual(['docs/c.csv', 'docs/sub/d.json']);
  });

  it('streams an object and reports its etag', async () => {
    const source = new S3Source('s3://scan-me/docs/', options);
    const opened = await source.read({ key: 'docs/c.csv', size: 0 });
    expect(await text(opened.stream)).toBe('body of docs/c.csv');
    expect(opened.size).toBe('body of docs/c.csv'.length);
    expect(opened.etag).toMatch(/^[0-9a-f]{32}$/);
    // s3rver has no bucket versioning, so no version id comes back here.
    expect(opened.versionId).toBeUndefined();
    const head = await source.head('docs/c.csv');
    expect(head.etag).toBe(opened.etag);
  });

  it('maps a missing object and a missing bucket to NOT_FOUND', async () => {
    const source = new S3Source('s3://scan-me/docs/', options);
    await expect(source.read({ key: 'docs/none.txt', size: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const missing = new S3Source('s3://no-such-bucket/', options);
    await expect(async () => {
      for await (const _ of missing.list()) break;
    }).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses malformed bucket names', () => {
    expect(() => new S3Source('s3://Bad_Bucket/x', options)).toThrow(/not a valid s3:\/\/bucket/);
  });
});
