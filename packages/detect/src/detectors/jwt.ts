import type { Detector } from '../types.ts';
import { jwtValid } from '../validators/jwt.ts';
import { re, rep } from './pattern-kit.ts';

const SEG = '[A-Za-z0-9_-]';

/**
 * JSON Web Token: three base64url segments whose header decodes to JSON with `alg`.
 *
 * The token must start after a character that cannot be part of it (or at the window start),
 * not merely at `\b`: `-` is a word boundary and a segment character, so with `\b` every
 * `eyJ` inside a long run (`eyJaaaa-eyJaaaa-...`) was a new start that re-read the run to its
 * end, which made the scan quadratic. A segment run ends only where a non-segment character
 * does, so each character is read by at most three starts.
 *
 * The pattern runs on the token's own span (one character before `eyJ`, then every base64url
 * character and dot up to 4,096), not on a fixed window after the keyword: a token with a long
 * payload (1,000+ characters of scopes or claims) is read whole.
 */
export const jwt: Detector = {
  id: 'jwt',
  name: 'JSON Web Token',
  category: 'credentials',
  severity: 'medium',
  keywords: ['eyj'],
  span: { before: '\\s\\S', maxBefore: 1, after: 'A-Za-z0-9_.-', maxAfter: 4096 },
  pattern: re(
    `(?:^|[^A-Za-z0-9_-])(eyJ${rep(SEG, 8, Number.POSITIVE_INFINITY)}\\.eyJ${rep(SEG, 8, Number.POSITIVE_INFINITY)}\\.${rep(SEG, 16, Number.POSITIVE_INFINITY)})`,
  ),
  valueGroup: 1,
  validate: jwtValid,
  contextWords: ['bearer', 'token', 'jwt', 'authorization', 'id_token', 'access_token'],
  baseConfidence: 0.85,
  validator: 'header decodes to JSON with `alg`',
  example: '`eyJ` + base64url header + `.eyJ` + base64url payload + `.` + signature',
  mask: { keepStart: 6, keepEnd: 4 },
};

export const jwtDetectors: readonly Detector[] = [jwt];
