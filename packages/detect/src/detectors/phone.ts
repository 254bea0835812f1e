import { createRequire } from 'node:module';
import type { parsePhoneNumberFromString as ParsePhoneNumber } from 'libphonenumber-js/max';
import type { Detector } from '../types.ts';
import { re } from './pattern-kit.ts';

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

/**
 * Phone numbers: international (`+` country code) or NANP formatted (`(415) 555-0132`,
 * `415-555-0132`, `415.555.0132`), validated by libphonenumber-js metadata.
 */
export const phoneNumber: Detector = {
  id: 'phone-number',
  name: 'Phone number',
  category: 'personal',
  severity: 'low',
  keywords: [],
  pattern: re(
    '(?:\\+[1-9][0-9]{0,2}(?:[ .-]?\\(?[0-9]{1,3}\\)?){1,5}|(?:\\([2-9][0-9]{2}\\) ?|\\b[2-9][0-9]{2}[-.])[2-9][0-9]{2}[-.][0-9]{4}\\b)',
  ),
  validate: phoneValid,
  contextWords: ['phone', 'tel', 'mobile', 'cell', 'fax', 'call', 'contact'],
  baseConfidence: 0.7,
  mask: { keepStart: 0, keepEnd: 2 },
};

export const phoneDetectors: readonly Detector[] = [phoneNumber];
