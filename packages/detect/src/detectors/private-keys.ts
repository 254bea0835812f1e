import type { Detector } from '../types.ts';
import { shannonEntropy } from '../validators/entropy.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { optionalTimes, re, rep } from './pattern-kit.ts';

/** A line break in raw text or escaped inside a JSON/YAML string. */
const NL = '(?:\\r?\\n|\\\\r\\\\n|\\\\n)';
/**
 * Base64 body characters, allowing line breaks (raw or escaped) between them, the indent of a
 * YAML block (`key: |` then the key indented), the ` \` continuations of a `.properties` value
 * and the single spaces of a key flattened onto one line.
 */
const BODY = '(?:[A-Za-z0-9+/=]|\\r?\\n|\\\\n|\\\\r|[ \\t]|\\\\\\r?\\n)';
/** What follows the armour line: a line break, a ` \` continuation, or one space (a flattened key). */
const AFTER_ARMOUR = `(?:${NL}|[ \\t]{0,4}\\\\\\r?\\n|[ \\t])`;
/** Optional armour headers (`Proc-Type`, `DEK-Info`, `Version`, `Comment`) before the body. */
const HEADERS = `${optionalTimes(`[A-Za-z-]{2,16}: [^\\r\\n\\\\]{1,16}${rep('[^\\r\\n\\\\]', 0, 96)}${NL}`, 3)}(?:${NL})?`;

/** Body check: the value keeps a key-specific slice, so it must be random-looking base64. */
function bodyLooksReal(value: string): boolean {
  const body = value
    .slice(value.lastIndexOf('-----') + 5)
    .replace(/\\[rn]|[\r\n \t\\]|[A-Za-z-]{2,16}: .*/g, '');
  return body.length >= 40 && !isPlaceholder(body.slice(-40)) && shannonEntropy(body) >= 4;
}

function privateKey(id: string, name: string, kinds: string, armour: string, keywords: string[]): Detector {
  return {
    id,
    name,
    category: 'credentials',
    severity: 'critical',
    keywords,
    pattern: re(`-----BEGIN ${kinds}-----${AFTER_ARMOUR}${HEADERS}${rep(BODY, 60, 120)}`),
    validate: bodyLooksReal,
    contextWords: ['private', 'key', 'ssh', 'tls', 'pem'],
    baseConfidence: 0.95,
    validator: 'body entropy, not a placeholder',
    example: `\`-----BEGIN ${armour}-----\` + base64 body`,
    mask: { keepStart: 5, keepEnd: 0 },
    description:
      'The match is the armour line and up to 120 body characters (60 at least: an Ed25519 PKCS#8 body is 64), enough to tell keys apart.',
  };
}

/** PEM private keys: PKCS#1 (RSA/DSA/EC), PKCS#8 and encrypted PKCS#8. */
export const privateKeyPem = privateKey(
  'private-key-pem',
  'PEM private key',
  '(?:RSA |DSA |EC |ENCRYPTED )?PRIVATE KEY',
  '[RSA |DSA |EC |ENCRYPTED ]PRIVATE KEY',
  [
    '-----begin private key',
    '-----begin rsa private',
    '-----begin dsa private',
    '-----begin ec private',
    '-----begin encrypted private',
  ],
);

/** OpenSSH private keys (`-----BEGIN OPENSSH PRIVATE KEY-----`). */
export const privateKeyOpenssh = privateKey(
  'private-key-openssh',
  'OpenSSH private key',
  'OPENSSH PRIVATE KEY',
  'OPENSSH PRIVATE KEY',
  ['-----begin openssh private key'],
);

/** OpenPGP secret key blocks. */
export const privateKeyPgp = privateKey(
  'private-key-pgp',
  'PGP private key block',
  'PGP PRIVATE KEY BLOCK',
  'PGP PRIVATE KEY BLOCK',
  ['-----begin pgp private key block'],
);

const ENCODED_ARMOUR =
  /^-----BEGIN ((?:RSA |DSA |EC |ENCRYPTED |OPENSSH )?PRIVATE KEY|PGP PRIVATE KEY BLOCK)-----\r?\n(?:[A-Za-z-]{2,16}: [^\r\n]*\r?\n)*(?:\r?\n)?/;

/** The decoded block is a private key's armour line and a random-looking body, not a certificate or public key. */
function decodesToPrivateKey(value: string): boolean {
  const text = Buffer.from(value.slice(0, value.length - (value.length % 4)), 'base64').toString('latin1');
  const armour = ENCODED_ARMOUR.exec(text);
  if (!armour) return false;
  const rest = text.slice(armour[0].length);
  const end = rest.indexOf('-----');
  const body = (end === -1 ? rest : rest.slice(0, end)).replace(/[A-Za-z-]{2,16}: .*|\r?\n/g, '');
  return (
    body.length >= 40 &&
    /^[A-Za-z0-9+/=]+$/.test(body) &&
    !isPlaceholder(body.slice(-40)) &&
    shannonEntropy(body) >= 4
  );
}

/**
 * A PEM private key stored base64-encoded, as Kubernetes does: kubeconfig `client-key-data`, the
 * `tls.key` of a Secret, Helm values. The text starts `LS0tLS1CRUdJTi` (`-----BEGIN`); the match is
 * its first 200 characters, which decode to the armour line and the start of the key.
 */
export const privateKeyBase64: Detector = {
  id: 'private-key-base64',
  name: 'Base64-encoded PEM private key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['ls0tls1crudjti'],
  pattern: re(`LS0tLS1CRUdJTi${rep('[A-Za-z0-9+/]', 106, 186)}`),
  validate: decodesToPrivateKey,
  contextWords: ['client-key-data', 'tls.key', 'private', 'key'],
  baseConfidence: 0.95,
  validator: 'decodes to a PEM private key armour line and a random-looking body',
  example: '`client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo...`',
  mask: { keepStart: 4, keepEnd: 0 },
  description:
    'Certificates and public keys encoded the same way (`client-certificate-data`, `ca.crt`) decode to another armour line and are not reported.',
};

/** PuTTY `.ppk` private keys (v2 and v3): the first private line after `Private-Lines:`. */
export const privateKeyPutty: Detector = {
  id: 'private-key-putty',
  name: 'PuTTY private key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['private-lines:'],
  pattern: re(`Private-Lines: [0-9]{1,3}${NL}(${rep('[A-Za-z0-9+/=]', 64)})`),
  valueGroup: 1,
  validate: (value) => !isPlaceholder(value) && shannonEntropy(value) >= 4,
  contextWords: ['putty-user-key-file', 'ppk', 'encryption'],
  baseConfidence: 0.95,
  validator: 'entropy, not a placeholder',
  example: 'the first 64 base64 characters after `Private-Lines: N` in a `.ppk` file',
  mask: { keepStart: 2, keepEnd: 0 },
};

export const privateKeyDetectors: readonly Detector[] = [
  privateKeyPem,
  privateKeyOpenssh,
  privateKeyPgp,
  privateKeyPutty,
  privateKeyBase64,
];
