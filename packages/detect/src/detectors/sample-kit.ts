import { chars, HEX } from '../../eval/random.ts';
import type { Rng } from './samples.ts';

export { plant } from '../../eval/random.ts';

/** A random lower-case UUID (version 4 shape). */
export function uuid(rng: Rng): string {
  return `${chars(rng, HEX, 8)}-${chars(rng, HEX, 4)}-4${chars(rng, HEX, 3)}-a${chars(rng, HEX, 3)}-${chars(rng, HEX, 12)}`;
}

/** Standard base64 of `text`. */
export function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}
