import type { Detector } from '../types.ts';
import { passwordValid } from './databases.ts';
import { basicCredentialValid } from './http-auth.ts';
import { re, rep } from './pattern-kit.ts';

/**
 * A registry login in Docker's `config.json` (also Podman's `auth.json` and a Kubernetes
 * `.dockerconfigjson`): `"auth": "<base64 of user:password>"`. The value must decode to
 * printable `user:password` with a real password.
 */
export const dockerRegistryAuth: Detector = {
  id: 'docker-registry-auth',
  validator: 'base64 of user:password',
  example: '"auth": "<base64 of user:password>"',
  name: 'Docker registry credentials (config.json auth)',
  category: 'credentials',
  severity: 'high',
  keywords: ['"auth"', 'auth\\"', 'auth""'],
  // Plain JSON, JSON inside a JSON string (`\\"auth\\"`) or a CSV cell (`""auth""`).
  pattern: re(
    `\\\\{0,2}"{1,2}auth\\\\{0,2}"{1,2}[ \\t]{0,4}:[ \\t]{0,4}\\\\{0,2}"{1,2}(${rep('[A-Za-z0-9+/]', 8, 512)}={0,2})\\\\{0,2}"`,
  ),
  valueGroup: 1,
  validate: basicCredentialValid,
  contextWords: ['auths', 'registry', 'docker', 'credsstore'],
  baseConfidence: 0.9,
  mask: { keepStart: 2, keepEnd: 2 },
  description: '"auth": "<base64 of user:password>" in a Docker config.json.',
};

/** Blanks between `.netrc` tokens: a line may hold one entry or spread it over several lines. */
const WS = '(?:[ \\t\\r\\n]|\\\\[rnt]){1,16}';
const TOKEN = '[^\\s"\\\\]';
/** A password character: a token character but `,`, which ends a CSV cell that holds the line. */
const PASSWORD_CHAR = '[^\\s"\\\\,]';

/** A `.netrc` / `_netrc` entry: `machine <host> login <user> password <password>`. */
export const netrcPassword: Detector = {
  id: 'netrc-password',
  validator: 'not a placeholder',
  example: 'a .netrc line: machine, login, then password and its value',
  name: '.netrc password',
  category: 'credentials',
  severity: 'high',
  keywords: ['machine', 'default login'],
  pattern: re(
    `\\b(?:machine${WS}${rep(TOKEN, 1, 128)}|default)${WS}login${WS}${rep(TOKEN, 1, 128)}(?:${WS}(?:account|port)${WS}${rep(TOKEN, 1, 64)})?${WS}password${WS}(${rep(PASSWORD_CHAR, 1, 128)})`,
  ),
  valueGroup: 1,
  // Heroku's CLI keeps its `HRKU-AA` token as the .netrc password: heroku-api-key reports it.
  validate: (value) => passwordValid(value) && !value.startsWith('HRKU-AA'),
  contextWords: ['netrc', 'machine'],
  baseConfidence: 0.9,
  mask: { keepStart: 1, keepEnd: 1 },
  description: 'machine <host> login <user> password <password>, on one line or several.',
};

/** A `.pgpass` line: `host:port:database:user:password` (`*` for any). */
export const pgpassPassword: Detector = {
  id: 'pgpass-password',
  validator: 'five fields, not a placeholder',
  example: 'host:port:database:user:<password>',
  name: '.pgpass password',
  category: 'credentials',
  severity: 'high',
  keywords: [':5432:', ':5433:', ':6432:', ':*:'],
  pattern: re(
    `(?:^|[\\n"',]|\\\\n)[ \\t]{0,4}${rep('[A-Za-z0-9_.*-]', 1, 64)}:(?:[0-9]{1,5}|\\*):${rep('[A-Za-z0-9_.*-]', 1, 64)}:${rep('[A-Za-z0-9_.*@-]', 1, 64)}:(${rep('[^\\s:"\'\\\\,]', 1, 128)})`,
  ),
  valueGroup: 1,
  // The password must end its line (or its quoted string): more fields mean another format.
  validate: (value, ctx) => /^(?:[\s"'\\,]|$)/.test(ctx.after) && passwordValid(value),
  contextWords: ['pgpass', 'postgres', 'postgresql'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  description: 'host:port:database:user:password on a line of its own.',
};

export const configFileDetectors: readonly Detector[] = [dockerRegistryAuth, netrcPassword, pgpassPassword];
