import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'dsk';
const KEY_PATTERN = /^dsk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** A newly made API key: `key` is shown once; only `id` and `hash` are stored. */
export interface NewApiKey {
  id: string;
  key: string;
  hash: string;
}

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Makes an API key `dsk_<id>_<secret>`: a 12-character public id (for lookup) and 256 random bits.
 * A sha-256 of such a key is safe to store: the secret is too long to guess, so no slow hash is needed.
 */
export function generateApiKey(): NewApiKey {
  const idBytes = randomBytes(12);
  let id = '';
  for (const byte of idBytes) id += ALPHANUM[byte % ALPHANUM.length];
  const key = `${PREFIX}_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, key, hash: hashApiKey(key) };
}

/** The stored form of a key: sha-256, hex. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The stored public prefix of a bearer token that looks like one of our keys, or null.
 * Keys from `generateApiKey` carry a 12-character id (`dsk_<id>`); other `dsk_` keys (the service
 * core's own) are stored under their first 8 characters.
 */
export function apiKeyPrefix(token: string): string | null {
  const id = KEY_PATTERN.exec(token)?.[1];
  if (id) return `${PREFIX}_${id}`;
  return /^dsk_[A-Za-z0-9_-]{20,200}$/.test(token) ? token.slice(0, 8) : null;
}

/** Compares a presented key with a stored hash in constant time. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
