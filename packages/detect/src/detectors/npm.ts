import type { Detector } from '../types.ts';
import { checksummedToken } from '../validators/github-checksum.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { QUOTES, re, rep } from './pattern-kit.ts';
import { UUID, uuidLooksReal } from './token-kit.ts';

/** npm access token (`npm_` + 36 base62, CRC32 checksum in the last 6 like GitHub's). */
export const npmToken: Detector = {
  id: 'npm-token',
  name: 'npm access token',
  category: 'credentials',
  severity: 'critical',
  keywords: ['npm_'],
  pattern: re(`\\bnpm_${rep('[A-Za-z0-9]', 36)}\\b`),
  validate: checksummedToken,
  contextWords: ['npm', '_authtoken', 'registry', 'npmrc'],
  baseConfidence: 0.95,
  validator: 'entropy; CRC32 checksum (a failing one lowers the confidence to 0.55)',
  example: '`npm_` + 30 base62 + 6-character CRC32',
  mask: { keepStart: 4, keepEnd: 4 },
};

/**
 * Legacy npm token (a UUID, as npm issued them before `npm_`) under `_authToken` in an `.npmrc`
 * or `npmAuthToken` in a `.yarnrc.yml`.
 */
export const npmLegacyAuthToken: Detector = {
  id: 'npm-legacy-auth-token',
  name: 'npm access token (legacy UUID)',
  category: 'credentials',
  severity: 'critical',
  keywords: ['_authtoken', 'npmauthtoken'],
  pattern: re(`(?:_a|npmA)uthToken${QUOTES}[ \\t]{0,4}[=:][ \\t]{0,4}${QUOTES}(${UUID})(?:[^A-Za-z0-9-]|$)`),
  valueGroup: 1,
  validate: (value) => uuidLooksReal(value),
  contextWords: ['registry', 'npmjs', 'npmrc'],
  baseConfidence: 0.9,
  mask: { keepStart: 4, keepEnd: 4 },
  validator: 'UUID, not a placeholder',
  example: '`_authToken=` + a UUID (in an .npmrc)',
  description: 'An npm access token in the UUID format npm issued before `npm_` tokens.',
};

/** The printable text a padded base64 value decodes to, or undefined. */
function printableBase64(value: string): string | undefined {
  if (value.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}

/** True when `_auth` decodes to `user:password` (printable, both parts present). */
function basicPairValid(value: string): boolean {
  const decoded = printableBase64(value);
  const colon = decoded?.indexOf(':') ?? -1;
  return decoded !== undefined && colon > 0 && colon < decoded.length - 1;
}

/** Basic credentials in an `.npmrc`: `_auth=` (base64 `user:password`) or `_password=` (base64 password). */
export const npmrcAuth: Detector = {
  id: 'npmrc-auth',
  name: 'npm registry password (.npmrc)',
  category: 'credentials',
  severity: 'high',
  keywords: [
    '_auth=',
    '_auth =',
    '_auth"',
    "_auth'",
    '_auth:',
    '_password=',
    '_password =',
    '_password"',
    "_password'",
    '_password:',
  ],
  pattern: re(
    `(?:^|[^A-Za-z0-9]|\\\\n)_(auth|password)\\\\{0,2}["']{0,2} ?[=:][ \\t]{0,4}\\\\{0,2}["']{0,2}(${rep('[A-Za-z0-9+/]', 8, 200)}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
  ),
  valueGroup: 2,
  validate: (value, ctx) => {
    if (!looksRandom(value, { minEntropy: 3, minClasses: 2 })) return false;
    return /_auth["']?[ \t]*[=:][ \t]*["']?$/.test(ctx.before)
      ? basicPairValid(value)
      : printableBase64(value) !== undefined;
  },
  contextWords: ['registry', 'npmrc', 'always-auth', 'username'],
  baseConfidence: 0.85,
  mask: { keepStart: 2, keepEnd: 2 },
  validator: 'base64 that decodes to printable text (`user:password` for `_auth`), entropy',
  example: '`_auth=` (or `_password=`) + base64 (in an .npmrc)',
  description: 'A registry password in an .npmrc (base64, as npm writes `_auth` and `_password`).',
};

export const npmDetectors: readonly Detector[] = [npmToken, npmLegacyAuthToken, npmrcAuth];
