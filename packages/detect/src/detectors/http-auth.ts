import type { Detector, MatchContext } from '../types.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { looksRandom } from '../validators/secret-quality.ts';
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

/** Session cookie names of the common web frameworks and servers. */
const SESSION_COOKIES = [
  'sessionid',
  'session_id',
  'phpsessid',
  'jsessionid',
  'connect.sid',
  'laravel_session',
  '_session_id',
  'asp.net_sessionid',
  'rack.session',
];

/**
 * A web session in a `Cookie` or `Set-Cookie` header (a HAR capture, an access log with headers,
 * a copied curl command): whoever replays it is signed in as its user until it expires. Only
 * reported with the word `cookie` in the 64 characters before it (a HAR entry's `"name":
 * "cookie"` sits on the line above), so a `sessionid=` query parameter or log field is left alone.
 */
export const sessionCookie: Detector = {
  id: 'session-cookie',
  name: 'Web session cookie',
  category: 'credentials',
  severity: 'medium',
  keywords: SESSION_COOKIES.map((name) => `${name}=`),
  pattern: re(
    `(?:^|[\\s;,"'])(?:${SESSION_COOKIES.map(ci).join('|')})=(${rep('[A-Za-z0-9%._:+/-]', 16, 512)})`,
  ),
  valueGroup: 1,
  validate: (value, ctx) =>
    ctx.before.includes('cookie') &&
    !isPlaceholder(value) &&
    looksRandom(value, { minEntropy: 3.2, minClasses: 2 }),
  contextWords: ['cookie'],
  baseConfidence: 0.75,
  validator: 'random-looking value, the word cookie close by',
  example: '`Cookie: sessionid=` (or `PHPSESSID=`, `JSESSIONID=`, `connect.sid=`, ...) + the session value',
  mask: { keepStart: 2, keepEnd: 2 },
};

export const httpAuthDetectors: readonly Detector[] = [httpBasicAuth, sessionCookie];
