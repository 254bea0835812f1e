import type { Detector, MatchContext } from '../types.ts';
import { charClassCount, shannonEntropy } from '../validators/entropy.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { ciAny, QUOTES, re, rep } from './pattern-kit.ts';

const NAMES = [
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'api_key',
  'apikey',
  'api-key',
  'access_token',
  'auth_token',
  'client_secret',
  'private_token',
] as const;

/** Values owned by a specific detector, or that are code and references rather than secrets. */
const NOT_GENERIC =
  /^(?:AKIA|ASIA|gh[pousr]_|github_pat_|gl[a-z]{1,5}-|xox[a-z]-|xapp-|[sr]k_(?:live|test)_|sk-|AIza|SG\.|npm_|eyJ|-----|https?:|\$|%|process\.|os\.|env\.|self\.|this\.|true$|false$|null$|none$|nil$|undefined$)/i;

/** Names whose values a specific detector reports (so the generic one stays quiet). */
const OWNED_NAMES =
  /aws_secret|secret_?access_?key|twilio|storage_?(?:account_?|access_?)?key|accountkey|_authtoken/;

/**
 * True when a value assigned to a secret-sounding name is plausibly a real secret: not a
 * placeholder, reference or code, and with some character variety.
 */
export function genericSecretValid(value: string, ctx?: MatchContext): boolean {
  if (NOT_GENERIC.test(value) || isPlaceholder(value)) return false;
  if (ctx && OWNED_NAMES.test(ctx.before.slice(-48))) return false;
  if (/[()[\]{}]/.test(value) || /^[!&*|>]/.test(value)) return false;
  if (/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(value)) return false;
  if (/^[a-z]+$/.test(value) || /^[A-Z_]+$/.test(value)) return false;
  return charClassCount(value) >= 2 && shannonEntropy(value) >= 2.5;
}

/** A password, secret, token or API key assigned in config or code (`password = "..."`). */
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
    'api_key',
    'apikey',
    'api-key',
    'access_token',
    'auth_token',
    'private_token',
  ],
  pattern: re(
    `${ciAny(NAMES)}[A-Za-z0-9_.-]{0,16}${QUOTES}\\s{0,4}(?:=|:|=>|:=)\\s{0,4}${QUOTES}(${rep('[^\\s"\'`,;<>\\\\]', 6, 128)})`,
  ),
  valueGroup: 1,
  validate: genericSecretValid,
  contextWords: ['password', 'secret', 'token', 'credential', 'key'],
  baseConfidence: 0.7,
  validator: 'not a placeholder, reference or code; 2+ character classes, entropy',
  example: '6-128 characters assigned to `password`, `secret`, `api_key`, `access_token` and similar names',
  generic: true,
  mask: { keepStart: 1, keepEnd: 1 },
};

export const genericSecretDetectors: readonly Detector[] = [genericSecret];
