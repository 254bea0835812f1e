import type { Detector, MatchContext } from '../types.ts';
import { charClassCount, shannonEntropy } from '../validators/entropy.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import {
  isAlgorithmName,
  isIdentifierOrReference,
  isInExpression,
  isNotOneValue,
  isTestResult,
  valueCore,
} from './generic-secret-values.ts';
import { ci, ciAny, QUOTES, reAlternatives, rep } from './pattern-kit.ts';

const JOIN = '[_.-]?';

/**
 * Name words that mark a secret wherever they sit in a key (`dbpassword`, `jwtSecret`,
 * `CI_GITHUB_DEPLOY_TOKEN`): password, passwd, passphrase, secret, signing key, token,
 * credential(s), api key, app key, master key, encryption key. Written as a tree on the first
 * letters so a position that starts no name is left after one or two tests (the step counter of
 * `linear-time.test.ts` charges every alternative tried at every position of a window).
 */
const LONG_WORDS = `(?:${[
  `[pP](?:${ci('ass')}(?:${ci('word')}|${ci('wd')}|${ci('phrase')})|${ci('rivate')}${JOIN}${ci('key')})`,
  `[sS](?:${ci('ecret')}|${ci('igning')}${JOIN}${ci('key')})`,
  ci('token'),
  `${ci('credential')}[sS]?`,
  `[aA][pP][iIpP]${JOIN}${ci('key')}`,
  `${ci('master')}${JOIN}${ci('key')}`,
  `${ci('encryption')}${JOIN}${ci('key')}`,
  `${ci('logged')}${JOIN}${ci('in')}${JOIN}${ci('key')}`,
  `(?:${ci('validation')}|${ci('decryption')})${JOIN}${ci('key')}`,
  ci('authtok'),
].join('|')})`;

/** Short name words that only count as a segment of their own (`DB_PASS`, `dbPass`, not `passport`). */
const SHORT_WORDS = `(?:${[ci('pass'), ci('pwd'), ci('pw'), ci('psk'), ci('auth'), ci('creds'), ci('salt'), `${ci('nonce')}${JOIN}${ci('key')}`].join('|')})`;
const SHORT_CAPITALISED = `(?:Pass|PASS|Pwd|PWD|Pw|PW|Psk|PSK|Auth|AUTH|Creds|CREDS|Salt|SALT|Nonce${JOIN}[kK]ey|NONCE${JOIN}KEY)`;

/** The rest of a key after its secret word: none, or a new segment (`_FOR_REPLICA`, `Key`). */
const AFTER = `(?:[_.0-9A-Z-]${rep('[A-Za-z0-9_.-]', 0, 24)})?`;

/**
 * A declared string type between a name and `=`: Go's `var fooToken string = `, Kotlin's
 * `val apiKey: String = `, Rust's `const API_KEY: &str = `. Tried first, so `: String` is not
 * taken for YAML's `key: value`.
 */
const TYPED = `:?[ \\t]{1,4}(?:[sS]tring|str|&(?:'static )?str)[ \\t]{0,4}:?=`;

/**
 * The name of a name/value pair, then its `value` field: a Kubernetes or Compose `env` entry
 * (`- name: DB_PASSWORD` then `value: "..."` on the next line), an ECS container definition or
 * Azure app setting (`{"name": "DB_PASSWORD", "value": "..."}`), Terraform's `{ name = "...",
 * value = "..." }`, a CloudFormation parameters file's `"ParameterKey"` then `"ParameterValue"`.
 */
const NAME_THEN_VALUE = `${QUOTES}[ \\t]{0,4}(?:,[ \\t]{0,4}(?:\\r?\\n|\\\\n)?|\\r?\\n|\\\\n)${rep('[ \\t]', 0, 40)}${QUOTES}(?:${ci('parameter')})?${ci('value')}${QUOTES}[ \\t]{0,4}[:=]`;

/**
 * `=`, `:`, `=>`, `:=`, `::=`, `?=`, `+=`, `.=`, `>` (`<password>v</password>`, the value on the
 * same line or the next), `,` (a CSV row `apiToken,value,` or PHP `define('K', 'v')`), ` value=`
 * (.NET `<add key="K" value="v"/>`) or a typed declaration.
 */
export const SEP = `(?:${QUOTES}${TYPED}|${NAME_THEN_VALUE}|${QUOTES}[ \\t]{0,16}(?:[=:][>=]?|>(?:[ \\t]{0,4}\\r?\\n)?|[:?+.]{1,3}=|value=|,))[ \\t]{0,16}`;

