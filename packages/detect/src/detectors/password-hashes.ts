import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { re, rep } from './pattern-kit.ts';

/** The crypt(3) alphabet. */
const CRYPT = '[./A-Za-z0-9]';
/** A hash ends before a character that could continue it. */
const END = '(?:[^./A-Za-z0-9+=$]|$)';

/** True when the digest (the part after the last `$`) looks random, not a placeholder. */
function digestValid(value: string): boolean {
  return looksRandom(value.slice(value.lastIndexOf('$') + 1), { minEntropy: 3.5, minClasses: 2 });
}

/**
 * A password hash: whoever holds it can crack weak passwords offline, so it is reported at
 * medium severity (in `/etc/shadow`, `.htpasswd`, SQL dumps, seed data, fixtures).
 */
function hash(id: string, name: string, keywords: string[], body: string, description: string): Detector {
  return {
    id,
    name,
    category: 'credentials',
    severity: 'medium',
    keywords,
    pattern: re(`(${body})${END}`),
    valueGroup: 1,
    validate: digestValid,
    contextWords: ['password', 'hash', 'passwd', 'shadow', 'htpasswd', 'encrypted_password'],
    baseConfidence: 0.85,
    mask: { keepStart: 7, keepEnd: 2 },
    description,
    validator: 'digest length and alphabet, not a placeholder',
    // The description spells the shape out.
    example: description,
  };
}

export const bcryptHash = hash(
  'bcrypt-hash',
  'bcrypt password hash',
  ['$2a$', '$2b$', '$2y$', '$2x$'],
  `\\$2[abxy]\\$[0-9]{2}\\$${rep(CRYPT, 53)}`,
  '$2b$ (or $2a$, $2y$), cost, $ and 53 characters of salt and digest.',
);

export const shaCryptHash = hash(
  'sha-crypt-hash',
  'SHA-crypt password hash (sha256crypt, sha512crypt)',
  ['$5$', '$6$'],
  `\\$(?:5\\$(?:rounds=[0-9]{1,9}\\$)?${rep(CRYPT, 1, 16)}\\$${rep(CRYPT, 43)}|6\\$(?:rounds=[0-9]{1,9}\\$)?${rep(CRYPT, 1, 16)}\\$${rep(CRYPT, 86)})`,
  '$5$ or $6$, optional rounds=, a salt of up to 16, $ and 43 (sha256) or 86 (sha512) characters.',
);

export const md5CryptHash = hash(
  'md5-crypt-hash',
  'MD5-crypt password hash (md5crypt, Apache apr1)',
  ['$1$', '$apr1$'],
  `\\$(?:1|apr1)\\$${rep(CRYPT, 1, 8)}\\$${rep(CRYPT, 22)}`,
  '$1$ or $apr1$, a salt of up to 8, $ and 22 characters.',
);

export const yescryptHash = hash(
  'yescrypt-hash',
  'yescrypt password hash',
  ['$y$', '$gy$'],
  `\\$(?:y|gy)\\$${rep(CRYPT, 1, 16)}\\$${rep(CRYPT, 1, 86)}\\$${rep(CRYPT, 43)}`,
  '$y$, parameters, $ salt, $ and 43 characters (Debian 11+ and Fedora 35+ /etc/shadow).',
);

export const ciscoScryptHash = hash(
  'cisco-secret-hash',
  'Cisco type 8 or 9 secret (PBKDF2 or scrypt)',
  ['$8$', '$9$'],
  `\\$[89]\\$${rep(CRYPT, 14)}\\$${rep(CRYPT, 43)}`,
  '$8$ (PBKDF2-SHA256) or $9$ (scrypt), a salt of 14, $ and 43 characters (`username x secret 9 ...`).',
);

export const djangoPasswordHash = hash(
  'django-password-hash',
  'Django PBKDF2 password hash',
  ['pbkdf2_sha'],
  `\\bpbkdf2_sha(?:256|1)\\$[0-9]{4,7}\\$${rep('[A-Za-z0-9./+]', 1, 64)}\\$${rep('[A-Za-z0-9+/]', 27, 44)}={0,2}`,
  'pbkdf2_sha256$<iterations>$<salt>$<base64 digest>.',
);

export const argon2Hash = hash(
  'argon2-hash',
  'Argon2 password hash',
  ['$argon2'],
  `\\$argon2(?:id|i|d)\\$(?:v=[0-9]{1,3}\\$)?m=[0-9]{1,10},t=[0-9]{1,10},p=[0-9]{1,3}\\$${rep('[A-Za-z0-9+/]', 8, 64)}\\$${rep('[A-Za-z0-9+/]', 16, 128)}`,
  '$argon2id$v=19$m=...,t=...,p=...$<salt>$<digest> (PHC string format).',
);

/** The RFC 2307 schemes of salted and unsalted digests, as `{SCHEME}` and base64 of it (LDIF's `::`). */
const LDAP_SCHEMES = ['SSHA', 'SHA', 'SSHA256', 'SSHA512', 'SHA256', 'SHA512', 'SMD5', 'MD5'];
const LDAP_SCHEMES_BASE64 = LDAP_SCHEMES.map((s) =>
  Buffer.from(`{${s}}`).toString('base64').replace(/=+$/, ''),
);

export const ldapPasswordHash = hash(
  'ldap-password-hash',
  'LDAP/htpasswd scheme password hash ({SSHA}, {SHA})',
  [...LDAP_SCHEMES.map((s) => `{${s.toLowerCase()}}`), ...LDAP_SCHEMES_BASE64.map((b) => b.toLowerCase())],
  `\\{(?:${LDAP_SCHEMES.join('|')})\\}${rep('[A-Za-z0-9+/]', 22, 120)}={0,2}|\\b(?:${LDAP_SCHEMES_BASE64.join('|')})${rep('[A-Za-z0-9+/]', 22, 160)}={0,2}`,
  '`{SSHA}`, `{SHA}`, `{SSHA512}`... and a base64 digest (OpenLDAP userPassword, htpasswd -s), or all of it in base64 (LDIF `userPassword::`).',
);

export const passwordHashDetectors: readonly Detector[] = [
  bcryptHash,
  shaCryptHash,
  md5CryptHash,
  yescryptHash,
  ciscoScryptHash,
  djangoPasswordHash,
  argon2Hash,
  ldapPasswordHash,
];
