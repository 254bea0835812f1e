import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { keyedSecret, prefixedToken } from './keyed-secret.ts';
import { ci, re, rep } from './pattern-kit.ts';

const B64URL = '[A-Za-z0-9_-]';
/** A base64url token ends before a character that could continue it. */
const END = '(?:[^A-Za-z0-9_-]|$)';

function vault(id: string, name: string, prefix: string, min: number, max: number, description: string) {
  return prefixedToken({
    id,
    name,
    severity: 'critical',
    keywords: [`${prefix}.`],
    pattern: `(?:^|[^A-Za-z0-9_.-])(${prefix}\\.${rep(B64URL, min, max)})${END}`,
    valueGroup: 1,
    prefixLength: prefix.length + 1,
    minEntropy: 3.5,
    contextWords: ['vault', 'vault_token', 'x-vault-token'],
    description,
  });
}

export const vaultServiceToken = vault(
  'vault-service-token',
  'HashiCorp Vault service token',
  'hvs',
  24,
  200,
  'hvs. and 24 to 200 base64url characters (Vault 1.10 and later).',
);
export const vaultBatchToken = vault(
  'vault-batch-token',
  'HashiCorp Vault batch token',
  'hvb',
  100,
  320,
  'hvb. and 100 to 320 base64url characters.',
);
export const vaultRecoveryToken = vault(
  'vault-recovery-token',
  'HashiCorp Vault recovery token',
  'hvr',
  24,
  200,
  'hvr. and 24 to 200 base64url characters.',
);

/** A Vault token from before 1.10 (`s.` and 24 alphanumerics), only where Vault is named. */
export const vaultLegacyToken: Detector = {
  id: 'vault-legacy-token',
  validator: 'entropy, Vault name nearby',
  example: 's. then 24 letters and digits',
  name: 'HashiCorp Vault token (legacy s.)',
  category: 'credentials',
  severity: 'critical',
  keywords: ['vault'],
  pattern: re(`(?:^|[^A-Za-z0-9_.$-])(s\\.${rep('[A-Za-z0-9]', 24)})\\b`),
  valueGroup: 1,
  // Identifiers such as `s.AcceptanceTimeoutSeconds` are letters only; tokens hold digits too.
  validate: (value) => /[0-9]/.test(value) && looksRandom(value.slice(2), { minEntropy: 3.5, minClasses: 3 }),
  contextWords: ['vault', 'token'],
  baseConfidence: 0.8,
  mask: { keepStart: 4, keepEnd: 3 },
  description: 's. and 24 alphanumerics with digits and both cases, where Vault is named nearby.',
};

export const terraformCloudToken = prefixedToken({
  id: 'terraform-cloud-token',
  name: 'Terraform Cloud / Enterprise API token',
  severity: 'critical',
  keywords: ['.atlasv1.'],
  pattern: `(?:^|[^A-Za-z0-9_.-])(${rep('[A-Za-z0-9]', 14)}\\.atlasv1\\.${rep('[A-Za-z0-9_=-]', 60, 70)})(?:[^A-Za-z0-9_=-]|$)`,
  valueGroup: 1,
  prefixLength: 0,
  minEntropy: 3.5,
  contextWords: ['terraform', 'tfe_token', 'credentials'],
  mask: { keepStart: 4, keepEnd: 4 },
  description: '14 alphanumerics, .atlasv1. and 60 to 70 base64url characters.',
});

function doppler(kind: string, id: string, name: string, body = ''): Detector {
  return prefixedToken({
    id,
    name,
    severity: 'critical',
    keywords: [`dp.${kind}.`],
    pattern: `\\bdp\\.${kind}\\.${body}${rep('[A-Za-z0-9]', 40, 44)}\\b`,
    prefixLength: 4 + kind.length,
    minEntropy: 3.5,
    contextWords: ['doppler', 'doppler_token'],
    description: `dp.${kind}.${body ? '<config>.' : ''} and 40 to 44 alphanumerics.`,
  });
}

export const dopplerPersonalToken = doppler('pt', 'doppler-personal-token', 'Doppler personal token');
export const dopplerServiceToken = doppler(
  'st',
  'doppler-service-token',
  'Doppler service token',
  '(?:[a-z0-9_-]{1,16}\\.)?',
);
export const dopplerServiceAccountToken = doppler(
  'sa',
  'doppler-service-account-token',
  'Doppler service account token',
);
export const dopplerCliToken = doppler('ct', 'doppler-cli-token', 'Doppler CLI token');
export const dopplerScimToken = doppler('scim', 'doppler-scim-token', 'Doppler SCIM token');
export const dopplerAuditToken = doppler('audit', 'doppler-audit-token', 'Doppler audit token');

