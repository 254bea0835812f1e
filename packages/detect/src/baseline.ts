import { createHmac } from 'node:crypto';

/**
 * A baseline: the values a team has already seen and accepted, so that a later scan reports only
 * what is new. It never holds a value, only each value's keyed fingerprint (HMAC-SHA-256 under the
 * fingerprint key) beside its detector and where it was seen. A value is in the baseline when its
 * detector and fingerprint are, wherever it now appears; a new value on the same line is not.
 * Fingerprints only match under the same key, so the file names its key by `fingerprintKeyId` and a
 * baseline made under another key is refused instead of silently matching nothing.
 */
export interface Baseline {
  version: 1;
  tool: 'data-scanner';
  /** `fingerprintKeyId(key)` of the key its fingerprints were made with. */
  fingerprintKeyId: string;
  /** ISO 8601 time it was written. */
  createdAt: string;
  /** Sorted by detector, fingerprint, path and line; one entry per place a value was seen. */
  entries: BaselineEntry[];
}

/** One accepted value at one place. */
export interface BaselineEntry {
  detector: string;
  /** 64 hex characters: the value's keyed fingerprint. */
  fingerprint: string;
  /** Where it was seen (a path relative to the scanned root, or an object key); for people only. */
  path?: string;
  line?: number;
}

/** A baseline file that cannot be used; the message says why. */
export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

const KEY_ID_LABEL = 'data-scanner fingerprint key id v1';

/**
 * Names a fingerprint key without revealing it: the first 16 hex characters of an HMAC of a fixed
 * label under the key. Equal keys give equal ids on every machine.
 */
export function fingerprintKeyId(key: string | Uint8Array): string {
  return createHmac('sha256', key).update(KEY_ID_LABEL, 'utf8').digest('hex').slice(0, 16);
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    a.detector.localeCompare(b.detector) ||
    a.fingerprint.localeCompare(b.fingerprint) ||
    (a.path ?? '').localeCompare(b.path ?? '') ||
    (a.line ?? 0) - (b.line ?? 0)
  );
}

/** A baseline of `entries` under `key`: duplicates dropped, entries sorted so the file diffs well. */
export function createBaseline(
  key: string | Uint8Array,
  entries: Iterable<BaselineEntry>,
  now: Date = new Date(),
): Baseline {
  const unique = new Map<string, BaselineEntry>();
  for (const e of entries) {
    const entry: BaselineEntry = { detector: e.detector, fingerprint: e.fingerprint.toLowerCase() };
    if (e.path !== undefined) entry.path = e.path;
    if (e.line !== undefined) entry.line = e.line;
    unique.set(JSON.stringify([entry.detector, entry.fingerprint, entry.path, entry.line]), entry);
  }
  return {
    version: 1,
    tool: 'data-scanner',
    fingerprintKeyId: fingerprintKeyId(key),
    createdAt: now.toISOString(),
    entries: [...unique.values()].sort(compareEntries),
  };
}

function entryProblems(value: unknown, i: number): string[] {
  const at = `entries #${i + 1}`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
  const e = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof e.detector !== 'string' || e.detector === '') problems.push(`${at}: detector must be a string`);
  if (typeof e.fingerprint !== 'string' || !/^[0-9a-fA-F]{64}$/.test(e.fingerprint))
    problems.push(`${at}: fingerprint must be 64 hex characters`);
  if (e.path !== undefined && typeof e.path !== 'string') problems.push(`${at}: path must be a string`);
  if (e.line !== undefined && !(Number.isInteger(e.line) && (e.line as number) > 0))
    problems.push(`${at}: line must be a positive integer`);
  for (const k of Object.keys(e)) {
    if (!['detector', 'fingerprint', 'path', 'line'].includes(k))
      problems.push(`${at}: unknown key ${JSON.stringify(k)}`);
  }
  return problems;
}

/**
 * Checks the JSON text of a baseline file and returns it. Throws a BaselineError listing the
 * problems (the first 10); `name` (the file) prefixes the message. The parser's own message is not
 * repeated, as it may quote the file.
 */
export function parseBaseline(text: string, name: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec(String(err))?.[1];
    throw new BaselineError(
      `baseline ${name} is not valid JSON${at === undefined ? '' : ` (at position ${at})`}`,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new BaselineError(
      `baseline ${name} must be a JSON object (a file written by 'data-scanner baseline create')`,
    );
  const b = data as Record<string, unknown>;
  const problems: string[] = [];
  if (b.version !== 1) problems.push(`version must be 1 (found ${JSON.stringify(b.version)})`);
  if (b.tool !== 'data-scanner') problems.push('tool must be "data-scanner"');
  if (typeof b.fingerprintKeyId !== 'string' || !/^[0-9a-f]{16}$/.test(b.fingerprintKeyId))
    problems.push('fingerprintKeyId must be 16 lowercase hex characters');
  if (typeof b.createdAt !== 'string' || Number.isNaN(Date.parse(b.createdAt)))
    problems.push('createdAt must be an ISO 8601 time');
  if (!Array.isArray(b.entries)) problems.push('entries must be an array');
  else
    b.entries.forEach((e, i) => {
      problems.push(...entryProblems(e, i));
    });
  if (problems.length > 0) {
    const more = problems.length > 10 ? `; and ${problems.length - 10} more` : '';
    throw new BaselineError(`baseline ${name}: ${problems.slice(0, 10).join('; ')}${more}`);
  }
  const baseline = data as Baseline;
  for (const e of baseline.entries) e.fingerprint = e.fingerprint.toLowerCase();
  return baseline;
}

/** Refuses a baseline made under another fingerprint key: its fingerprints could match nothing. */
export function assertBaselineKey(baseline: Baseline, key: string | Uint8Array, name: string): void {
  const id = fingerprintKeyId(key);
  if (baseline.fingerprintKeyId !== id)
    throw new BaselineError(
      `baseline ${name} was made with another fingerprint key (key id ${baseline.fingerprintKeyId}, this one is ${id}); ` +
        'make it again with this key, or set the key it was made with (FINGERPRINT_KEY for the service, DATA_SCANNER_FINGERPRINT_KEY for the CLI)',
    );
}

/** Answers whether a value (by detector and fingerprint) is in a baseline. */
export class BaselineIndex {
  private readonly keys: Set<string>;

  constructor(baseline: Pick<Baseline, 'entries'>) {
    this.keys = new Set(baseline.entries.map((e) => `${e.detector}\0${e.fingerprint}`));
  }

  /** Distinct values (detector and fingerprint) in the baseline. */
  get size(): number {
    return this.keys.size;
  }

  has(detector: string, fingerprint: string): boolean {
    return this.keys.has(`${detector}\0${fingerprint.toLowerCase()}`);
  }
}
