import type { Detector, MatchContext } from '../types.ts';
import { charClassCount, shannonEntropy } from '../validators/entropy.ts';
import { genericSecretValid, keyName, SEP, VALUE } from './generic-secrets.ts';
import { QUOTES, reAlternatives, rep } from './pattern-kit.ts';

/**
 * A name whose last word is `key`: `FIREBASE_KEY`, `license_key`, `app.key`, `"key"`, or camel
 * case `consumerKey` (but not `monkey` or `HOCKEY`).
 */
const PATTERN = [
  // .NET `<add key="LicenseKey" value="..."/>`: starts before the bare `key=` it holds.
  `add key=${QUOTES}${rep('[A-Za-z0-9_.-]', 0, 40)}(?:[kK]ey|KEY)${SEP}${VALUE}`,
  `(?:^|[^A-Za-z0-9])(?:key|Key|KEY)${SEP}${VALUE}`,
  `[a-z0-9]Key${SEP}${VALUE}`,
].join('|');

/** Names that `generic-secret` reads (`api_key`, `AUTH_KEY`, `secretKey`): left to it. */
const GENERIC_SECRET_NAMES =
  /pass|pwd|secret|token|credential|creds|auth|salt|(?:api|app|master|encryption|signing|private|nonce|validation|decryption|logged[_.-]?in)[_.-]?key$/;

/**
 * Keys that are public, structural or about data rather than access: a `primary_key`, a cache
 * or sort key, an SSH or PGP public key, a reCAPTCHA `site_key`, a DynamoDB `LastEvaluatedKey`.
 */
const NOT_ACCESS_KEYS =
  /(?:public|pub|publishable|primary|foreign|sort|partition|range|hash|row|cache|idempotency|dedup|dedupe|lookup|map|index|object|s3|bucket|unique|natural|surrogate|composite|shard|routing|translation|i18n|message|locale|label|group|item|entity|record|cursor|next|continuation|start|evaluated|page|field|column|table|attribute|ssh|host|gpg|pgp|verify|verification|site|instrumentation|kms|storage|access[_.-]?key[_.-]?id|dict|json|yaml|config|setting|preference|registry|tracking|analytics|redis|memcache|queue|topic|event|metric|cookie[_.-]?name|header|query|param|form|input|state|store|local[_.-]?storage|react|vue|component|element|list|order|primary[_.-]?key)[_.-]?key$/;

/** `8-4-4-4-12` hex: an identifier (a KMS key id, an App Insights key, a record key). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when a value assigned to a `…_KEY` name looks like a key rather than a label, an id or a
 * hash: the checks of `generic-secret`, plus 16+ characters, letters and digits, an entropy of
 * a random string, not a UUID, and not bare hex under a name that is only `key` (a cache key or
 * digest more often than a credential).
 */
export function keyNamedSecretValid(value: string, ctx?: MatchContext): boolean {
  if (value.length < 16 || UUID.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  // `PLATFORMINFRA01`, `release2024`: a word and a number, not a random key.
  if (/^[A-Za-z]+[0-9]{0,4}$/.test(value) || /^[0-9]{1,4}[A-Za-z]+$/.test(value)) return false;
  if (ctx) {
    // `# public key: age1...` (age-keygen), `Public Key: ...`: the words before name a public key.
    if (/(?:public|pub)[ \t_.-]key["']?[ \t]*[:=][ \t]*["']?$/.test(ctx.before)) return false;
    const name = keyName(ctx.before);
    if (GENERIC_SECRET_NAMES.test(name) || NOT_ACCESS_KEYS.test(name)) return false;
    if (/^[0-9a-f]+$/i.test(value) && /^(?:[_.-]*key)?$/.test(name)) return false;
  }
  if (value.startsWith('AAAA')) return false;
  if (charClassCount(value) < 2 || shannonEntropy(value) < 3.3) return false;
  return genericSecretValid(value, ctx);
}

/** Where a `key` name ends in an assignment: `KEY=`, `key: `, `"key":`, `'key' =>`. */
const KEY_ENDS = ['=', ': ', ' =', ' :', '":', '" :', "':", "' =", ': string'];

/**
 * A random value assigned to a name ending in `key` (`FIREBASE_KEY=...`, `license_key: ...`,
 * `"consumerKey": "..."`), the commonest shape of a vendor key in config files that no specific
 * detector knows. Stricter than `generic-secret` about the value, since `key` also names cache
 * keys, ids and map entries.
 */
export const genericKey: Detector = {
  id: 'generic-key',
  name: 'Generic key assignment',
  category: 'credentials',
  severity: 'medium',
  keywords: KEY_ENDS.map((end) => `key${end}`),
  pattern: reAlternatives(PATTERN),
  valueGroup: 1,
  validate: keyNamedSecretValid,
  contextWords: ['license', 'client', 'access', 'api'],
  baseConfidence: 0.6,
  validator:
    'not a placeholder, reference, id, hash or public key; 16+ characters, letters and digits, entropy',
  example: '16-128 random characters assigned to a name ending in `key` such as `FIREBASE_KEY`',
  generic: true,
  mask: { keepStart: 1, keepEnd: 1 },
};

export const genericKeyDetectors: readonly Detector[] = [genericKey];
