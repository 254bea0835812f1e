import type { Planted, Rng } from '../src/detectors/samples.ts';
import { luhnCheckDigit } from '../src/validators/luhn.ts';
import { isPlaceholder } from '../src/validators/placeholder.ts';

export type { Planted, Rng };

/** A small seeded PRNG (mulberry32) so the corpus is the same on every run. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const BASE64 = `${ALNUM}+/`;
export const BASE64URL = `${ALNUM}-_`;
export const HEX = '0123456789abcdef';

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** `n` random characters from `alphabet`, re-drawn until it has a digit, an upper and a lower case letter when the alphabet allows. */
export function chars(rng: Rng, alphabet: string, n: number): string {
  const mixed = /[a-z]/.test(alphabet) && /[A-Z]/.test(alphabet) && /[0-9]/.test(alphabet) && n >= 12;
  for (;;) {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
    if (!mixed || (/[a-z]/.test(out) && /[A-Z]/.test(out) && /[0-9]/.test(out))) return out;
  }
}

export function digits(rng: Rng, n: number): string {
  return chars(rng, DIGITS, n);
}

/** Helpers the detector samples (`src/detectors/*.samples.ts`) share. */

/** A planted value in the text `text(value)`, under the field name `field`. */
export function plant(field: string, text: (value: string) => string, value: string): Planted {
  return { value, text: text(value), field };
}

/** `make()` re-drawn until it is not a placeholder (`xxxx`, `changeme`). */
export function real(make: () => string): string {
  for (;;) {
    const v = make();
    if (!isPlaceholder(v)) return v;
  }
}

/** `text` in base64url without padding. */
export function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A number of `length` digits starting with `prefix`, ending in its Luhn check digit. */
export function luhnNumber(prefix: string, length: number, rng: Rng): string {
  const body = prefix + digits(rng, length - prefix.length - 1);
  return body + luhnCheckDigit(body);
}

/** `value` with its last character replaced by another one of `alphabet` (a checksum or length near-miss). */
export function lastCharChanged(value: string, alphabet: string): string {
  const last = value[value.length - 1];
  return value.slice(0, -1) + (alphabet[0] === last ? alphabet[1] : alphabet[0]);
}

/**
 * `generate` re-drawn while its value looks like a placeholder (`0000`, `FAKE`, a run of five
 * equal characters) once a known prefix is cut: detectors rightly reject those.
 */
export function withoutPlaceholders(generate: (rng: Rng) => Planted): (rng: Rng) => Planted {
  return (rng) => {
    // A format whose fixed part looks like filler (`hvb.AAAAAQ…`) is taken as drawn after a few tries.
    for (let tries = 1; ; tries++) {
      const p = generate(rng);
      const body = p.value.startsWith('-----')
        ? ''
        : p.value.replace(/^[a-z]{2,6}[_-]|^(?:AKIA|AIza|SG\.|SK)/, '');
      if (tries >= 100 || (!isPlaceholder(body) && !/([0-9A-Za-z])\1{4}/.test(body))) return p;
    }
  };
}

/**
 * A value with a valid check: draws a body until one of `endings` appended to it passes `valid`
 * (check digits computed by the validator itself, so generators never restate the algorithm).
 */
export function withCheck(
  rng: Rng,
  body: () => string,
  endings: readonly string[],
  valid: (value: string) => boolean,
): string {
  for (let tries = 0; tries < 10_000; tries++) {
    const b = body();
    const start = int(rng, 0, endings.length - 1);
    for (let i = 0; i < endings.length; i++) {
      const v = b + endings[(start + i) % endings.length];
      if (valid(v)) return v;
    }
  }
  throw new Error('withCheck: no valid value drawn');
}

/** `value` with its last character replaced so that `valid` fails (a wrong check digit). */
export function breakCheck(value: string, alphabet: string, valid: (value: string) => boolean): string {
  for (const c of alphabet) {
    const v = value.slice(0, -1) + c;
    if (v !== value && !valid(v)) return v;
  }
  throw new Error('breakCheck: every ending is valid');
}
