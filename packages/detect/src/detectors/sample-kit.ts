import { chars } from '../../eval/random.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import type { Planted, Rng } from './samples.ts';

export { plant } from '../../eval/random.ts';

/**
 * `n` random characters of `alphabet` that do not read as a placeholder (no `fake`, no run of
 * five equal characters, no six-step sequence), as a real token's random part never does.
 */
export function secretChars(rng: Rng, alphabet: string, n: number): string {
  for (;;) {
    const value = chars(rng, alphabet, n);
    if (!isPlaceholder(value) && !/(.)\1{4}/.test(value)) return value;
  }
}

/** A random version-4 UUID in lower case. */
export function uuid(rng: Rng): string {
  const hex = secretChars(rng, '0123456789abcdef', 32);
  const variant = '89ab'[Math.floor(rng() * 4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Standard base64 of `text`. */
export function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}

/**
 * One true-positive generator per carrier: each draws a value with `make` and writes it the
 * way `carrier` does (`(v) => \`export FOO_TOKEN=${v}\``).
 */
export function carried(
  make: (rng: Rng) => string,
  field: string,
  carriers: readonly ((value: string, rng: Rng) => string)[],
): ((rng: Rng) => Planted)[] {
  return carriers.map((carrier) => (rng: Rng) => {
    const value = make(rng);
    return { value, text: carrier(value, rng), field };
  });
}

/** A template reference as configs write it (`ref('NPM_TOKEN')` is a dollar-brace reference): an unresolved value. */
export function ref(name: string): string {
  return ['$', '{', name, '}'].join('');
}
