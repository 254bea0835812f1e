import type { Detector } from '../types.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { re, rep } from './pattern-kit.ts';

const DUMMY_PASSWORDS = new Set([
  'password',
  'pass',
  'passwd',
  'pwd',
  'secret',
  'pw',
  'x',
  'user',
  'test',
  '****',
  '***',
]);

/** Stock passwords of database and broker images (`postgres`, `guest`, `root`). */
const SERVICE_DEFAULTS = new Set([
  'postgres',
  'root',
  'admin',
  'guest',
  'mysql',
  'redis',
  'rabbitmq',
  'mongo',
  'sa',
]);

/** A password embedded in a URL: `scheme://user:password@host`. The value is the password. */
export const urlCredentials: Detector = {
  id: 'url-credentials',
  name: 'Credentials in URL',
  category: 'credentials',
  severity: 'high',
  keywords: ['://'],
  // The scheme before `://`; after it user (64), `:`, password (128), `@` and host (256),
  // none of which holds a `/`, a quote, `<`, `>` or white space.
  span: { before: 'a-zA-Z0-9+.-', maxBefore: 17, after: '^\\s/"\'<>', maxAfter: 64 + 1 + 128 + 1 + 256 },
  pattern: re(
    `\\b[a-zA-Z][a-zA-Z0-9+.-]{1,16}://${rep('[^\\s:/@"\'<>]', 0, 64)}:(${rep('[^\\s/@"\'<>]', 3, 128)})@[A-Za-z0-9_.-]{1,16}${rep('[A-Za-z0-9_.-]', 0, 240)}`,
  ),
  valueGroup: 1,
  validate: (value, ctx) => {
    const decoded = value.toLowerCase();
    if (DUMMY_PASSWORDS.has(decoded) || isPlaceholder(value)) return false;
    // `postgres:postgres@`, `guest:guest@`: a service's default login, as CI and compose files write it.
    if (/:\/\/([^:/@\s]*):$/.exec(ctx.before)?.[1] === decoded) return false;
    // `circleci:postgres@localhost`: a throwaway service's stock password on this machine.
    if (
      SERVICE_DEFAULTS.has(decoded) &&
      /^@(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?:[:/?]|$)/.test(ctx.after)
    )
      return false;
    return !/^[:%$]|^\{|\}$/.test(value);
  },
  contextWords: ['url', 'dsn', 'database', 'connection', 'uri'],
  baseConfidence: 0.85,
  validator: 'not a placeholder, template or the user name again',
  example: '`scheme://user:` + password + `@host`; the value is the password',
  generic: true,
  mask: { keepStart: 1, keepEnd: 1 },
};

export const urlCredentialDetectors: readonly Detector[] = [urlCredentials];
