import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import type { Watch } from '../../src/ports/watch-store.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { createS3Client } from '../../src/sources/s3-source.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PgTenantStore } from '../../src/store/tenants-repository.ts';
import { PgWatchStore } from '../../src/watch/watches-repository.ts';
import { processMessage, type WorkerDeps } from '../../src/worker/job-processor.ts';
import { parseWorkMessage } from '../../src/worker/messages.ts';
import { scannerFactory } from '../../src/worker/scan-engine-factory.ts';
import { useTestDatabase } from '../support/database.ts';
import { awsKeyLine } from '../support/fake-secrets.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';

const BUCKET = 'allowed-bucket';
const db = useTestDatabase();
let s3: LocalS3;
const etags = new Map<string, string>();
const sizes = new Map<string, number>();

/** The AWS-shaped sample documents of object-events.test.ts, pointed at objects really in s3rver. */
function sample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, 'events', name), 'utf8'));
}

interface SampleRecord {
  eventName: string;
  s3: { object: Record<string, unknown> };
}

function s3Notification(key: string, encodedKey: string, eventName = 'ObjectCreated:Put'): string {
  const doc = sample('s3-sqs-object-created.json') as { Records: SampleRecord[] };
  const record = structuredClone(doc.Records[0] as SampleRecord);
  record.eventName = eventName;
  record.s3.object = {
    key: encodedKey,
    size: sizes.get(key),
    eTag: etags.get(key),
    sequencer: '0055AED6DCD90281E5',
  };
  return JSON.stringify({ Records: [record] });
}

function eventBridge(key: string): string {
  const doc = sample('eventbridge-object-created.json') as { detail: { object: unknown } };
  doc.detail.object = { key, size: sizes.get(key), etag: etags.get(key), sequencer: '617f08299329d189' };
  return JSON.stringify(doc);
}

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket(BUCKET);
  const client = createS3Client(s3.options);
  const objects: Record<string, string> = {
    'uploads/red flower.txt': awsKeyLine(1),
    'uploads/clean.txt': 'nothing to see\n',
    'elsewhere/secret.txt': awsKeyLine(2),
  };
  for (const [Key, Body] of Object.entries(objects)) {
    const out = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
    etags.set(Key, (out.ETag ?? '').replaceAll('"', ''));
    sizes.set(Key, Buffer.byteLength(Body));
  }
});

afterAll(async () => {
  await s3?.close();
});

let watches: PgWatchStore;
let jobs: PgJobStore;
let queue: PgQueue;
let deps: WorkerDeps;
let watch: Watch;

beforeEach(async () => {
  const pool = db().pool;
  watches = new PgWatchStore(pool);
  jobs = new PgJobStore(pool);
  queue = new PgQueue(pool, { name: 'scan', pollMs: 20 });
  deps = {
    jobs,
    queue,
    watches,
    openSource: (uri) => createSource(uri, { roots: [], s3: s3.options }),
    engineFor: scannerFactory('test-fingerprint-key'),
    logger: createLogger({ level: 'silent' }),
    limits: { maxObjects: 100, maxBytes: 1024 * 1024 },
    concurrency: 2,
  };
  const tenant = await new PgTenantStore(pool).ensureTenant('acme');
  watch = await watches.create(tenant.id, { source: `s3://${BUCKET}/uploads/` });
});

/** Delivers `bodies` to the scan queue (as S3 or EventBridge would) and runs every message to the end; returns the messages run. */
async function deliverAndRun(...bodies: string[]): Promise<string[]> {
  if (bodies.length > 0) await queue.send(bodies);
  const ran: string[] = [];
  for (;;) {
    const [message] = await queue.receive({ max: 1, waitSeconds: 0, visibilitySeconds: 30 });
    if (!message) return ran;
    await processMessage(deps, parseWorkMessage(message.body), new AbortController().signal, {
      redelivered: message.receiveCount > 1,
    });
    await queue.delete([message.receipt]);
    ran.push(message.body);
  }
}

async function findings(jobId: string) {
  const { rows } = await db().pool.query(
    'SELECT object_key, detector, redacted FROM findings WHERE job_id = $1 ORDER BY object_key',
    [jobId],
  );
  return rows;
}

