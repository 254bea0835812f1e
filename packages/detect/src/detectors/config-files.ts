import type { Detector } from '../types.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { passwordValid } from './databases.ts';
import { basicCredentialValid } from './http-auth.ts';
import { keyedSecret } from './keyed-secret.ts';
import { ci, re, rep } from './pattern-kit.ts';

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
    `(?:^|[\\n\\t"',]|\\\\n)[ \\t]{0,4}${rep('[A-Za-z0-9_.*-]', 1, 64)}:(?:[0-9]{1,5}|\\*):${rep('[A-Za-z0-9_.*-]', 1, 64)}:${rep('[A-Za-z0-9_.*@-]', 1, 64)}:(${rep('[^\\s:"\'\\\\,]', 1, 128)})`,
  ),
  valueGroup: 1,
  // The password must end its line (or its quoted string or TSV cell): more fields mean another format.
  validate: (value, ctx) => /^(?:[\s"'\\,]|$)/.test(ctx.after) && passwordValid(value),
  contextWords: ['pgpass', 'postgres', 'postgresql'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  description: 'host:port:database:user:password on a line of its own.',
};

/** Blanks between XML elements, raw or escaped inside a JSON string. */
const XML_GAP = '(?:[ \\t\\r\\n]|\\\\[rnt]){0,16}';

/** What Windows setup writes over a password it has used (`*SENSITIVE*DATA*DELETED*`). */
const SETUP_REDACTED = /^\*SENSITIVE\*DATA\*DELETED\*$/;

/**
 * A password in a Windows answer file (`unattend.xml`, `autounattend.xml`, `sysprep.xml`): the
 * `<Value>` of `<AdministratorPassword>`, `<Password>` (auto-logon, local accounts, domain join)
 * or `<DomainAdminPassword>`. With `<PlainText>false</PlainText>` the value is only base64 of the
 * UTF-16 password plus a fixed suffix, so it is reported either way.
 */
export const windowsUnattendPassword: Detector = {
  id: 'windows-unattend-password',
  validator: "not setup's *SENSITIVE*DATA*DELETED*, not a placeholder",
  example: '`<AdministratorPassword>` then `<Value>` and the password',
  name: 'Windows answer file password',
  category: 'credentials',
  severity: 'high',
  keywords: ['password>'],
  pattern: re(
    `<(?:AdministratorPassword|Password|DomainAdminPassword)>${XML_GAP}<Value>(${rep('[^<\\r\\n]', 1, 256)})</Value>`,
  ),
  valueGroup: 1,
  validate: (value) => !SETUP_REDACTED.test(value) && passwordValid(value),
  contextWords: ['unattend', 'plaintext', 'useraccounts', 'autologon', 'microsoft-windows-shell-setup'],
  baseConfidence: 0.9,
  mask: { keepStart: 1, keepEnd: 1 },
  description:
    "The password of a Windows answer file's administrator, auto-logon, local or domain-join account.",
};

/** Whether standard base64 (padding optional) decodes to whole AES blocks. */
function aesBlocks(value: string): Buffer | undefined {
  const bytes = Buffer.from(value, 'base64');
  return bytes.length >= 16 && bytes.length % 16 === 0 ? bytes : undefined;
}

/**
 * A Group Policy Preferences password (`cpassword="…"` in SYSVOL's `Groups.xml`,
 * `Services.xml`, `ScheduledTasks.xml`, `DataSources.xml`, `Drives.xml`): AES-256 under the key
 * Microsoft published, so anyone who reads the file has the password (MS14-025).
 */
export const gppCpassword: Detector = {
  id: 'gpp-cpassword',
  validator: 'base64 of whole AES blocks, not a placeholder',
  example: 'cpassword="<base64>" in a Group Policy Preferences file',
  name: 'Group Policy Preferences password (cpassword)',
  category: 'credentials',
  severity: 'critical',
  keywords: ['cpassword'],
  // An attribute, a JSON string (`\\"`), a CSV cell (`""`), or a listing's `cpassword : …`.
  pattern: re(
    `\\bcpassword\\\\{0,2}"{0,2}[ \\t]{0,4}[:=][ \\t]{0,4}\\\\{0,2}"{0,2}(${rep('[A-Za-z0-9+/]', 22, 1024)}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
  ),
  valueGroup: 1,
  validate: (value) => aesBlocks(value) !== undefined && !isPlaceholder(value),
  contextWords: ['groups', 'username', 'clsid', 'properties'],
  baseConfidence: 0.95,
  mask: { keepStart: 2, keepEnd: 2 },
  description:
    'Decryptable by anyone with the key Microsoft published; remove it from SYSVOL and change the password.',
};

/** The fixed start of a Jenkins secret's base64 (version 1, a 16-byte IV), and how much more is read. */
const JENKINS_PREFIX = 'AQAAABAAAA';
const JENKINS_MAX = 368;

/**
 * A secret Jenkins encrypted with its controller's keys (`{AQAAABAAAAA…}` in `credentials.xml`,
 * a job's `config.xml`): whoever also has `secrets/master.key` and `hudson.util.Secret` (a backup
 * of `JENKINS_HOME` holds both) decrypts it. The structure is checked: version 1, a 16-byte IV,
 * then the length of whole AES blocks that follow.
 */
export const jenkinsEncryptedSecret: Detector = {
  id: 'jenkins-encrypted-secret',
  validator: 'version 1, 16-byte IV, whole AES blocks of the stated length',
  example: '<password>{AQAAABAAAAA…}</password> in a Jenkins credentials.xml',
  name: 'Jenkins encrypted secret',
  category: 'credentials',
  severity: 'high',
  keywords: ['{aqaaabaaaa'],
  // A keyword's window reaches 400 characters: a longer secret (an SSH key) is reported by its start.
  pattern: re(`\\{(${JENKINS_PREFIX}${rep('[A-Za-z0-9+/]', 32, JENKINS_MAX)}={0,2})`),
  valueGroup: 1,
  validate: (value) => {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length < 9 + 16 + 16 || bytes[0] !== 1 || bytes.readUInt32BE(1) !== 16) return false;
    const length = bytes.readUInt32BE(5);
    if (length % 16 !== 0) return false;
    const cut = value.length === JENKINS_PREFIX.length + JENKINS_MAX;
    return cut ? bytes.length < 9 + 16 + length : bytes.length === 9 + 16 + length;
  },
  contextWords: ['jenkins', 'credentials', 'password', 'secret', 'hudson'],
  baseConfidence: 0.85,
  mask: { keepStart: 2, keepEnd: 2 },
  description:
    "Encrypted with the controller's master.key: anyone holding a JENKINS_HOME backup can decrypt it.",
};

/**
 * The Erlang distribution cookie of a RabbitMQ (or other Erlang) cluster: whoever knows it joins
 * the cluster and runs code on its nodes. `RABBITMQ_ERLANG_COOKIE`, Helm's `erlangCookie`.
 */
export const erlangCookie = keyedSecret({
  id: 'erlang-cookie',
  name: 'Erlang / RabbitMQ cluster cookie',
  severity: 'critical',
  keywords: ['erlangcookie', 'erlang_cookie', 'erlang-cookie'],
  key: `${ci('erlang')}[_-]?${ci('cookie')}`,
  value: rep('[A-Za-z0-9]', 16, 255),
  contextWords: ['rabbitmq', 'auth', 'cluster'],
  description: 'RABBITMQ_ERLANG_COOKIE or erlangCookie and 16-255 alphanumerics.',
});

/** Blanks inside a PHP array literal, raw or escaped in a JSON string. */
const PHP_GAP = '(?:[ \\t\\r\\n]|\\\\[rnt]){0,16}';

/**
 * Magento 2's encryption key in `app/etc/env.php` (`'crypt' => ['key' => '…']`): it decrypts
 * every stored payment and integration credential of the shop.
 */
export const magentoCryptKey: Detector = {
  id: 'magento-crypt-key',
  validator: '32 or more random characters (base64 keys with their prefix)',
  example: "`'crypt' => ['key' => ` then the key, in app/etc/env.php",
  name: 'Magento encryption key',
  category: 'credentials',
  severity: 'critical',
  keywords: ["'crypt'", '"crypt"'],
  pattern: re(
    `["']crypt["']${PHP_GAP}=>${PHP_GAP}(?:\\[|array\\()${PHP_GAP}["']key["']${PHP_GAP}=>${PHP_GAP}["']((?:base64)?${rep('[A-Za-z0-9+/=]', 32, 128)})["']`,
  ),
  valueGroup: 1,
  validate: (value) => looksRandom(value.replace(/^base64/, ''), { minEntropy: 3, minClasses: 1 }),
  contextWords: ['magento', 'env.php', 'backend', 'db'],
  baseConfidence: 0.9,
  mask: { keepStart: 2, keepEnd: 2 },
  description: "Decrypts the shop's stored payment and integration credentials.",
};

/** A host name (letters, digits, dots and dashes). */
const HOST = rep('[A-Za-z0-9.-]', 3, 253);

/**
 * A relay login in Postfix's `sasl_passwd` map: `[smtp.example.com]:587 user:password`, one
 * per line (or one CSV or TSV cell, or JSON string), the host in brackets or not, on a submission port.
 */
export const postfixSaslPassword: Detector = {
  id: 'postfix-sasl-password',
  validator: 'not a placeholder',
  example: '`[smtp host]:587`, blanks, then user, a colon and the password',
  name: 'Postfix SASL relay password',
  category: 'credentials',
  severity: 'high',
  keywords: [']:587', ']:465', ']:2525', ']:25', '.com:587', '.net:587', '.com:465'],
  pattern: re(
    `(?:^|[\\n\\t"',]|\\\\n)[ \\t]{0,8}\\[?${HOST}\\]?:(?:587|465|2525|25)[ \\t]{1,16}${rep('[^\\s:"]', 1, 128)}:(${rep('[^\\s"\'\\\\,]', 1, 128)})`,
  ),
  valueGroup: 1,
  // The password ends its line (or its CSV or TSV cell, or JSON string): checked here, since a pattern
  // that consumed the line break would leave the next line's match without its start.
  validate: (value, ctx) => /^(?:[ \t]*(?:\r?\n|$)|["',\\\t])/.test(ctx.after) && passwordValid(value),
  // A SendGrid or Mailgun key as the password is reported by its own detector.
  generic: true,
  contextWords: ['sasl', 'postfix', 'relayhost', 'smtp'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  description: 'A mail relay login (Gmail, SendGrid, SES SMTP...) in Postfix sasl_passwd.',
};

export const configFileDetectors: readonly Detector[] = [
  dockerRegistryAuth,
  netrcPassword,
  pgpassPassword,
  windowsUnattendPassword,
  gppCpassword,
  jenkinsEncryptedSecret,
  erlangCookie,
  magentoCryptKey,
  postfixSaslPassword,
];
