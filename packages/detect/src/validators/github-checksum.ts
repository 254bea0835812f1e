import { crc32 } from 'node:zlib';
import type { ValidationResult } from '../types.ts';
import { looksRandom } from './secret-quality.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62 encoding of a non-negative integer, left-padded with `0` to `width`. */
export function base62(value: number, width: number): string {
  let n = value;
  let out = '';
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, '0');
}

/** The 6-character checksum GitHub (and npm) append: base62 of the CRC32 of the random part. */
export function tokenChecksum(randomPart: string): string {
  return base62(crc32(randomPart) >>> 0, 6);
}

/**
 * True when a `prefix_` + random + 6-character-checksum token (GitHub classic, npm) carries a
 * matching CRC32 checksum in its last 6 characters.
 */
export function tokenChecksumValid(token: string): boolean {
  const body = token.slice(token.lastIndexOf('_') + 1);
  if (body.length <= 6) return false;
  return tokenChecksum(body.slice(0, -6)) === body.slice(-6);
}

/** Confidence of a checksummed token whose checksum fails: a made-up, altered or test value. */
export const FAILED_CHECKSUM_CONFIDENCE = 0.55;

/**
 * Validates a `prefix_` + random + checksum token (GitHub classic, npm): the random part must
 * look random; a matching CRC32 keeps the detector's confidence, a failing one lowers it to
 * `FAILED_CHECKSUM_CONFIDENCE` rather than dropping the token, since a token copied with a
 * typo, or planted by hand, still shows where real ones are kept.
 */
export function checksummedToken(value: string): boolean | ValidationResult {
  if (!looksRandom(value.slice(value.indexOf('_') + 1))) return false;
  return tokenChecksumValid(value) ? true : { valid: true, confidence: FAILED_CHECKSUM_CONFIDENCE };
}