/** A YAML block scalar (`key: |` or `key: >`): the value starts the next line. */
const BLOCK = `[|>][-+]?[ \\t]{0,4}\\r?\\n[ \\t]{1,16}`;

const quoted = (q: string) => `${q}(${rep(`[^${q}\\\\\\s]`, 6, 128)})\\\\{0,2}${q}`;
/**
 * An unquoted value ends at white space, a quote, `,`, `;` or `<`; it starts with no bracket
 * but may hold them (`.env` and `.properties` values run to the end of the line), and the
 * validator tells a password with brackets from a call or an index (`getToken()`, `cfg[k]`).
 */
export const UNQUOTED = `([^\\s"'\`\\\\,;<>(){}\\[\\]]${rep('[^\\s"\'`\\\\,;<>]', 5, 127)})`;
const QUERY_NAMES = [
  'access_token',
  'refresh_token',
  'auth_token',
  'api_key',
  'apikey',
  'token',
  'secret',
  'client_secret',
  'password',
  'passwd',
  'pwd',
];

export const VALUE = `(?:(?:\\\\{1,2}|"{1,2})?${quoted('"')}|${quoted("'")}|${quoted('`')}|${UNQUOTED}|${BLOCK}${UNQUOTED})`;

/*
 * Alternatives that need a non-letter before them share it, so a position that starts nothing
 * is left after few tests (the step counter of `linear-time.test.ts` charges every alternative
 * tried at every position of a window).
 */
const PATTERN = [
  `[?&]${ciAny(QUERY_NAMES)}=(${rep('[^\\s&#"\'<>]', 6, 128)})`,
  `${LONG_WORDS}${AFTER}${SEP}${VALUE}`,
  `(?:^|[^A-Za-z])(?:${[
    `${SHORT_WORDS}${AFTER}${SEP}${VALUE}`,
    `(?:[Bb]earer|BEARER)[ \\t]{1,4}(${rep('[A-Za-z0-9._~+/=-]', 16, 512)})`,
    // `.netrc`'s `password X`, fetchmail's `password "X"`, ldap.conf's `bindpw X`, slapd's `rootpw X`.
    `(?:password|passwd|bindpw|rootpw)[ \\t]{1,4}(?:${quoted('"')}|${UNQUOTED})`,
    // redis.conf: `requirepass <password>`, `masterauth <password>`.
    `(?:requirepass|masterauth)[ \\t]{1,4}${UNQUOTED}`,
    `--${rep('[a-z0-9-]', 0, 24)}(?:api-key|apikey|token|password|passwd|secret)[ \\t]{1,4}${UNQUOTED}`,
    `(?:${ci('identified')} ${ci('by')}|PASSWORD|password) {1,4}${quoted("'")}`,
  ].join('|')})`,
  `[a-z0-9]${SHORT_CAPITALISED}${AFTER}${SEP}${VALUE}`,
].join('|');

/**
 * Words common in prose, code and data (`token`, `author`, `passed`, a `"token"` cell) wake the
 * pattern only where a key ends or goes on: `token=`, `TOKEN_`, `"token":`, `'AUTH_SALT',`.
 */
const KEY_ENDS = [
  '=',
  ':',
  ' =',
  ' :',
  ' ?=',
  ' +=',
  ' .=',
  '  ',
  '\t',
  '_',
  '-',
  '>',
  '\\',
  ' string',
  ': string',
  ': &',
];
const QUOTED_KEY_ENDS = ['"', "'", '`'].flatMap((q) =>
  [':', ' :', '=', ' =', ',', ' value='].map((e) => `${q}${e}`),
);
const COMMON_WORD_KEYWORDS = ['token', 'auth', 'pass', 'salt'].flatMap((w) =>
  [...KEY_ENDS, ...QUOTED_KEY_ENDS].map((end) => `${w}${end}`),
);

