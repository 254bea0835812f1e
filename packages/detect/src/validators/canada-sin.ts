import { luhnValid } from './luhn.ts';

/** Canadian Social Insurance Number: 9 digits, Luhn, first digit not 0 or 8. */
export function sinValid(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^[0-9]{9}$/.test(digits)) return false;
  if (digits[0] === '0' || digits[0] === '8') return false;
  return luhnValid(digits);
}
