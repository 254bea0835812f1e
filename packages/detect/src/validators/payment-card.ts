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
  {
    name: 'discover',
    prefix: /^(?:6011|64[4-9]|65|622(?:12[6-9]|1[3-9][0-9]|[2-8][0-9]{2}|9[01][0-9]|92[0-5]))/,
    lengths: [16, 17, 18, 19],
  },
  { name: 'diners', prefix: /^(?:30[0-5]|3095|36|3[89])/, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'jcb', prefix: /^35(?:2[89]|[3-8][0-9])/, lengths: [16, 17, 18, 19] },
  // Legacy JCB numbers of 15 digits.
  { name: 'jcb', prefix: /^(?:2131|1800)/, lengths: [15] },
  { name: 'unionpay', prefix: /^62/, lengths: [16, 17, 18, 19] },
  { name: 'maestro', prefix: /^(?:5[06-9]|6[0-9])/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'mir', prefix: /^220[0-4]/, lengths: [16, 17, 18, 19] },
  { name: 'rupay', prefix: /^(?:60|65|81|82|508)/, lengths: [16] },
  { name: 'troy', prefix: /^9792/, lengths: [16] },
  { name: 'uatp', prefix: /^1/, lengths: [15] },
  { name: 'instapayment', prefix: /^63[7-9]/, lengths: [16] },
];

/** The issuer whose prefix and length match a digit-only card number, if any. */
export function cardIssuer(digits: string): string | undefined {
  return ISSUERS.find((i) => i.prefix.test(digits) && i.lengths.includes(digits.length))?.name;
}

/**
 * A payment card number: consistent separators, a known issuer prefix with its length, a
 * Luhn check, not an obvious filler (long runs of one digit), and not a slice of a UUID or of
 * a longer dashed identifier (`…-4111-1111-1111-1111-…`).
 */
export function paymentCardValid(value: string, ctx?: { before: string; after: string }): boolean {
  const separators = new Set(value.replace(/[0-9]/g, ''));
  if (separators.size > 1) return false;
  if (ctx && (/[0-9a-f]-$/.test(ctx.before) || /^-[0-9a-f]/.test(ctx.after))) return false;
  if (separators.size === 1 && !/^[0-9]{4}[ -]/.test(value)) return false;
  const digits = value.replace(/[^0-9]/g, '');
  if (!cardIssuer(digits)) return false;
  if (/([0-9])\1{5}/.test(digits)) return false;
  return luhnValid(digits);
}
