import type { Detector } from '../types.ts';
import { ibanValid } from '../validators/iban.ts';
import { exampleIban } from './documented-examples.ts';
import { optionalTimes, re } from './pattern-kit.ts';

const GROUP = '[A-Z0-9]{4}';

/** International Bank Account Number: per-country length and structure, mod-97 check. */
export const iban: Detector = {
  id: 'iban',
  name: 'IBAN',
  category: 'financial',
  severity: 'medium',
  keywords: [],
  structural: { minDigits: 8 },
  pattern: re(
    `(?:\\?31|\\b)([A-Z]{2}[0-9]{2} ?${GROUP} ?${GROUP}${optionalTimes(` ?${GROUP}`, 5)}(?: ?[A-Z0-9]{1,3})?)\\b`,
  ),
  // An MT940 statement's `:86:` field writes the counterparty's IBAN straight after `?31`.
  valueGroup: 1,
  validate: (value) => ibanValid(value) && !exampleIban(value),
  contextWords: ['iban', 'bank', 'account', 'sepa', 'transfer'],
  baseConfidence: 0.85,
  validator: 'per-country length and structure, mod 97, not a published example',
  example: 'country code + 2 check digits + country BBAN (`DE` + 2 + 18 digits), in groups of 4 or not',
  mask: { keepStart: 4, keepEnd: 4 },
};

export const ibanDetectors: readonly Detector[] = [iban];
