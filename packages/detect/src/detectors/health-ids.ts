import type { Detector } from '../types.ts';
import { auMedicareValid, usDeaValid, usNpiValid } from '../validators/id-checks.ts';
import { fillerValue, labelledId, structuralId } from './id-kit.ts';

export const usNpi = structuralId({
  id: 'us-npi',
  validator: 'Luhn over the 80840 prefix, context word',
  name: 'US National Provider Identifier',
  category: 'health',
  severity: 'medium',
  pattern: '\\b[12][0-9]{9}\\b',
  minDigits: 10,
  check: usNpiValid,
  context: 'always',
  words: ['npi', 'national provider', 'provider id', 'provider number'],
  baseConfidence: 0.8,
  description: 'US NPI: 10 digits, Luhn over the 80840 prefix, next to its name.',
  example: '10 digits starting 1 or 2',
});

export const usDea = structuralId({
  id: 'us-dea-number',
  validator: 'DEA check digit, context word',
  name: 'US DEA registration number',
  category: 'health',
  severity: 'medium',
  pattern: '\\b[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}\\b',
  minDigits: 7,
  check: usDeaValid,
  context: 'always',
  words: ['dea', 'dea number', 'dea no', 'dea registration', 'dea#'],
  baseConfidence: 0.8,
  description: 'US DEA number: two letters and seven digits with its check digit, next to its name.',
  example: '2 letters, 7 digits',
});

export const auMedicare = structuralId({
  id: 'au-medicare',
  validator: 'weighted check digit, context word',
  name: 'Australian Medicare number',
  category: 'health',
  severity: 'high',
  pattern: '\\b[2-6][0-9]{3} ?[0-9]{5} ?[0-9](?:[ -/]?[1-9])?\\b',
  minDigits: 10,
  check: auMedicareValid,
  context: 'always',
  words: ['medicare', 'medicare card', 'medicare no', 'medicare number'],
  baseConfidence: 0.8,
  description: 'Australian Medicare card number: 10 digits (11 with the issue number), check digit 9th.',
  example: 'NNNN NNNNN N',
});

export const usMbi = labelledId({
  id: 'us-medicare-mbi',
  validator: 'character layout, label',
  name: 'US Medicare Beneficiary Identifier',
  category: 'health',
  severity: 'high',
  labels: ['mbi', 'medicare beneficiary', 'medicare id', 'medicare_id', 'medicare number', 'medicare no'],
  value:
    '[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y]{2}[0-9]{2}',
  check: (v) => !fillerValue(v),
  words: ['mbi', 'medicare'],
  baseConfidence: 0.85,
  description: 'US Medicare Beneficiary Identifier: 11 characters in its fixed letter/digit layout.',
  example: 'N, letter, letter/digit, digit, letter, letter/digit, digit, 2 letters, 2 digits',
});

export const healthIdDetectors: readonly Detector[] = [usNpi, usDea, auMedicare, usMbi];
