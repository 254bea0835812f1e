/** An object S3 reports as created, read from an event notification. */
export interface ObjectCreatedEvent {
  bucket: string;
  /** The object key, decoded (S3 → SQS notifications carry it URL-encoded with '+' for spaces). */
  key: string;
  size: number;
  etag?: string;
  versionId?: string;
}

/** An S3 or EventBridge event document that cannot be read; the message is not retried. */
export class ObjectEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ObjectEventError';
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new ObjectEventError(`${where} is missing`);
  return value;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function size(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ObjectEventError(`${where} is not a size in bytes`);
  }
  return value;
}

/** Decodes an S3 notification key: form encoding, so '+' is a space and %XX a byte of UTF-8. */
export function decodeNotificationKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    throw new ObjectEventError(`object key ${JSON.stringify(key)} is not valid URL encoding`);
  }
}

function fromRecord(record: unknown, index: number): ObjectCreatedEvent | undefined {
  const where = `Records[${index}]`;
  if (!isObject(record)) throw new ObjectEventError(`${where} is not an object`);
  const name = record.eventName;
  if (typeof name !== 'string') throw new ObjectEventError(`${where}.eventName is missing`);
  if (!name.startsWith('ObjectCreated:')) return undefined;
  const s3 = record.s3;
  if (!isObject(s3) || !isObject(s3.bucket) || !isObject(s3.object)) {
    throw new ObjectEventError(`${where}.s3 has no bucket and object`);
  }
  const etag = optionalText(s3.object.eTag);
  const versionId = optionalText(s3.object.versionId);
  return {
    bucket: text(s3.bucket.name, `${where}.s3.bucket.name`),
    key: decodeNotificationKey(text(s3.object.key, `${where}.s3.object.key`)),
    size: size(s3.object.size, `${where}.s3.object.size`),
    ...(etag ? { etag } : {}),
    ...(versionId ? { versionId } : {}),
  };
}

function fromEventBridge(event: Json): ObjectCreatedEvent[] {
  if (event['detail-type'] !== 'Object Created') return [];
  const detail = event.detail;
  if (!isObject(detail) || !isObject(detail.bucket) || !isObject(detail.object)) {
    throw new ObjectEventError('detail has no bucket and object');
  }
  const etag = optionalText(detail.object.etag);
  const versionId = optionalText(detail.object['version-id']);
  return [
    {
      bucket: text(detail.bucket.name, 'detail.bucket.name'),
      key: text(detail.object.key, 'detail.object.key'),
      size: size(detail.object.size, 'detail.object.size'),
      ...(etag ? { etag } : {}),
      ...(versionId ? { versionId } : {}),
    },
  ];
}

/**
 * Reads the objects created in an S3 event document as it reaches the scan queue: an S3 → SQS
 * notification (`{"Records": [...]}`; other event names such as `ObjectRemoved:*` are left out),
 * the `s3:TestEvent` S3 sends when notifications are configured (no objects), or an EventBridge
 * event from `aws.s3` (`Object Created`; other detail types have no objects). Returns undefined
 * when `value` is none of these; throws `ObjectEventError` naming the field of a malformed one.
 */
export function parseObjectEvents(value: unknown): ObjectCreatedEvent[] | undefined {
  if (!isObject(value)) return undefined;
  if (value.Event === 's3:TestEvent' && value.Service === 'Amazon S3') return [];
  if ('Records' in value) {
    if (!Array.isArray(value.Records)) throw new ObjectEventError('Records is not a list');
    const events: ObjectCreatedEvent[] = [];
    value.Records.forEach((record, i) => {
      const event = fromRecord(record, i);
      if (event) events.push(event);
    });
    return events;
  }
  if (value.source === 'aws.s3' && typeof value['detail-type'] === 'string') return fromEventBridge(value);
  return undefined;
}
