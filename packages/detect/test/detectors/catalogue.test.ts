import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { TRUE_VALUES } from '../../eval/values.ts';
import { detectorById, detectors } from '../../src/detectors/index.ts';
import { SAMPLES } from './family-samples.ts';

v8.setFlagsFromString('--enable-experimental-regexp-engine');

const REQUIRED = [
  'aws-access-key-id',
  'aws-secret-access-key',
  'github-token',
  'github-fine-grained-pat',
  'gitlab-token',
  'slack-token',
  'slack-webhook-url',
  'stripe-secret-key',
  'google-api-key',
  'gcp-service-account',
  'private-key-pem',
  'private-key-openssh',
  'private-key-pgp',
  'private-key-putty',
  'jwt',
  'azure-storage-key',
  'azure-storage-connection-string',
  'openai-api-key',
  'anthropic-api-key',
  'npm-token',
  'sendgrid-api-key',
  'twilio-api-key',
  'twilio-auth-token',
  'url-credentials',
  'http-basic-auth',
  'generic-secret',
  'payment-card',
  'iban',
  'us-ssn',
  'us-itin',
  'aba-routing-number',
  'email',
  'phone-number',
  'ipv4-address',
  'ipv6-address',
  'date-of-birth',
  'uk-nhs-number',
  'canada-sin',
  'nl-bsn',
  'es-dni',
  'in-aadhaar',
];

describe('detector catalogue', () => {
  it('has at least 30 detectors with unique ids, including every required one', () => {
    expect(detectors.length).toBeGreaterThanOrEqual(30);
    expect(new Set(detectors.map((d) => d.id)).size).toBe(detectors.length);
    for (const id of REQUIRED) expect(detectorById(id)?.id, id).toBe(id);
    expect(detectorById('no-such-detector')).toBeUndefined();
  });

  it.each(detectors.map((d) => [d.id, d] as const))('%s follows the pattern rules', (_, d) => {
    expect(d.pattern.flags).toBe('g');
    expect(d.pattern.source).not.toMatch(/\(\?<?[=!]|\\[1-9]|\\k</);
    expect(() => new RegExp(d.pattern.source, 'gl')).not.toThrow();
    for (const k of d.keywords) expect(k).toBe(k.toLowerCase());
    for (const w of d.contextWords ?? []) expect(w).toBe(w.toLowerCase());
    expect(d.baseConfidence).toBeGreaterThan(0);
    expect(d.baseConfidence).toBeLessThanOrEqual(1);
    expect(d.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has true values for every detector (eval generators or samples beside the family)', () => {
    const covered = new Set([...Object.keys(TRUE_VALUES), ...Object.keys(SAMPLES)]);
    expect(detectors.map((d) => d.id).filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !detectorById(id))).toEqual([]);
  });
});
