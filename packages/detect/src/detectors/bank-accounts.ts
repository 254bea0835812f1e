import { isValidBIC } from 'ibantools';
import type { Detector } from '../types.ts';
import { fillerValue, labelledId } from './id-kit.ts';
import { rep } from './pattern-kit.ts';

/** A BIC after its label, or in a CSV/SQL column named `BIC`/`SWIFT`, or an MT940 `?30` subfield. */
export const swiftBic = {
  ...labelledId({
    id: 'swift-bic',
    validator: 'ISO 9362 structure and country code, label',
    name: 'SWIFT/BIC code',
    category: 'financial',
    severity: 'low',
    labels: ['swift', 'bic', 'bic code', 'swift code', 'swift/bic', 'bic/swift', '?30'],
    value: '[A-Z]{6}[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?',
    check: (v) => isValidBIC(v),
    words: ['swift', 'bic'],
    wordStart: true,
    baseConfidence: 0.8,
    keepEnd: 4,
    description: 'A bank identifier code (ISO 9362) after a SWIFT/BIC label or an MT940 `?30` subfield.',
    example: '4-letter bank, 2-letter country, 2 characters, optional 3-character branch',
  }),
  fieldKeyed: true,
} satisfies Detector;

export const bankAccountNumber = labelledId({
  id: 'bank-account-number',
  validator: 'length, label, not filler',
  name: 'Bank account number',
  category: 'financial',
  severity: 'medium',
  labels: [
    'account number',
    'account no',
    'account #',
    'acct no',
    'acct #',
    'acct number',
    'account_number',
    'accountnumber',
    'bank account',
    'kontonummer',
    'numéro de compte',
    'numero de compte',
    'número de cuenta',
    'numero de cuenta',
    'conto corrente',
    'rekeningnummer',
  ],
  value: `[0-9]${rep('[0-9 -]', 4, 18)}[0-9]`,
  check: (v) => {
    const d = v.replace(/[^0-9]/g, '');
    return d.length >= 6 && d.length <= 17 && !fillerValue(d);
  },
  words: ['account', 'acct', 'konto', 'compte', 'cuenta', 'bank'],
  baseConfidence: 0.7,
  keepEnd: 4,
  description: 'A bank account number (6-17 digits) written after an account-number label.',
  example: '6-17 digits after "account number"',
});

export const ukSortCode = labelledId({
  id: 'uk-sort-code',
  validator: 'label, not filler',
  name: 'UK bank sort code',
  category: 'financial',
  severity: 'low',
  labels: ['sort code', 'sortcode', 'sort_code'],
  value: '[0-9]{2}-?[0-9]{2}-?[0-9]{2}',
  check: (v) => !fillerValue(v),
  words: ['sort code'],
  baseConfidence: 0.8,
  keepEnd: 2,
  description: 'A UK sort code (6 digits) after its label.',
  example: 'NN-NN-NN',
});

export const auBsb = labelledId({
  id: 'au-bsb',
  validator: 'label, not filler',
  name: 'Australian BSB number',
  category: 'financial',
  severity: 'low',
  labels: ['bsb'],
  value: '[0-9]{3}-?[0-9]{3}',
  check: (v) => !fillerValue(v),
  words: ['bsb'],
  // `tabsBackground:#252526`: `bsb` inside a word is no label.
  wordStart: true,
  baseConfidence: 0.8,
  keepEnd: 2,
  description: 'An Australian bank-state-branch number after its label.',
  example: 'NNN-NNN',
});

export const inIfsc = labelledId({
  id: 'in-ifsc',
  validator: 'structure, label',
  name: 'Indian IFSC code',
  category: 'financial',
  severity: 'low',
  labels: ['ifsc'],
  value: '[A-Z]{4}0[A-Z0-9]{6}',
  check: (v) => !fillerValue(v.slice(5)),
  words: ['ifsc'],
  baseConfidence: 0.85,
  keepEnd: 3,
  description: 'An Indian Financial System Code after its label.',
  example: '4 letters, 0, 6 letters or digits',
});

export const bankAccountDetectors: readonly Detector[] = [
  swiftBic,
  bankAccountNumber,
  ukSortCode,
  auBsb,
  inIfsc,
];