/**
 * A 1Password service account token's body is base64 JSON; a body that does not decode but is
 * random (a truncated or re-wrapped token) is reported with less confidence.
 */
function onePasswordTokenValid(value: string): boolean | { valid: boolean; confidence: number } {
  try {
    const claims = JSON.parse(Buffer.from(value.slice(4), 'base64').toString('utf8')) as unknown;
    if (typeof claims === 'object' && claims !== null) return true;
  } catch {
    // not JSON: judged by its randomness below
  }
  return { valid: looksRandom(value.slice(4), { minEntropy: 4.5, minClasses: 3 }), confidence: 0.7 };
}

export const onePasswordServiceAccountToken: Detector = {
  id: 'onepassword-service-account-token',
  validator: 'decodes to a service-account JSON',
  example: 'ops_eyJ then base64',
  name: '1Password service account token',
  category: 'credentials',
  severity: 'critical',
  keywords: ['ops_eyj'],
  span: { before: '\\s\\S', maxBefore: 1, after: 'A-Za-z0-9+/=', maxAfter: 1300 },
  pattern: re(`(?:^|[^A-Za-z0-9+/_])(ops_eyJ${rep('[A-Za-z0-9+/]', 250, 1200)}={0,3})(?:[^A-Za-z0-9+/=]|$)`),
  valueGroup: 1,
  validate: onePasswordTokenValid,
  contextWords: ['op_service_account_token', '1password'],
  baseConfidence: 0.95,
  mask: { keepStart: 8, keepEnd: 4 },
  description: 'ops_ and base64 JSON of 250 characters or more.',
};

export const onePasswordSecretKey = prefixedToken({
  id: 'onepassword-secret-key',
  name: '1Password account secret key',
  severity: 'critical',
  keywords: ['a3-'],
  pattern: `\\bA3-${rep('[A-Z0-9]', 6)}-(?:${rep('[A-Z0-9]', 11)}|${rep('[A-Z0-9]', 6)}-${rep('[A-Z0-9]', 5)})-${rep('[A-Z0-9]', 5)}-${rep('[A-Z0-9]', 5)}-${rep('[A-Z0-9]', 5)}\\b`,
  prefixLength: 3,
  contextWords: ['1password', 'secret key'],
  description: 'A3-, then groups of 6, 11 (or 6-5), 5, 5 and 5 upper-case alphanumerics.',
});

export const pulumiAccessToken = prefixedToken({
  id: 'pulumi-access-token',
  name: 'Pulumi access token',
  severity: 'critical',
  keywords: ['pul-'],
  pattern: `\\bpul-${rep('[0-9a-f]', 40)}\\b`,
  prefixLength: 4,
  contextWords: ['pulumi', 'pulumi_access_token'],
  description: 'pul- and 40 hex.',
});

export const infracostApiKey = prefixedToken({
  id: 'infracost-api-key',
  name: 'Infracost API key',
  severity: 'high',
  keywords: ['ico-'],
  pattern: `\\bico-${rep('[A-Za-z0-9]', 32)}\\b`,
  prefixLength: 4,
  contextWords: ['infracost', 'infracost_api_key'],
  description: 'ico- and 32 alphanumerics.',
});

/** Okta API token (`00` and 40 characters) or client secret, bound to an Okta name. */
export const oktaApiToken = keyedSecret({
  id: 'okta-api-token',
  name: 'Okta API token',
  severity: 'critical',
  keywords: ['okta'],
  key: ci('okta'),
  value: rep('[A-Za-z0-9_-]', 40, 42),
  minEntropy: 3.5,
  description: 'OKTA_API_TOKEN and 42 base64url characters (00 and 40), or a 40-character client secret.',
});

/** Auth0 application client secret bound to its name. */
export const auth0ClientSecret = keyedSecret({
  id: 'auth0-client-secret',
  name: 'Auth0 client secret',
  severity: 'critical',
  keywords: ['auth0'],
  key: ci('auth0'),
  value: rep('[A-Za-z0-9_-]', 40, 96),
  minEntropy: 4,
  description: 'AUTH0_CLIENT_SECRET and 40 to 96 base64url characters (64 today).',
});

export const secretsIdentityDetectors: readonly Detector[] = [
  vaultServiceToken,
  vaultBatchToken,
  vaultRecoveryToken,
  vaultLegacyToken,
  terraformCloudToken,
  dopplerPersonalToken,
  dopplerServiceToken,
  dopplerServiceAccountToken,
  dopplerCliToken,
  dopplerScimToken,
  dopplerAuditToken,
  onePasswordServiceAccountToken,
  onePasswordSecretKey,
  pulumiAccessToken,
  infracostApiKey,
  oktaApiToken,
  auth0ClientSecret,
];
