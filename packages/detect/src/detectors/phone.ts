import { createRequire } from 'node:module';
import type { CountryCode } from 'libphonenumber-js';
import type { parsePhoneNumberFromString as ParsePhoneNumber } from 'libphonenumber-js/max';
import type { Detector, MatchContext, ValidationResult } from '../types.ts';
import { contextHas, re } from './pattern-kit.ts';

const PHONE_WORDS = [
  'phone',
  'tel',
  'telephone',
  'mobile',
  'cell',
  'fax',
  'call',
  'contact',
  'whatsapp',
  'sms',
  'téléphone',
  'telefon',
  'teléfono',
  'telefono',
  'handy',
  'portable',
  'phone_number',
  'phonenumber',
];

/** Words of other numbers (an NHS number, an order, a tax id): a number they name is not a phone number. */
const OTHER_NUMBER_WORDS = [
  'nhs',
  'ssn',
  'social security',
  'national insurance',
  'sin',
  'account',
  'acct',
  'kontonummer',
  'iban',
  'routing',
  'card',
  'passport',
  'licence',
  'license',
  'tax',
  'tfn',
  'ird',
  'invoice',
  'order',
  'ticket',
  'isbn',
  'medicare',
  'npi',
  'ein',
  'pesel',
  'cpf',
  'cnpj',
  'nir',
  'bsn',
  'aadhaar',
  'policy',
  'serial',
  'tracking',
];

/** Regions tried for a national number (trunk prefix 0), most populous in the data first. */
const NATIONAL_REGIONS: readonly CountryCode[] = [
  'GB',
  'DE',
  'FR',
  'IT',
  'ES',
  'NL',
  'BE',
  'CH',
  'AT',
  'AU',
  'IN',
  'BR',
  'MX',
  'JP',
  'SE',
  'NO',
  'DK',
  'FI',
  'IE',
  'PL',
  'PT',
  'NZ',
  'ZA',
  'KR',
  'CN',
  'TR',
  'AR',
];

/** An X12 PER segment's communication qualifier (home, work, cell phone, telephone) before the number. */
const X12_PHONE = /(?:^|[^a-z0-9])per\*[^~\n]*\*(?:hp|wp|cp|te)\*$/;

/** A phone object's number after its country calling code (`"countryCallingCode": "1", "number": "`). */
const PHONE_OBJECT = /"(?:countrycallingcode|countrycode|dialcode)" ?: ?"\+?[0-9]{1,4}",\s*"number" ?: ?"$/;

const NANP = /^(?:1[ .-]?)?(?:\([0-9]{3}\) ?|[0-9]{3}[-. ])[0-9]{3}[-. ][0-9]{4}$/;

let parsePhone: typeof ParsePhoneNumber | undefined;

/**
 * libphonenumber-js and its full metadata (about 50 ms to load), required on the first candidate
 * number rather than at start-up, so a scan with no phone-like text never loads them.
 */
function phoneParser(): typeof ParsePhoneNumber {
  parsePhone ??= (
    createRequire(import.meta.url)('libphonenumber-js/max') as typeof import('libphonenumber-js/max')
  ).parsePhoneNumberFromString;
  return parsePhone;
}

/** True when libphonenumber-js parses the value as a valid number (US assumed when no `+`). */
export function phoneValid(value: string): boolean {
  const parsed = phoneParser()(value, 'US');
  if (!parsed?.isValid()) return false;
  const digits = parsed.nationalNumber;
  return !/([0-9])\1{5}/.test(digits) && !/0123456|1234567|9876543/.test(digits);
}

function nationalValid(value: string): boolean {
  return NATIONAL_REGIONS.some((region) => phoneParser()(value, region)?.isValid() === true);
}

/**
 * How sure a matched number is a phone number: international numbers (`+` or `00`) by their
 * country's metadata (a possible length is enough when written with separators or named);
 * NANP-shaped numbers written with separators; national numbers with a trunk 0 valid in a
 * common region; bare digit strings only next to a phone word.
 */
