import { tokenChecksum } from '../../src/validators/github-checksum.ts';
import { ALNUM, BASE64, chars, DIGITS, HEX, int, LOWER, pick, type Rng, UPPER } from '../random.ts';

/**
 * Generated secret values in the shapes real systems issue them (nothing real: every value is
 * drawn from the seeded generator), and the hard negatives real repositories hold beside them.
 */

export const awsKeyId = (r: Rng) => `AKIA${chars(r, `${UPPER}234567`, 16)}`;
export const awsSecret = (r: Rng) => chars(r, BASE64, 40);
export const githubToken = (r: Rng, prefix = 'ghp') => {
  const random = chars(r, ALNUM, 30);
  return `${prefix}_${random}${tokenChecksum(random)}`;
};
export const npmToken = (r: Rng) => {
  const random = chars(r, ALNUM, 30);
  return `npm_${random}${tokenChecksum(random)}`;
};
export const gitlabToken = (r: Rng) => `glpat-${chars(r, `${ALNUM}-_`, 20)}`;
export const slackBotToken = (r: Rng) =>
  `xoxb-${chars(r, DIGITS, 12)}-${chars(r, DIGITS, 13)}-${chars(r, ALNUM, 24)}`;
export const stripeKey = (r: Rng) => `sk_live_${chars(r, ALNUM, pick(r, [24, 99]))}`;
/** A 40-hex token, as GitHub classic OAuth tokens and many CI tokens were. */
export const hexToken = (r: Rng, n = 40) => chars(r, HEX, n);
export const uuid = (r: Rng) =>
  `${chars(r, HEX, 8)}-${chars(r, HEX, 4)}-4${chars(r, HEX, 3)}-${pick(r, ['8', '9', 'a', 'b'])}${chars(r, HEX, 3)}-${chars(r, HEX, 12)}`;
export const gitSha = (r: Rng) => chars(r, HEX, 40);
export const sha512Integrity = (r: Rng) => `sha512-${chars(r, BASE64, 86)}==`;
export const sha384Sri = (r: Rng) => `sha384-${chars(r, BASE64, 64)}`;

/** A password of the shapes people and generators choose: words and digits, or punctuation-rich. */
export function password(r: Rng): string {
  return pick(r, [
    () =>
      `${pick(r, ['Summer', 'Winter', 'Falcon', 'Orchid', 'Copper'])}${int(r, 10, 99)}${pick(r, ['!', '#', '$', '@'])}${chars(r, ALNUM, 4)}`,
    () => chars(r, `${ALNUM}!@#%^&*()-_=+[]`, int(r, 14, 24)),
    () => chars(r, ALNUM, int(r, 16, 32)),
    () => `${chars(r, LOWER, 5)}-${chars(r, ALNUM, 6)}-${chars(r, DIGITS, 4)}`,
  ])();
}

/** Django's `get_random_secret_key()` alphabet and length. */
export const djangoKey = (r: Rng) => chars(r, `${LOWER}${DIGITS}!@#$%^&*(-_=+)`, 50);
/** Rails `secret_key_base`: 128 hex. */
export const railsKeyBase = (r: Rng) => chars(r, HEX, 128);
/** Laravel `APP_KEY`: `base64:` and 32 random bytes. */
export const laravelKey = (r: Rng) => `base64:${chars(r, BASE64, 43)}=`;
/** WordPress salts: 64 printable characters from its generator's alphabet. */
export const wordpressSalt = (r: Rng) => chars(r, `${ALNUM}!@#%^&*()-_[]{}<>~+=,.;:/?|`, 64);

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A signed-looking JWT with realistic claims. */
export function jwtToken(r: Rng): string {
  const header = b64url(JSON.stringify({ alg: pick(r, ['HS256', 'RS256']), typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({
      sub: uuid(r),
      iss: pick(r, ['https://auth.example-corp.io/', 'accounts.internal']),
      iat: int(r, 1_690_000_000, 1_760_000_000),
      exp: int(r, 1_760_000_001, 1_790_000_000),
      scope: pick(r, ['read write', 'openid profile email']),
    }),
  );
  return `${header}.${payload}.${chars(r, `${ALNUM}-_`, 43)}`;
}

/** A PEM RSA private key of 4 body lines (what matters is the armour and a random body). */
export function pemKey(r: Rng, kind = 'RSA PRIVATE KEY'): string {
  const lines = Array.from({ length: 6 }, () => chars(r, BASE64, 64));
  return `-----BEGIN ${kind}-----\n${lines.join('\n')}\n-----END ${kind}-----`;
}

/** A tiny PNG as a data URI: base64 that a scanner must not mistake for a key. */
export const dataUriImage = (r: Rng) =>
  `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA${chars(r, BASE64, 120)}`;
