import { describe, expect, it } from 'vitest';
import { fingerprint, mask } from '../../src/index.ts';
import { EMAIL, PASSWORD, PASSWORD_LINE, scanner } from '../support.ts';

describe('suppression', () => {
  const text = `${EMAIL}\n${PASSWORD_LINE} # data-scanner:ignore\nother ${EMAIL}\n`;

  it('drops findings on a line carrying data-scanner:ignore', async () => {
    const r = await scanner().scanText(text);
    expect(r.findings.map((f) => [f.detector, f.location.line])).toEqual([
      ['email', 1],
      ['email', 3],
    ]);
  });

  it('honours the marker on a line longer than a chunk, and only on that line', async () => {
    const long = `data-scanner:ignore ${'lorem ipsum '.repeat(300_000)}${EMAIL}\nnext ${EMAIL}\n`;
    const r = await scanner().scanText(long);
    expect(r.findings.map((f) => [f.detector, f.location.line])).toEqual([['email', 2]]);
  });

  it('honours allowlisted value patterns, fingerprints and paths', async () => {
    const byPattern = await scanner({ allowlist: { patterns: ['@northwind-traders\\.com$'] } }).scanText(
      text,
    );
    expect(byPattern.findings).toEqual([]);
    const fp = fingerprint('test-key', EMAIL);
    const byFingerprint = await scanner({ allowlist: { fingerprints: [fp] } }).scanText(text);
    expect(byFingerprint.findings).toEqual([]);
    const byPath = await scanner({ allowlist: { paths: ['fixtures/**'] } }).scanText(
      text,
      'fixtures/a/b.txt',
    );
    expect(byPath).toMatchObject({ status: 'SKIPPED', reason: 'EXCLUDED', findings: [] });
    const other = await scanner({ allowlist: { paths: ['fixtures/**'] } }).scanText(text, 'src/b.txt');
    expect(other.findings).toHaveLength(2);
  });

  it('folds personal data past the aggregate threshold into an exact count, reading on', async () => {
    const r = await scanner({ limits: { aggregateThreshold: 5, aggregateSamples: 3 } }).scanText(
      `${EMAIL}\n`.repeat(20),
    );
    expect(r.status).toBe('COMPLETE');
    expect(r.findings).toHaveLength(5);
    expect(r.aggregates).toEqual([expect.objectContaining({ detector: 'email', count: 15, threshold: 5 })]);
    expect(r.aggregates![0]!.samples.map((l) => l.line)).toEqual([6, 7, 8]);
  });
});

describe('masking and fingerprints', () => {
  it('masks like AKIA************MPLE and hides at least half of short values', () => {
    expect(mask('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA************MPLE');
    expect(mask('12345678')).toBe('12****78');
    expect(mask('abc')).toBe('***');
    expect(mask('4111111111111111', { keepStart: 0, keepEnd: 4 })).toBe('************1111');
  });

  it('fingerprints with the configured key: equal values group, keys differ', async () => {
    const a = await scanner({ fingerprintKey: 'k1' }).scanText(`${EMAIL} and ${EMAIL}`);
    const b = await scanner({ fingerprintKey: 'k2' }).scanText(EMAIL);
    expect(a.findings[0]!.fingerprint).toBe(a.findings[1]!.fingerprint);
    expect(a.findings[0]!.fingerprint).not.toBe(b.findings[0]!.fingerprint);
    expect(a.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never puts the raw value in a finding', async () => {
    const r = await scanner().scanText(`${PASSWORD_LINE}\n${EMAIL}\n`);
    expect(r.findings.length).toBeGreaterThanOrEqual(2);
    const out = JSON.stringify(r);
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toContain(EMAIL);
  });
});

describe('context', () => {
  it('raises confidence with a context word nearby or a field name', async () => {
    const plain = await scanner().scanText(`value ${EMAIL}`);
    const near = await scanner().scanText(`email: ${EMAIL}`);
    const field = await scanner().scanText(`id,contact_email\n1,${EMAIL}\n`, 'x.csv');
    expect(near.findings[0]!.confidence).toBeGreaterThan(plain.findings[0]!.confidence);
    expect(field.findings[0]!.confidence).toBeGreaterThan(plain.findings[0]!.confidence);
  });

  it('drops requireContext detectors without context', async () => {
    const none = await scanner().scanText('released 1990-04-12 to the public');
    const withWord = await scanner().scanText('date of birth: 1990-04-12');
    expect(none.findings.filter((f) => f.detector === 'date-of-birth')).toEqual([]);
    expect(withWord.findings.filter((f) => f.detector === 'date-of-birth')).toHaveLength(1);
  });
});
