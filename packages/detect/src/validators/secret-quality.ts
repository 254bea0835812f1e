import { charClassCount, shannonEntropy } from './entropy.ts';
import { isPlaceholder } from './placeholder.ts';

export interface SecretQualityOptions {
  /** Minimum Shannon entropy in bits per character. @default 3 */
  minEntropy?: number;
  /** Minimum number of character classes (lower, upper, digit, other). @default 2 */
  minClasses?: number;
}

/** True when a candidate secret is random-looking and not a placeholder or documented example. */
export function looksRandom(value: string, options: SecretQualityOptions = {}): boolean {
  if (isPlaceholder(value)) return false;
  if (charClassCount(value) < (options.minClasses ?? 2)) return false;
  return shannonEntropy(value) >= (options.minEntropy ?? 3);
}
