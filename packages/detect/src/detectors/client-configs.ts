import type { Detector, MatchContext } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { literalPasswordValid } from './command-lines.ts';
import { passwordValid } from './databases.ts';
import { ciAny, re, rep } from './pattern-kit.ts';

/** A double quote as raw text writes it, escaped inside a JSON string (`\\"`) or doubled in a CSV cell (`""`). */
const Q = '\\\\{0,2}"{1,2}';

/**
 * A `user:password` pair in a setting made for one: Confluent's and the Schema Registry
 * client's `basic.auth.user.info=KEY:SECRET`, Yarn's `npmAuthIdent: "user:password"`. The value
 * is the part after the colon, so the finding (and its fingerprint) is the secret alone.
 */
export const userInfoPassword: Detector = {
  id: 'user-info-password',
  name: 'user:password setting',
  category: 'credentials',
  severity: 'high',
  keywords: ['user.info', 'user_info', 'userinfo', 'authident'],
  pattern: re(
    `${ciAny(['basic.auth.user.info', 'user_info', 'userinfo', 'npmauthident'])}(?:${Q}|')?[ \\t]{0,4}[:=][ \\t]{0,4}(?:${Q}|')?${rep('[^\\s:"\'=\\\\]', 1, 128)}:(${rep('[^\\s"\'\\\\,]', 3, 128)})`,
  ),
  valueGroup: 1,
  validate: literalPasswordValid,
  contextWords: ['schema.registry', 'confluent', 'yarn', 'npmregistryserver', 'sasl'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  validator: 'not a placeholder or variable',
  example: '`basic.auth.user.info=KEY:` + secret, or `npmAuthIdent: "user:` + password',
  description:
    'The secret half of a user:password pair in a client setting (Confluent/Schema Registry, Yarn).',
};

/** True when `value` is base64 of printable text that reads as a real password. */
function base64Password(value: string): boolean {
  if (value.length % 4 !== 0) return false;
  const text = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]{3,128}$/.test(text) && passwordValid(text);
}

/** FileZilla's `sitemanager.xml`/`recentservers.xml`: `<Pass encoding="base64">`, readable by anyone. */
export const filezillaPassword: Detector = {
  id: 'filezilla-password',
  name: 'FileZilla saved password',
  category: 'credentials',
  severity: 'high',
  keywords: ['<pass encoding='],
  pattern: re(`<Pass encoding=${Q}base64${Q}>(${rep('[A-Za-z0-9+/]', 4, 256)}={0,2})</Pass>`),
  valueGroup: 1,
  validate: base64Password,
  contextWords: ['filezilla', 'server', 'host', 'user'],
  baseConfidence: 0.95,
  mask: { keepStart: 1, keepEnd: 1 },
  validator: 'base64 of a printable password',
  example: '`<Pass encoding="base64">` + base64 of the password',
  description: 'An FTP/SFTP password FileZilla saved in its site manager, base64-encoded (not encrypted).',
};

/** True when the text before a `user_<name>=` entry is a JAAS login module's options. */
function inJaasOptions(_value: string, ctx: MatchContext): boolean {
  return /loginmodule|password=|user_[a-z0-9_.-]{1,64}=/.test(
    ctx.before.replace(/user_[a-z0-9_.-]*=[\\"]*$/, ''),
  );
}

/**
 * The user list of Kafka's `PlainLoginModule` (`user_alice="alice-secret"`) in a JAAS file or a
 * broker's `sasl.jaas.config`: every broker user's password, in plain text.
 */
export const kafkaJaasUserPassword: Detector = {
  id: 'kafka-jaas-user-password',
  name: 'Kafka JAAS user password',
  category: 'credentials',
  severity: 'high',
  keywords: ['user_'],
  pattern: re(`\\buser_${rep('[A-Za-z0-9_.-]', 1, 64)}=${Q}(${rep('[^"\\s\\\\]', 3, 128)})${Q}`),
  valueGroup: 1,
  validate: (value, ctx) => inJaasOptions(value, ctx) && literalPasswordValid(value),
  contextWords: ['plainloginmodule', 'jaas', 'sasl', 'kafka'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  validator: 'inside login-module options; not a placeholder',
  example: '`user_<name>="` + password + `"` after a login module',
  description:
    'A Kafka broker user’s password in the PlainLoginModule options (JAAS file or sasl.jaas.config).',
};

/**
 * A token in Composer's `auth.json` (or `COMPOSER_AUTH`), keyed by the host it opens:
 * `"bearer": {"repo.example.org": "TOKEN"}`, and the same under `github-oauth`,
 * `gitlab-token`, `gitlab-oauth` and `bitbucket-oauth` (first host of each).
 */
export const composerAuthToken: Detector = {
  id: 'composer-auth-token',
  name: 'Composer auth.json token',
  category: 'credentials',
  severity: 'high',
  keywords: ['bearer', 'github-oauth', 'gitlab-token', 'gitlab-oauth', 'bitbucket-oauth'],
  pattern: re(
    `${Q}(?:bearer|github-oauth|gitlab-token|gitlab-oauth|bitbucket-oauth)${Q}[ \\t]{0,4}:[ \\t]{0,4}\\{(?:[ \\t\\r\\n]|\\\\[rnt]){0,16}${Q}${rep('[A-Za-z0-9.-]', 1, 253)}${Q}[ \\t]{0,4}:[ \\t]{0,4}${Q}(${rep('[^"\\s\\\\]', 8, 256)})${Q}`,
  ),
  valueGroup: 1,
  validate: (value) => !/^[$%<{]/.test(value) && looksRandom(value, { minEntropy: 3.5, minClasses: 2 }),
  contextWords: ['composer', 'auth.json', 'packagist', 'repositories'],
  baseConfidence: 0.85,
  mask: { keepStart: 2, keepEnd: 2 },
  validator: 'entropy; not a placeholder or variable',
  // A GitHub or GitLab token under `github-oauth`/`gitlab-token` is reported by its own detector.
  generic: true,
  example: '`"bearer": {"<host>": "` + token + `"}`',
  description: 'A registry or Git host token Composer keeps in auth.json for private packages.',
};

export const clientConfigDetectors: readonly Detector[] = [
  userInfoPassword,
  filezillaPassword,
  kafkaJaasUserPassword,
  composerAuthToken,
];
