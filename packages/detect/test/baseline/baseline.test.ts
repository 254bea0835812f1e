import { describe, expect, it } from 'vitest';
import {
  assertBaselineKey,
  BaselineError,
  BaselineIndex,
  createBaseline,
  fingerprintKeyId,
  parseBaseline,
} from '../../src/baseline.ts';
import { fingerprint } from '../../src/fingerprint.ts';

const KEY = 'team-key-0123456789abcdef';
const fp = (value: string) => fingerprint(KEY, value);

describe('baselines', () => {
  it('round-trip through JSON: sorted, duplicates dropped, no value anywhere in the file', () => {
    const secret = 'AKIAIOSFODNN7EXAMPLE';
    const baseline = createBaseline(
      KEY,
      [
        { detector: 'slack-token', fingerprint: fp('xoxb-1'), path: 'b.env', line: 2 },
        { detector: 'aws-access-key-id', fingerprint: fp(secret).toUpperCase(), path: 'a.env', line: 1 },
        { detector: 'slack-token', fingerprint: fp('xoxb-1'), path: 'b.env', line: 2 },
      ],
      new Date('2026-12-07T00:00:00Z'),
    );
    const text = JSON.stringify(baseline, null, 2);
    expect(text).not.toContain(secret);
    const parsed = parseBaseline(text, 'baseline.json');
    expect(parsed.entries.map((e) => e.detector)).toEqual(['aws-access-key-id', 'slack-token']);
    const index = new BaselineIndex(parsed);
    expect(index.size).toBe(2);
    expect(index.has('aws-access-key-id', fp(secret))).toBe(true);
    expect(index.has('aws-access-key-id', fp('AKIAIOSFODNN7EXAMPLF'))).toBe(false);
    expect(index.has('slack-token', fp(secret))).toBe(false);
  });

  it('name a key by an id that is equal for equal keys and reveals nothing of it', () => {
    expect(fingerprintKeyId(KEY)).toBe(fingerprintKeyId(Buffer.from(KEY)));
    expect(fingerprintKeyId(KEY)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintKeyId(KEY)).not.toBe(fingerprintKeyId(`${KEY}x`));
  });

  it('made under another key are refused with both key ids named', () => {
    const baseline = createBaseline('other-key', []);
    expect(() => assertBaselineKey(baseline, KEY, 'old.json')).toThrow(
      new RegExp(`old.json was made with another fingerprint key .*${fingerprintKeyId(KEY)}`),
    );
    expect(() => assertBaselineKey(createBaseline(KEY, []), KEY, 'ok.json')).not.toThrow();
  });

  it('that are malformed are refused with every problem named, never quoting the file', () => {
    expect(() => parseBaseline('{"entries": [ "sk_live_', 'b.json')).toThrow(/b.json is not valid JSON/);
    expect(() => parseBaseline('[]', 'b.json')).toThrow(BaselineError);
    const bad = JSON.stringify({
      version: 2,
      tool: 'data-scanner',
      fingerprintKeyId: 'xyz',
      createdAt: 'yesterday',
      entries: [{ detector: 'x', fingerprint: 'abc', line: 0, value: 'hunter2' }],
    });
    let message = '';
    try {
      parseBaseline(bad, 'b.json');
    } catch (err) {
      message = (err as Error).message;
    }
    for (const part of [
      'version must be 1',
      'fingerprintKeyId must be',
      'createdAt must be',
      'entries #1: fingerprint must be 64 hex',
      'entries #1: line must be a positive integer',
      'entries #1: unknown key "value"',
    ])
      expect(message).toContain(part);
    expect(message).not.toContain('hunter2');
  });
});
