import { createHmac } from 'node:crypto';

/** Keyed fingerprint of a raw value: hex HMAC-SHA-256, so equal secrets group without being stored. */
export function fingerprint(key: string | Uint8Array, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}
