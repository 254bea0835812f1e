import { luhnValid } from './luhn.ts';

interface Issuer {
  name: string;
  prefix: RegExp;
  lengths: readonly number[];
}

const ISSUERS: readonly Issuer[] = [
  { name: 'amex', prefix: /^3[47]/, lengths: [15] },
  { name: 'visa', prefix: /^4/, lengths: [13, 16, 19] },
  {
    name: 'mastercard',
    prefix: /^(?:5[1-5]|222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)/,
    lengths: [16],
  },
  { name: 'discover', prefix: /^(?:6011|64[4-9]|65)/, lengths: [16, 19] },
  { name: 'diners', prefix: /^(?:30[0-5]|309|36|3[89])/, lengths: [14, 16, 19] },
  { name: 'jcb', prefix: /^35(?:2[89]|[3-8][0-9])/, lengths: [16, 19] },
  { name: 'unionpay', prefix: /^62/, lengths: [16, 17, 18, 19] },
];

/** The issuer whose prefix and length match a digit-only card number, if any. */
export function cardIssuer(digits: string): string | undefined {
  return ISSUERS.find((i) => i.prefix.test(digits) && i.lengths.includes(digits.length))?.name;
}

/**
 * A payment card number: consistent separators, a known issuer prefix with its length, a
 * Luhn check, and not an obvious filler (long runs of one digit).
 */
export function paymentCardValid(value: string): boolean {
  const separators = new Set(value.replace(/[0-9]/g, ''));
  if (separators.size > 1) return false;
  const digits = value.replace(/[^0-9]/g, '');
  if (!cardIssuer(digits)) return false;
  if (/([0-9])\1{5}/.test(digits)) return false;
  return luhnValid(digits);
}
