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

/** How cards are printed: groups of four (the last may be shorter), or Amex's and Diners' 4-6-5 and 4-6-4. */
const CARD_GROUPS = /^[0-9]{4}(?:[ -][0-9]{4})*(?:[ -][0-9]{1,3})?$|^[0-9]{4}[ -][0-9]{6}[ -][0-9]{4,5}$/;

/**
 * False when the digits are part of something longer: a dashed or underscored name
 * (`…-4111-1111-…`, `hb-shape-fuzzer-5762953198960640`), the fraction or the integer part of
 * a decimal (`-.5557590239287523`), a run of numbers in a table (`3208 3848 4488 5128 5768 6408`)
 * or a URL's path (`/feature/5068609911521280`).
 */
function standsAsCard(ctx: { before: string; after: string }): boolean {
  if (/[0-9a-z_][-_]$|\.$|[0-9]{4} $|:\/\/[^\s]*\/$/i.test(ctx.before)) return false;
  return !/^[-_][0-9a-z]|^\.[0-9]|^ [0-9]{4}/i.test(ctx.after);
}

/**
 * A payment card number: consistent separators, a known issuer prefix with its length, a
 * Luhn check, groups as cards are printed, not an obvious filler (long runs of one digit), and
 * not a slice of a UUID, a longer identifier, a decimal, a table of numbers or a URL's path.
 */
export function paymentCardValid(value: string, ctx?: { before: string; after: string }): boolean {
  const separators = new Set(value.replace(/[0-9]/g, ''));
  if (separators.size > 1) return false;
  if (ctx && !standsAsCard(ctx)) return false;
  if (separators.size === 1 && !CARD_GROUPS.test(value)) return false;
  const digits = value.replace(/[^0-9]/g, '');
  if (!cardIssuer(digits)) return false;
  if (/([0-9])\1{5}/.test(digits)) return false;
  return luhnValid(digits);
}