export function phoneVerdict(value: string, ctx: MatchContext): boolean | ValidationResult {
  const digits = value.replace(/[^0-9]/g, '');
  if (digits.length < 7 || digits.length > 15 || /([0-9])\1{6}/.test(digits)) return false;
  if (/0123456|1234567|2345678|3456789|9876543/.test(digits)) return false;
  // A slice of a longer number or identifier, or a date-led id (`060744-7470`), is no phone number.
  if (/[0-9a-z][.-]$|[0-9] $/.test(ctx.before) || /^[.-]?[0-9a-z]|^ [0-9]/.test(ctx.after)) return false;
  if (/^[0-9]{6}[-+]/.test(value) || new Set(value.replace(/[0-9()+]/g, '').replaceAll(' ', '')).size > 1)
    return false;
  // Context words are looked up only for a number that its shape and metadata let through.
  let namedMemo: boolean | undefined;
  const named = () =>
    (namedMemo ??=
      contextHas(ctx, PHONE_WORDS) || X12_PHONE.test(ctx.before) || PHONE_OBJECT.test(ctx.before));
  const sure = (confidence: number): ValidationResult | false => {
    if (!named() && contextHas(ctx, OTHER_NUMBER_WORDS)) return false;
    return { valid: true, confidence: Math.min(0.95, confidence + (named() ? 0.15 : 0)) };
  };
  const formatted = /[ .()-]/.test(value);
  const international = value.startsWith('00') ? `+${value.slice(2)}` : value;
  if (international.startsWith('+')) {
    const parsed = phoneParser()(international);
    if (!parsed) return false;
    if (parsed.isValid()) return sure(0.75);
    return parsed.isPossible() && (formatted || named()) ? sure(0.55) : false;
  }
  if (NANP.test(value)) {
    if (phoneValid(value)) return sure(0.7);
    // Area and exchange codes start 2-9 in the plan: an unassigned one written like a phone
    // number (dashes, dots, parentheses) still is one; anything else needs a phone word.
    const planShape = /^[2-9][0-9]{2}[2-9]/.test(digits.slice(-10)) && /[-.()]/.test(value);
    return planShape || named() ? sure(0.5) : false;
  }
  if (value.replace(/^\(/, '').startsWith('0')) {
    // Without a phone word, a national number must be spaced as phone numbers are written.
    const spaced = /^(?:\([0-9]+\) ?)?[0-9]+(?: [0-9]+)+$|^\([0-9]+\) ?[0-9]+$/.test(value);
    return nationalValid(value) && (spaced || named()) ? sure(0.6) : false;
  }
  return (phoneValid(value) || nationalValid(value)) && named() ? sure(0.5) : false;
}

/**
 * Phone numbers in every region: international (`+` or `00` and a country code), NANP
 * (`(415) 555-0132`, `415-555-0132`), national with a trunk 0 (`020 7946 0958`, `06 12 34 56 78`),
 * and bare ten-digit numbers next to a phone word; validated with libphonenumber-js metadata.
 */
export const phoneNumber: Detector = {
  id: 'phone-number',
  name: 'Phone number',
  category: 'personal',
  severity: 'low',
  keywords: [],
  structural: { minDigits: 7 },
  pattern: re(
    // International first; then, behind one boundary, national with a trunk 0, NANP with its
    // area code in parentheses or not, and bare ten digits (one alternation, so a position
    // that starts no number costs a step or two).
    `(?:\\+|\\b00)[1-9][0-9]{0,2}(?:[ .-]?\\(?[0-9]{1,3}\\)?){1,5}|\\(?\\b(?:${[
      '0[1-9][0-9]{0,3}\\)?[ .-]?[0-9]{2,4}(?:[ .-]?[0-9]{2,4}){1,3}',
      '[0-9]{3}\\) ?[0-9]{3}[-. ][0-9]{4}',
      '(?:1[ .-]?)?[0-9]{3}[-. ][0-9]{3}[-. ][0-9]{4}',
      '[2-9][0-9]{9}',
    ].join('|')})\\b`,
  ),
  validate: phoneVerdict,
  contextWords: ['phone', 'tel', 'mobile', 'cell', 'fax', 'call', 'contact'],
  baseConfidence: 0.7,
  validator: 'libphonenumber-js validity (US when no `+`)',
  example: '`+` country code + national number, or NANP `(NXX) NXX-XXXX`, `NXX-NXX-XXXX`',
  mask: { keepStart: 0, keepEnd: 2 },
};

export const phoneDetectors: readonly Detector[] = [phoneNumber];
