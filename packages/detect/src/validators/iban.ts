import { isValidIBAN } from 'ibantools';

/**
 * True when `value` (spaces allowed) is an IBAN with its country's length, BBAN structure
 * and a valid ISO 7064 mod-97 check.
 */
export function ibanValid(value: string): boolean {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  return isValidIBAN(compact);
}

/** ISO 7064 mod-97-10 remainder of an IBAN rearranged for checking (1 means valid). */
export function ibanMod97(value: string): number {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return remainder;
}
