/**
 * The secret part of a `dsk_<id>_<secret>` key. The id is alphanumeric, so the secret starts after
 * the second `_`; the secret itself may hold `_` (base64url), so `split('_')` would cut it short.
 */
export function apiKeySecret(key: string): string {
  return key.slice(key.indexOf('_', 'dsk_'.length) + 1);
}
