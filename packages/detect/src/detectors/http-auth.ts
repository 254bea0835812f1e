import type { Detector, MatchContext } from '../types.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { ci, re, rep } from './pattern-kit.ts';

/**
 * True when a Basic credential decodes to printable `user:password` with a real password. A
 * JWT's first segment (`eyJ...` followed by `.`) decodes to `{"alg":...}`, which has a colon
 * too: that is a JWT sent under the wrong scheme, reported by the JWT detector.
 */
export function basicCredentialValid(value: string, ctx?: MatchContext): boolean {
  if (value.startsWith('eyJ') || ctx?.after.startsWith('.') === true) return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  if (!/^[\x20-\x7e]+$/.test(decoded)) return false;
  const colon = decoded.indexOf(':');
  if (colon < 1 || colon === decoded.length - 1) return false;
  const password = decoded.slice(colon + 1);
  return !isPlaceholder(password) && !['password', 'pass', 'secret'].includes(password.toLowerCase());
}

/** HTTP Basic authentication credentials (`Authorization: Basic <base64 user:pass>`). */
export const httpBasicAuth: Detector = {
  id: 'http-basic-auth',
  name: 'HTTP Basic auth credentials',
  category: 'credentials',
  severity: 'high',
  keywords: ['basic '],
  pattern: re(`${ci('basic')} {1,4}(${rep('[A-Za-z0-9+/]', 8, 256)}={0,2})`),
  valueGroup: 1,
  validate: basicCredentialValid,
  contextWords: ['authorization', 'auth', 'header', 'curl'],
  baseConfidence: 0.85,
  validator: 'decodes to printable `user:password`, password not a placeholder',
  example: '`Basic ` + base64 of `user:password`',
  generic: true,
  mask: { keepStart: 2, keepEnd: 2 },
};

export const httpAuthDetectors: readonly Detector[] = [httpBasicAuth];