describe('scan on upload: S3 events on the scan queue', () => {
  it('scans each created object under the watched prefix in the rolling job of the hour', async () => {
    await deliverAndRun(
      s3Notification('uploads/red flower.txt', 'uploads/red+flower.txt'),
      eventBridge('uploads/clean.txt'),
      s3Notification('elsewhere/secret.txt', 'elsewhere/secret.txt'),
      s3Notification('uploads/clean.txt', 'uploads/clean.txt', 'ObjectRemoved:Delete'),
      JSON.stringify(sample('s3-test-event.json')),
    );
    const [ref, ...others] = await watches.rollingJobs(watch.id, 10);
    expect(others).toEqual([]);
    expect(ref?.status).toBe('listing');
    expect(ref?.hour.getUTCMinutes()).toBe(0);
    const job = await jobs.getJob(ref?.jobId as string);
    expect(job).toMatchObject({
      source: `s3://${BUCKET}/uploads/`,
      objectsTotal: 2,
      objectsDone: 2,
      objectsComplete: 2,
      findingsCount: 1,
    });
    expect(job?.name).toMatch(/^watch s3:\/\/allowed-bucket\/uploads\/ \d{4}-\d\d-\d\dT\d\d:00Z$/);
    const found = await findings(ref?.jobId as string);
    expect(found).toEqual([
      { object_key: 'uploads/red flower.txt', detector: 'aws-access-key-id', redacted: expect.any(String) },
    ]);
    expect(JSON.stringify(found)).not.toContain(awsKeyLine(1).split('=')[1]?.trim());
  });

  it('never scans an object twice in one rolling job when its event is delivered again', async () => {
    const event = s3Notification('uploads/red flower.txt', 'uploads/red+flower.txt');
    await deliverAndRun(event);
    const ran = await deliverAndRun(event, eventBridge('uploads/red flower.txt'));
    // The repeated events were taken in, but sent no shard message: nothing was scanned again.
    expect(ran.filter((body) => body.includes('"shard"'))).toEqual([]);
    const [ref] = await watches.rollingJobs(watch.id, 10);
    const job = await jobs.getJob(ref?.jobId as string);
    expect(job).toMatchObject({
      objectsTotal: 1,
      objectsDone: 1,
      findingsCount: 1,
      bytesScanned: awsKeyLine(1).length,
    });
  });

  it('sends the shards again when an intake is redelivered after its send was lost', async () => {
    await queue.send([s3Notification('uploads/red flower.txt', 'uploads/red+flower.txt')]);
    const [intake] = await queue.receive({ max: 1, waitSeconds: 0, visibilitySeconds: 30 });
    if (!intake) throw new Error('no intake message');
    await processMessage(deps, parseWorkMessage(intake.body), new AbortController().signal);
    // The shard message is lost (as if the send had failed) and the intake is not deleted.
    const [shard] = await queue.receive({ max: 1, waitSeconds: 0, visibilitySeconds: 30 });
    expect(shard?.body).toContain('"shard"');
    await queue.delete([shard?.receipt as string]);
    await queue.changeVisibility(intake.receipt, 0);
    const ran = await deliverAndRun();
    expect(ran.filter((body) => body.includes('"shard"'))).toHaveLength(1);
    const [ref] = await watches.rollingJobs(watch.id, 10);
    expect(await jobs.getJob(ref?.jobId as string)).toMatchObject({ objectsDone: 1, findingsCount: 1 });
  });

  it('closes the rolling job once its hour is over, and a later upload opens the next one', async () => {
    await deliverAndRun(s3Notification('uploads/red flower.txt', 'uploads/red+flower.txt'));
    const [first] = await watches.rollingJobs(watch.id, 10);
    expect(await watches.closeEndedRollingJobs()).toEqual([]);
    await db().pool.query(`UPDATE jobs SET watch_hour = watch_hour - interval '2 hours' WHERE id = $1`, [
      first?.jobId,
    ]);
    // As the data-scanner profile does it: EventBridge sends the message hourly to the scan queue.
    await deliverAndRun(JSON.stringify({ type: 'close-rolling-jobs' }));
    expect((await jobs.getJob(first?.jobId as string))?.status).toBe('succeeded');
    const outbox = await db().pool.query('SELECT kind FROM outbox WHERE job_id = $1', [first?.jobId]);
    expect(outbox.rows).toEqual([{ kind: 'job.finished' }]);

    await deliverAndRun(eventBridge('uploads/clean.txt'));
    const refs = await watches.rollingJobs(watch.id, 10);
    expect(refs.map((r) => r.jobId)).toHaveLength(2);
    expect(refs[0]?.jobId).not.toBe(first?.jobId);
    expect(refs[0]?.status).toBe('listing');
  });

  it('scans a new version of a key already scanned this hour in the next hour’s job', async () => {
    await deliverAndRun(s3Notification('uploads/red flower.txt', 'uploads/red+flower.txt'));
    const changed = JSON.parse(s3Notification('uploads/red flower.txt', 'uploads/red+flower.txt'));
    changed.Records[0].s3.object.versionId = 'v2';
    await deliverAndRun(JSON.stringify(changed));
    const refs = await watches.rollingJobs(watch.id, 10);
    expect(refs).toHaveLength(2);
    expect((refs[0]?.hour.getTime() ?? 0) - (refs[1]?.hour.getTime() ?? 0)).toBe(3_600_000);
    expect((await jobs.getJob(refs[0]?.jobId as string))?.objectsTotal).toBe(1);
  });

  it('dead-letters a malformed S3 event with the field named, and ignores buckets nobody watches', async () => {
    expect(() => parseWorkMessage('{"Records":[{"eventName":"ObjectCreated:Put","s3":{}}]}')).toThrow(
      /S3 event: Records\[0\]\.s3 has no bucket and object/,
    );
    const other = JSON.parse(s3Notification('uploads/clean.txt', 'uploads/clean.txt'));
    other.Records[0].s3.bucket.name = 'someone-elses-bucket';
    await deliverAndRun(JSON.stringify(other));
    expect(await watches.rollingJobs(watch.id, 10)).toEqual([]);
  });
});
