import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObjectEventError, parseObjectEvents } from '../../src/watch/object-events.ts';

/** Sample documents in the shapes of the AWS documentation (S3 event message structure, EventBridge message structure). */
const sample = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, 'events', name), 'utf8'));

describe('parseObjectEvents', () => {
  it('reads S3 → SQS ObjectCreated records, decoding keys, and leaves removals out', () => {
    expect(parseObjectEvents(sample('s3-sqs-object-created.json'))).toEqual([
      {
        bucket: 'allowed-bucket',
        key: 'uploads/red flower(1).txt',
        size: 1024,
        etag: 'd41d8cd98f00b204e9800998ecf8427e',
        versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
      },
      {
        bucket: 'allowed-bucket',
        key: 'uploads/été/export.csv',
        size: 198524144,
        etag: '4af981f98d22a0b9979da24b259e5e42-12',
      },
    ]);
  });

  it('reads the s3:TestEvent as no objects', () => {
    expect(parseObjectEvents(sample('s3-test-event.json'))).toEqual([]);
  });

  it('reads an EventBridge Object Created event and ignores Object Deleted', () => {
    expect(parseObjectEvents(sample('eventbridge-object-created.json'))).toEqual([
      {
        bucket: 'allowed-bucket',
        key: 'uploads/example key.txt',
        size: 5,
        etag: 'b1946ac92492d2347c6235b4d2611184',
        versionId: 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
      },
    ]);
    expect(parseObjectEvents(sample('eventbridge-object-deleted.json'))).toEqual([]);
  });

  it('returns undefined for documents that are not S3 events (work messages)', () => {
    expect(parseObjectEvents({ type: 'plan', job_id: 'x' })).toBeUndefined();
    expect(parseObjectEvents('Records')).toBeUndefined();
    expect(parseObjectEvents(null)).toBeUndefined();
  });

  it('names the field of a malformed event', () => {
    const created = sample('s3-sqs-object-created.json') as {
      Records: { s3: { object: Record<string, unknown> } }[];
    };
    const record = created.Records[0];
    if (!record) throw new Error('fixture has no record');
    record.s3.object.size = '1024';
    expect(() => parseObjectEvents(created)).toThrow(/Records\[0\]\.s3\.object\.size/);
    record.s3.object.size = 1;
    record.s3.object.key = 'bad%E0%A4%A';
    expect(() => parseObjectEvents(created)).toThrow(ObjectEventError);
    expect(() => parseObjectEvents({ Records: {} })).toThrow(/Records is not a list/);
    const bridge = sample('eventbridge-object-created.json') as { detail: Record<string, unknown> };
    delete bridge.detail.bucket;
    expect(() => parseObjectEvents(bridge)).toThrow(/detail has no bucket/);
  });
});
