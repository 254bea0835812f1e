import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/index.ts';
import { remediationFor } from '../../src/remediation.ts';

describe('remediation hints', () => {
  it('name the issuer for well-known credentials and fall back to the category for the rest', () => {
    expect(remediationFor('aws-access-key-id', 'credentials')).toMatch(/IAM/);
    expect(remediationFor('github-fine-grained-pat', 'credentials')).toMatch(/GitHub/);
    expect(remediationFor('private-key-openssh', 'credentials')).toMatch(/key pair/);
    expect(remediationFor('linear-api-key', 'credentials')).toMatch(/Revoke or rotate/);
    expect(remediationFor('payment-card', 'financial')).toMatch(/PCI DSS/);
    expect(remediationFor('githubx', 'credentials')).toMatch(/Revoke or rotate/);
  });

  it('exist for every built-in detector, and say to mark revoked only for credentials', () => {
    for (const d of detectors) {
      const hint = remediationFor(d.id, d.category);
      expect(hint.length, d.id).toBeGreaterThan(40);
      if (d.category !== 'credentials') expect(hint, d.id).not.toMatch(/revoked/);
    }
  });
});
