import type { Category } from './types.ts';

/**
 * What to do about a finding, in one or two sentences: where to rotate or revoke the credential
 * and what to mark afterwards, or how to handle personal data. The dashboard's detail view, the
 * API's finding detail and the PDF report all show it.
 */
export function remediationFor(detector: string, category: Category | string): string {
  for (const [prefixes, hint] of BY_PREFIX) {
    if (prefixes.some((p) => detector === p || detector.startsWith(`${p}-`))) return hint;
  }
  return BY_CATEGORY[category] ?? CREDENTIALS;
}

const THEN = 'then mark it revoked here';
const CREDENTIALS = `Revoke or rotate the credential with the service that issued it, move the new one to a secret store, ${THEN}.`;

const BY_PREFIX: [string[], string][] = [
  [
    ['aws'],
    `Deactivate and delete the access key in IAM (or let the session token expire), check CloudTrail for its use, issue a new key through your secret store, ${THEN}.`,
  ],
  [
    ['github'],
    `Revoke the token in GitHub (Settings > Developer settings, or the organisation's credential list), check the audit log, ${THEN}.`,
  ],
  [['gitlab'], `Revoke the token in GitLab (user, project or group access tokens, or the runner), ${THEN}.`],
  [
    ['slack'],
    `Revoke the token or webhook in the Slack app's settings and reinstall the app if needed, ${THEN}.`,
  ],
  [['stripe'], `Roll the key in the Stripe dashboard (Developers > API keys), ${THEN}.`],
  [
    ['google', 'gcp'],
    `Delete the key (or service account key) in the Google Cloud console's Credentials or IAM page, create a restricted one, ${THEN}.`,
  ],
  [
    ['azure'],
    `Regenerate the storage key, rotate the client secret or revoke the token in the Azure portal, ${THEN}.`,
  ],
  [
    ['private-key'],
    `Treat the key pair as compromised: replace it wherever the public key is trusted (servers, certificates, signing), ${THEN}.`,
  ],
  [
    ['bcrypt', 'sha-crypt', 'md5-crypt', 'yescrypt', 'django-password', 'argon2'],
    'A password hash can be cracked offline: reset the password it belongs to, and keep hashes out of files and exports.',
  ],
  [
    ['connection-string', 'oracle-connection', 'url-credentials', 'http-basic-auth', 'netrc', 'pgpass'],
    `Change the password on the server it opens, move it to a secret store or environment, ${THEN}.`,
  ],
  [
    ['generic-secret', 'generic-key'],
    'Check whether the value is a live credential; if it is, rotate it where it was issued and move it to a secret store, else mark it a false positive.',
  ],
];

const BY_CATEGORY: Record<string, string> = {
  credentials: CREDENTIALS,
  financial:
    'Remove or tokenise the account or card number, restrict access to the object, and check whether its presence is a reportable breach (PCI DSS for cards).',
  'national-id':
    'Delete the identifier or move it to a store meant for it, restrict access to the object, and record the exposure as your data-protection rules require.',
  personal:
    'Confirm the data has a purpose and a lawful basis here; if not, delete or pseudonymise it and restrict access to the object.',
  health:
    'Health identifiers are special-category data: restrict access now, remove them where they are not needed, and tell your data-protection officer.',
  network:
    'Usually low risk: accept it if addresses in this place are expected, else remove them from shared data.',
};
