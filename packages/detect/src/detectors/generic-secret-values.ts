import type { MatchContext } from '../types.ts';

/*
 * Shapes of values that sit where a secret could but are code, prose or names: what
 * `generic-secret` asks of a value before it reports it. Each shape was seen assigned to a
 * secret-sounding name in real third-party files (library sources, changelogs, test logs,
 * man pages, configuration comments).
 */

/**
 * An unquoted `getToken()`, `cfg[key]`, `config.get(name` or `getToken(a` (cut at its comma),
 * the `abc123)` of `f(password=abc123)`, a call or index opened at the value's end (`config[`
 * of `config['password']`), or minified code (`value}get`, `24)throw`, `a.b}}exports.c=`).
 */
export function isCallOrIndex(value: string): boolean {
  if (/^[A-Za-z_$][\w$.]*[([].*[)\]]$/.test(value)) return true;
  if (/^[A-Za-z_$][\w$]*(?:\.[\w$]+)+[([]/.test(value)) return true;
  if (/^[A-Za-z_$][\w$.]*\(/.test(value) || /^[A-Za-z_$][\w$.]*\[[\w$.]+$/.test(value)) return true;
  if (/^[A-Za-z_$][\w$.[\]:*()]*[([]$/.test(value) || /^[A-Za-z_$][\w$.?]*\}+[A-Za-z_$]/.test(value))
    return true;
  if (/^[\w$.]+\)[A-Za-z_$]/.test(value)) return true;
  // `map[string]*string{` (a Go type opening a literal), `a.Cancelled}dispose(){this._token`.
  if (/^[A-Za-z_$][\w$.[\]*{}]*\{$/.test(value) || /\(\)[{.;]/.test(value)) return true;
  return /[)\]}]$/.test(value) && value.split(/[)\]}]/).length > value.split(/[([{]/).length;
}

/** A capital and two or more small letters, then up to three digits: a hump of a camel-case name. */
const HUMP = '[A-Z][a-z]{2,}[0-9]{0,3}';
/** A camel-case name: `secretName`, `oAuth2GrantType`, `SlowHardware`, `KDFInput`, `IToken`. */
const CAMEL = `(?:[a-z]+[0-9]{0,3}|[A-Z][a-z]+[0-9]{0,3}|[A-Z]+)(?:${HUMP})+`;
/** One word of a name: `token`, `TOKEN`, `Token`, `token2`, `3DES`, or a camel-case name. */
const WORD = `(?:${CAMEL}|[a-z]+[0-9]{0,3}|[0-9]?[A-Z]+[0-9]{0,3}|[A-Z][a-z]+[0-9]{0,3})`;
/** Words joined by `-`, `_`, `.` or `:` (`aws-cdk-lib`, `_S_token_eof`, `aws:asset:docker-build-secrets`): a name. */
const JOINED_WORDS = new RegExp(`^_*${WORD}(?:[-_.:]+${WORD})+_*$`);
/** Names joined by `/`: `javax/security/auth/PrivateCredentialPermission`, a package path. */
const PATH_OF_NAMES = new RegExp(`^${WORD}(?:[-_.]${WORD})*(?:/${WORD}(?:[-_.]${WORD})*){2,}$`);
/**
 * One camel-case name (`lastEventId`, `CreateOAuth2TokenCommand2`, `SignatureV4Sign`,
 * `GetWorkloadAccessTokenForJWT`), or a private member (`_token`).
 */
const ONE_NAME =
  /^_*(?:[a-z]+[0-9]{0,3}|[A-Z][a-z]+[0-9]{0,3}|[A-Z]+)(?:[A-Z]{1,4}[a-z]+[0-9]{0,3}|[A-Z][0-9]{1,2})+(?:[A-Z]{2,}[0-9]{0,3})?$|^_+[a-z]+[0-9]{0,2}$/;

/**
 * True for `ONE_NAME` shapes that read as names: a word of three letters or more and few digits
 * (a random token alternates cases too, `Vq8Wm2Xp7Rt4`, but with more digits and no words).
 */
function isOneName(value: string): boolean {
  if (!ONE_NAME.test(value) || value.replace(/[^0-9]/g, '').length > 3) return false;
  return /[A-Z][a-z]{2,}|^_|^[a-z]{3,}[A-Z]/.test(value);
}

/** Identifier and reference shapes that stand in for a value: code, not secrets. */
export function isIdentifierOrReference(value: string, quoted: boolean): boolean {
  if (!quoted && isCallOrIndex(value)) return true;
  // `users.*.profile.apiKey`, `users[1].password`: a path into an object.
  if (/^[A-Za-z_$][\w$]*(?:\.\*|\[[0-9*]+\])(?:\.[\w$*]+|\[[0-9*]+\])*$/.test(value)) return true;
  // `aws-cdk-lib.aws_ecs.Secret#fromSsmParameter`: a qualified name, a member after `#`.
  if (/^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+(?:#\w+)?$/.test(value)) return true;
  if (/^[A-Za-z_][\w.]*:[A-Za-z_]\w*$/.test(value)) return true;
  // `std::move(x)`, `llvm::MapVector`, `::value`: a C++, Rust, Ruby or PHP scope.
  if (/^(?:[A-Za-z_]\w*)?::[A-Za-z_]/.test(value)) return true;
  if (JOINED_WORDS.test(value) || isOneName(value)) return true;
  if (/^[a-z0-9_.-]*(?:\/[a-z0-9_.{}-]+)+\/?$/.test(value) || PATH_OF_NAMES.test(value)) return true;
  // `man/Attic/pw_auth.3.xml`, `tofu/conflicting/1C005AF3-1.txt`: a relative file path.
  if (/^[\w.+-]+(?:\/[\w.+-]+)+\.[a-z][a-z0-9]{0,4}$/.test(value)) return true;
  if (/^[A-Za-z_]+=/.test(value) || /-\d+(?:\.\d+){1,3}$/.test(value)) return true;
  // `exports.Y=exports.Z=void`, `e.Dimension=`: a chained member assignment.
  if (/^[A-Za-z_$][\w$]*(?:\.[\w$]+)+=/.test(value)) return true;
  // `props.encryption?.tableKey`, `a||b`, `auth!==`, `=this.options.password`, `+e.token+`.
  if (/^[A-Za-z_$][\w$.]*\?\.|^=|[!=]==?|&&|\|\||\?\?|^\+[A-Za-z_$]/.test(value)) return true;
  // `x-div{cursor:default`: a CSS rule; `%vCredentials`: a Go format verb; `1*tchar`: ABNF.
  if (/\{[a-z-]+:/.test(value) || /^%[vwsdqxT]/.test(value) || /^[0-9]*\*[0-9]*[a-z]/.test(value))
    return true;
  // `1.2.3`, `v20.11.1`, `^3.972.97`, `~1.2.0-rc.1`: a version or a version range.
  return /^[\^~]?v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$/.test(value);
}

/**
 * Names of hash, cipher, key-exchange and KDF algorithms, their modes, and text encodings: a
 * value made of these alone (`scram-sha-256`, `PSK-3DES-EDE-CBC-SHA`, `aes-256-gcm`, `md5`,
 * `'base64'`) names how a secret is kept, as `password_encryption = scram-sha-256` does.
 */
const ALGORITHM_PARTS = new Set(
  [
    'scram sha sha1 sha2 sha3 sha224 sha256 sha384 sha512 md4 md5 hmac aes aes128 aes192 aes256',
    'des 3des ede ede3 rc2 rc4 blake2b blake2s argon2 argon2i argon2d argon2id pbkdf2 bcrypt scrypt',
    'yescrypt crypt chacha20 poly1305 rsa dsa ecdsa ed25519 ed448 x25519 curve25519 dh dhe ecdh ecdhe',
    'psk gcm cbc ctr ecb cfb ofb ccm ccm8 xts hs256 hs384 hs512 rs256 rs384 rs512 es256 es384 es512',
    'ps256 md5crypt sha256crypt sha512crypt ntlm ntlmv2 krb5 camellia cast5 gost',
    'base64 base64url base32 hex utf utf8 utf16le latin1 ascii ucs2',
  ]
    .join(' ')
    .split(' '),
);

/** True when `value` is only algorithm names and sizes joined by `-` or `_` (`scram-sha-256`). */
export function isAlgorithmName(value: string): boolean {
  const parts = value.toLowerCase().split(/[-_]/);
  if (parts.some((p) => p === '')) return false;
  return (
    parts.every((p) => ALGORITHM_PARTS.has(p) || /^[0-9]{1,4}$/.test(p)) &&
    parts.some((p) => !/^[0-9]+$/.test(p))
  );
}

/**
 * A value that is not one secret: `true|false` or `[yes|no]` (the choices documented for a
 * setting), a command-line option (`-verify_depth` in a list of options), an IPv6 interface
 * token (`::1a:2b:3c:4d`, `prefixstable:2002:da8:1::`), a digest named by its algorithm
 * (`sha256=...` of a wheel's RECORD), a fingerprint, a member name, URL-encoded words, or
 * text in a non-Latin script (a translated message).
 */
export function isNotOneValue(value: string): boolean {
  if (/^[[(]?[\w.-]+(?:\|[\w.-]+)+[\])]?$/.test(value)) return true;
  if (/^--?[a-z]{2,}[a-z0-9]*(?:[-_][a-z0-9]+)*$/.test(value)) return true;
  if (/::/.test(value) && /^(?:[a-z]+:)?[0-9a-f:]+(?:\/\d+)?$/i.test(value)) return true;
  if (/^(?:sha(?:1|224|256|384|512)|md5)[=:]/i.test(value)) return true;
  // `51:C4:0C:6D:...`: a key's fingerprint or id, public by design.
  if (/^[0-9a-f]{2}(?::[0-9a-f]{2}){7,}$/i.test(value)) return true;
  // `.command` of `trailer.<token>.command`: a member or a file extension.
  if (/^\.[A-Za-z_]\w*$/.test(value)) return true;
  // `Root%20CA%20Certificates`: words with their spaces URL-encoded.
  if (value.includes('%20') && value.split('%20').every((w) => /^(?:[A-Z]?[a-z]+|[A-Z]+)$/.test(w)))
    return true;
  const nonAscii = value.replace(/[\x00-\x7f]/g, '').length;
  return nonAscii * 2 > value.length;
}

/**
 * The value without what ends a sentence or a call around it (`Likewise.`, `prompt):`,
 * `None):`, `` `'private'` ``), for the shape checks: prose and code end values with these,
 * secrets seldom do.
 */
export function valueCore(value: string): string {
  let core = value.replace(/[.,:;!?]+$/, '');
  const quoted = /^(["'`])(.*)\1$/.exec(core);
  if (quoted?.[2]) core = quoted[2];
  // `#decodeUserPassword` (a private field), `?NonExpressionParenKeyword` (a parser state).
  return core.replace(/^[#?](?=[A-Za-z_][\w$]*$)/, '');
}

/** A result line of a DejaGnu or Automake test log (lower-cased, as the context is). */
const TEST_RESULT_LINE =
  /(?:^|\n)(?:(?:[xk]?pass|[xk]?fail|unresolved|unsupported|untested|error|skip): |running \/)|\.exp \.\.\.\n/;

/**
 * `PASS: gdb.base/break.exp: continue to breakpoint` or `PASS: PHDRS2` among other result
 * lines: a test's outcome and name, not `PASS` set to a password. The key must open its line,
 * and the value end with `:`, go on with words, or sit between other result lines.
 */
export function isTestResult(value: string, ctx: MatchContext): boolean {
  if (!/(?:^|\n)[xk]?pass: $/.test(ctx.before)) return false;
  const rest = ctx.after.split('\n', 1)[0] ?? '';
  if (value.endsWith(':') || /^[ \t]+[^\s#]/.test(rest)) return true;
  const previous = ctx.before.slice(0, ctx.before.lastIndexOf('\n') + 1);
  return TEST_RESULT_LINE.test(previous) || TEST_RESULT_LINE.test(ctx.after.slice(rest.length));
}

/**
 * A value inside an expression or a list rather than assigned: after `==` or `!=`
 * (`password == x`), after `->` (`psk->keyid`), `Resolver-` of `Resolver->get()`, or an
 * unquoted item after `, ` (`i2d_ECPrivateKey, i2d_ECPKParameters`, `tokenH, tokenL = ...`,
 * `--passphrase, --passphrase-file`) or a quoted one between others (`"a", "b", "c"`): a CSV
 * cell follows its comma without a space.
 */
export function isInExpression(value: string, ctx: MatchContext): boolean {
  if (/[=!]=[ \t]*$|->$/.test(ctx.before)) return true;
  if (value.endsWith('-') && ctx.after.startsWith('>')) return true;
  // `["accessToken", "clientId", "refreshToken"]`: a quoted item between others of a list.
  if (/[[,][ \t]*(["'])[^"'\n]{1,80}\1[ \t]*,[ \t]+["']$/.test(ctx.before) && /^["'][ \t]*,/.test(ctx.after))
    return true;
  return /[^"'`\s][ \t]*,[ \t]+$/.test(ctx.before);
}