/** Values owned by a specific detector, or that are code and references rather than secrets. */
const NOT_GENERIC =
  /^(?:(?:hash|btree|lmdb|texthash|regexp|pcre|cdb|cidr|dbm|sdbm|proxy:[a-z]+):\/|AKIA|ASIA|sntry[su]_|gh[pousr]_|github_pat_|gl[a-z]{1,5}-|xox[a-z]-|xapp-|[sr]k_(?:live|test)_|sk-|AIza|SG\.|npm_|eyJ[^.]*\.[^.]*\.|-----|[a-z][a-z0-9+.-]*:\/\/|\$|%(?:[({]|.*%$|[sd]$|[\w.]+%)|@|pk\.eyJ|phc_|~\/|\.{0,2}\/|process\.|os\.|env\.|ENV[.[]|self\.|this\.|ENC\[|arn:|vault:|ref\+|projects\/|true$|false$|null$|none$|nil$|undefined$)/i;

/** Five groups of five capitals and digits: a Windows or Office product key. */
const PRODUCT_KEY = /^(?:[A-Z0-9]{5}-){4}[A-Z0-9]{5}$/;

/** The configuration passes of a Windows answer file (`<settings pass="windowsPE">`). */
const SETUP_PASSES = new Set([
  'windowsPE',
  'offlineServicing',
  'generalize',
  'specialize',
  'auditSystem',
  'auditUser',
  'oobeSystem',
]);

/** Names whose values a specific detector reports (so the generic one stays quiet). */
const OWNED_NAMES =
  /aws_secret|secret_?access_?key|twilio|storage_?(?:account_?|access_?)?key|accountkey|_authtoken/;

/** A key whose value names, locates or describes a secret rather than holding it. */
const ABOUT_A_SECRET = new Set([
  'name',
  'names',
  'path',
  'file',
  'files',
  'ref',
  'id',
  'ids',
  'arn',
  'url',
  'uri',
  'type',
  'length',
  'len',
  'env',
  'var',
  'field',
  'version',
  'count',
  'size',
  'mode',
  'header',
  'prefix',
  'suffix',
  'dir',
  'location',
  'policy',
  'provider',
  'manager',
  'store',
  'label',
  'title',
  'hint',
  'placeholder',
  'message',
  'text',
  'description',
  'regex',
  'pattern',
  'format',
  'endpoint',
  'expiry',
  'expires',
  'ttl',
  'timeout',
  'lifetime',
  'enabled',
  'required',
  'min',
  'max',
  'rotation',
  'backend',
  'source',
  'template',
  'resource',
  'kind',
  'scope',
  'scopes',
  'algorithm',
  'method',
  'strategy',
  'class',
  'handler',
  'service',
  'generator',
  'key_ref',
  'keyref',
  'secretref',
  'secretname',
  'tokenurl',
  'audience',
  'issuer',
  'identity',
  'at',
  'date',
  'time',
  'timestamp',
  'question',
]);

/** An ISO 8601 date or time (`password_changed_at: 2024-11-12T08:14:03Z`): never a secret. */
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Words that mark a key's value as a hash or digest of a secret, not the secret. */
const HASHED = /hash|digest|checksum|fingerprint|sha1|sha256|md5/;

/**
 * Names of values that are public by design or not credentials (`publicToken`, `csrf-token`,
 * Pusher's app key and Algolia's search-only key, both shipped to browsers), and tokens that
 * page through results or make a request idempotent (`NextToken`, `--page-token`, AWS's
 * `ClientToken` and `ChangeToken`).
 */
const NOT_A_CREDENTIAL =
  /public|publishable|csrf|xsrf|pusher[_.-]?app[_.-]?key|search[_.-]?(?:only[_.-]?)?(?:api[_.-]?)?key|(?:next|page|pagination|continuation|change|client|client[_.-]?request|idempotency|sync|resumption|cancel(?:lation)?)[_.-]?token$/;

/** A secret word run into a describing suffix in one segment (`credentialsId`, `tokenUrl`). */
const DESCRIBED =
  /(?:password|passwd|secret|token|credentials?|key|auth|pass|pwd)(?:id|ids|name|names|type|url|uri|file|path|ref|length|size|audience|issuer|header|prefix|endpoint|version|field|label|hint|policy|provider)$/;

/** The key a value is assigned to: the identifier ending just before the separator. */
export function keyName(before: string): string {
  const pair =
    /([a-z0-9_.-]{1,64})\\?["'`]?[ \t]*(?:,[ \t]*(?:\r?\n|\\n)?|\r?\n|\\n)[ \t]*\\?["'`]?(?:parameter)?value\\?["'`]?[ \t]*[:=][ \t]*\\?["'`]?$/.exec(
      before,
    );
  if (pair) return pair[1] ?? '';
  const trimmed = before.replace(/(?:[\s"'`\\]*(?:=>|:=|=|:|>|,|value=)?[\s"'`\\]*)$/, '');
  return /[a-z0-9_.-]*$/.exec(trimmed)?.[0] ?? '';
}

function namesSomethingElse(name: string): boolean {
  if (HASHED.test(name) || NOT_A_CREDENTIAL.test(name)) return true;
  const segments = name.split(/[_.-]/).filter((s) => s.length > 0);
  const last = segments[segments.length - 1] ?? '';
  if (ABOUT_A_SECRET.has(last) || DESCRIBED.test(last)) return true;
  return (
    /(?:name|path|file|ref|url|uri|arn|type|field|length|header|prefix|endpoint|version|hint|label|policy|provider|manager|regex|pattern|format|template|method)$/.test(
      last,
    ) && !/(?:password|passwd|secret|token|key|pass|pwd|auth|credentials?)$/.test(last)
  );
}

/** True when `value` is base64 of printable text whose parts are placeholders (`user:password`). */
function decodesToPlaceholder(value: string): boolean {
  if (value.length < 8 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const text = Buffer.from(value, 'base64').toString('latin1');
  if (!/^[\x20-\x7e]+$/.test(text)) return false;
  if (isPlaceholder(text)) return true;
  const parts = text.split(':');
  return parts.every(
    (p) => isPlaceholder(p) || /^(?:user(?:name)?|pass(?:word)?|admin|secret|token)$/i.test(p),
  );
}

/** A word of prose or a constant's name (`Likewise`, `LOGIN_STRING`, `SASL_SCRAM_512_AUTH`), or code. */
function isWordOrName(value: string, quoted: boolean): boolean {
  if (/^[!&*|>]/.test(value) || NOT_GENERIC.test(value) || isIdentifierOrReference(value, quoted))
    return true;
  return (
    /^[A-Z]?[a-z]+$/.test(value) || /^[A-Z_]+$/.test(value) || /^[A-Z]+(?:_(?:[A-Z]+|[0-9]+))+$/.test(value)
  );
}

/**
 * True when a value assigned to a secret-sounding name is plausibly a real secret: not a
 * placeholder, reference, identifier or code, not under a name that only describes a secret
 * (`SECRET_NAME`, `hashed_secret`), and with some character variety.
 */
export function genericSecretValid(value: string, ctx?: MatchContext): boolean {
  if (NOT_GENERIC.test(value) || isPlaceholder(value) || decodesToPlaceholder(value)) return false;
  if (DATE_TIME.test(value)) return false;
  // A base64-encoded PEM block (`LS0tLS1CRUdJTi` is `-----BEGIN`): `private-key-base64` reads a key, a certificate is no secret.
  if (value.startsWith('LS0tLS1CRUdJTi')) return false;
  if (ctx) {
    // `</appKey>` then a line break: a closing tag holds no value after it.
    if (/<\/[\w:.-]{1,64}>[ \t]*\r?\n[ \t]*$/.test(ctx.before)) return false;
    // `<password>` then a line break: only an element opened at the start of its line (after
    // other tags at most) holds the next line; `tfp_<personal-access-token>` is a placeholder.
    if (
      />[ \t]*\r?\n[ \t]*$/.test(ctx.before) &&
      !/(?:^|\n)[ \t]*(?:<[^<>\n]{1,128}>[ \t]*){0,3}<[a-z_][\w.:-]{0,64}(?:[ \t][^<>\n]{0,256})?>[ \t]*\r?\n[ \t]*$/.test(
        ctx.before,
      )
    )
      return false;
    // `KEY=<your-key>` or `token: dp.ct.<cli-token>` then a line break: the placeholder's `>` does not open an XML element.
    if (/[=:][ \t]*["']?[^\s<>"']{0,32}<[^<>\n]{1,64}>[ \t]*\r?\n[ \t]*$/.test(ctx.before)) return false;
    // `pscale_tkn_<token>`, `ops_eyJ...`: a prefix whose rest is a template or an ellipsis.
    if (/^<[A-Za-z][\w-]*>/.test(ctx.after) || `${value}${ctx.after.slice(0, 3)}`.includes('...'))
      return false;
    if (OWNED_NAMES.test(ctx.before.slice(-48))) return false;
    if (namesSomethingElse(keyName(ctx.before))) return false;
    // `io.jsonwebtoken:jjwt`: a bare colon between words is a coordinate, not YAML's `key: value`.
    if (/[a-z0-9_.-]:$/.test(ctx.before)) return false;
    // `.netrc`'s `password X` (white space only): X needs letters and digits, not a word of prose.
    if (/(?:password|passwd)[ \t]+$/.test(ctx.before) && !/[0-9]/.test(value.replace(/[^A-Za-z0-9]+$/, '')))
      return false;
    if (isTestResult(value, ctx) || isInExpression(value, ctx)) return false;
    // gdb's `fileKey=fileKey@entry=0x0`: the value goes on with its own key's name.
    const key = keyName(ctx.before);
    const lower = value.toLowerCase();
    if (key.length >= 4 && lower.startsWith(key) && /^[^a-z0-9_]/.test(lower.slice(key.length))) return false;
    // `"token-inline": "awsui_token-inline_1i2wg_2zsex_127"`: a generated name built on its key.
    if (key.length >= 8 && /[_.-]/.test(key) && lower.includes(key)) return false;
  }
  // `%kernel.project_dir%/config/jwt/private.pem`, `./certs/client.key`: the file that holds the secret.
  if (/\/[^\s/]+\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|pub|asc|gpg)$/i.test(value)) return false;
  // `?password=,closed`: an empty value, then the next CSV cell.
  if (value.startsWith(',')) return false;
  // A Windows or Office product key (`<Key>` of an answer file): a licence, not a credential;
  // answer files mostly carry the volume-licence keys Microsoft publishes.
  if (PRODUCT_KEY.test(value) || SETUP_PASSES.has(value)) return false;
  // `apiToken,value,` (a CSV row): an unquoted cell is token characters; `f(token, other):` is code.
  if (ctx && /,[ \t]*$/.test(ctx.before) && !/["'`][ \t]*$/.test(ctx.before) && !/^[\w+/=.~-]+$/.test(value))
    return false;
  // `contact:`: the next key (the assignment was empty or a template), not a value.
  if (/^[A-Za-z_][\w.-]*:$/.test(value)) return false;
  const quoted = ctx !== undefined && /["'`]$/.test(ctx.before);
  const core = valueCore(value);
  if (isWordOrName(value, quoted) || (core !== value && isWordOrName(core, quoted || /^["'`]/.test(value))))
    return false;
  if (isAlgorithmName(core) || isNotOneValue(value)) return false;
  return charClassCount(value) >= 2 && shannonEntropy(value) >= 2.5;
}

/**
 * A password, secret, token or API key assigned in config or code: `password = "..."`,
 * `DB_PASS=...`, `"apiKey": "..."`, `<password>...</password>`, `define('AUTH_KEY', '...')`,
 * `?access_token=...` in a URL, `Bearer ...`, a `.netrc` `password ...` and SQL's
 * `IDENTIFIED BY '...'` / `PASSWORD '...'`. Quoted values may hold any punctuation but
 * no white space; unquoted values end at white space, quotes, `,`, `;`, brackets or `<`. No
 * match crosses a line break.
 */
export const genericSecret: Detector = {
  id: 'generic-secret',
  name: 'Generic secret assignment',
  category: 'credentials',
  severity: 'medium',
  keywords: [
    'password',
    'passwd',
    'passphrase',
    'pwd',
    'secret',
    'credential',
    'api_key',
    'apikey',
    'api-key',
    'api.key',
    'app_key',
    'appkey',
    'app-key',
    'app.key',
    'master_key',
    'masterkey',
    'encryption_key',
    'encryptionkey',
    'signing_key',
    'signingkey',
    'nonce_key',
    'logged_in_key',
    'validationkey',
    'decryptionkey',
    'identified by',
    'requirepass',
    'masterauth',
    'creds',
    'private_key',
    'private-key',
    'private.key',
    'privatekey',
    'bearer',
    'bindpw',
    'rootpw',
    'authtok',
    ...['psk', 'pw'].flatMap((w) => [...KEY_ENDS, ...QUOTED_KEY_ENDS].map((end) => `${w}${end}`)),
    ...COMMON_WORD_KEYWORDS,
  ],
  pattern: reAlternatives(PATTERN),
  valueGroup: 1,
  validate: genericSecretValid,
  contextWords: ['password', 'secret', 'token', 'credential', 'key'],
  baseConfidence: 0.7,
  validator: 'not a placeholder, reference or code; 2+ character classes, entropy',
  example: '6-128 characters assigned to a name such as `password` or `api_key` or `access_token`',
  generic: true,
  fieldKeyed: true,
  mask: { keepStart: 1, keepEnd: 1 },
};

export const genericSecretDetectors: readonly Detector[] = [genericSecret];
