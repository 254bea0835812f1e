import type { Detector } from '../types.ts';
import { jwtValid } from '../validators/jwt.ts';
import { re, rep } from './pattern-kit.ts';

const SEG = '[A-Za-z0-9_-]';

/** JSON Web Token: three base64url segments whose header decodes to JSON with `alg`. */
export const jwt: Detector = {
  id: 'jwt',
  name: 'JSON Web Token',
  category: 'credentials',
  severity: 'medium',
  keywords: ['eyj'],
  pattern: re(
    `\\beyJ${rep(SEG, 8, Number.POSITIVE_INFINITY)}\\.eyJ${rep(SEG, 8, Number.POSITIVE_INFINITY)}\\.${rep(SEG, 16, Number.POSITIVE_INFINITY)}`,
  ),
  validate: jwtValid,
  contextWords: ['bearer', 'token', 'jwt', 'authorization', 'id_token', 'access_token'],
  baseConfidence: 0.85,
  mask: { keepStart: 6, keepEnd: 4 },
};

export const jwtDetectors: readonly Detector[] = [jwt];
