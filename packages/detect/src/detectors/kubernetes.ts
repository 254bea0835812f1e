import type { Detector, MatchContext } from '../types.ts';
import { shannonEntropy } from '../validators/entropy.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { re, rep } from './pattern-kit.ts';

/** Key names whose decoded values are secrets whatever they look like. */
const SECRET_NAMES =
  /pass|pwd|secret|token|key|credential|auth|private|\.pem|\.p12|dockerc|htpasswd|dsn|connection|url|uri/;

/** Key names of values that are not secrets whatever they look like. */
const NOT_SECRET_NAMES = /^(?:checksum|hash|digest|sha\d*|md5|etag|version|revision|generation)$/;

/** The key of the `  <key>: <base64>` line the value ends, from the text before it. */
function keyBefore(ctx: MatchContext): string {
  return (
    /([a-z0-9_.-]{1,64})['"]?:(?:[ \t]{0,4}[|>][-+]?[ \t]{0,4}(?:\r?\n|\\n))?[ \t]{0,16}['"]?$/.exec(
      ctx.before,
    )?.[1] ?? ''
  );
}

/** The indentation and opening quote of the key line that ends `before`. */
const KEY_LINE =
  /(?:^|\n|\\n)([ \t]*)(['"]?)[A-Za-z0-9_.-]{1,64}['"]?:(?:[ \t]{0,4}[|>][-+]?[ \t]{0,4}(?:\r?\n|\\n)[ \t]*|[ \t]{0,4}['"]?)$/;

/**
 * True when a `data:` value is base64 of printable text (a password, token, key file or config),
 * the whole value of its line, and either named as a secret or random-looking once decoded.
 */
export function kubernetesSecretValueValid(value: string, ctx: MatchContext): boolean {
  if (value.length % 4 !== 0 || !/^['"]?,?[ \t]*(?:\r?\n|\\n|$)/.test(ctx.after)) return false;
  // `data:` keys sit two spaces in (four in a list of manifests); a JSON `"key": "..."` is not read.
  const line = KEY_LINE.exec(ctx.before);
  if (line && ((line[1] ?? '').replace(/\t/g, '    ').length > 4 || line[2] === '"')) return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  if (decoded.length < 4 || !/^[\x20-\x7e\t\r\n]+$/.test(decoded)) return false;
  const secret = decoded.trim();
  // A PEM block: a certificate or public key is public, and `private-key-base64` reports a private key.
  if (secret.startsWith('-----BEGIN ')) return false;
  if (
    isPlaceholder(secret) ||
    /^(?:true|false|null|none|changeme|password|secret|admin|root|test)$/i.test(secret)
  )
    return false;
  const key = keyBefore(ctx);
  if (NOT_SECRET_NAMES.test(key)) return false;
  if (SECRET_NAMES.test(key) || /^[^\s:]{1,64}:\S{4,}$/.test(secret)) return true;
  return secret.length >= 12 && shannonEntropy(secret) >= 3.5;
}

/**
 * A value of a Kubernetes Secret manifest's `data:` map (`  password: cGFzc3dvcmQ=`, or a YAML
 * block scalar), which
 * Kubernetes stores base64-encoded. The detector runs on text within about 2 KiB before and
 * 4 KiB after `kind: Secret` (kubectl writes `data:` before `kind:`), and reports a value whose
 * key line is indented, whose base64 decodes to printable text (not a certificate), and that is
 * named as a secret, holds `user:password`, or is random once decoded. The finding's fingerprint
 * is of the base64 text, not of the decoded secret; one-line JSON manifests are not read.
 */
export const kubernetesSecretData: Detector = {
  id: 'kubernetes-secret-data',
  validator: 'decodes to printable text, secret-sounding key or random value',
  example: 'kind: Secret ... data: <key>: <base64>',
  name: 'Kubernetes Secret data value',
  category: 'credentials',
  severity: 'high',
  keywords: ['kind: secret', 'kind: "secret"', "kind: 'secret'", '"kind": "secret"', '"kind":"secret"'],
  span: { before: '\\s\\S', maxBefore: 2048, after: '\\s\\S', maxAfter: 4096 },
  pattern: re(
    `(?:\\n|\\\\n)(?:[ \\t]|\\\\t){1,8}['"]?${rep('[A-Za-z0-9_.-]', 1, 64)}['"]?:(?:[ \\t]{0,4}[|>][-+]?[ \\t]{0,4}(?:\\r?\\n|\\\\n)[ \\t]{1,16}|[ \\t]{1,4})['"]?(${rep('[A-Za-z0-9+/]', 4, Number.POSITIVE_INFINITY)}={0,2})`,
  ),
  valueGroup: 1,
  validate: kubernetesSecretValueValid,
  contextWords: ['secret', 'data', 'opaque'],
  baseConfidence: 0.85,
  mask: { keepStart: 2, keepEnd: 2 },
  description: 'An indented key: <base64> line near kind: Secret whose value decodes to printable text.',
};

export const kubernetesDetectors: readonly Detector[] = [kubernetesSecretData];
