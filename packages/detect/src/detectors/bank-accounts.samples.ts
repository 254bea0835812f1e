import { digits, pick, type Rng } from '../../eval/random.ts';
import type { FamilySamples, Planted } from './samples.ts';

const plant = (field: string, text: string, value: string): Planted => ({ field, text, value });
const bic = (r: Rng) =>
  `${pick(r, ['DEUT', 'BNPA', 'CHAS', 'HSBC', 'COBA'])}${pick(r, ['DE', 'FR', 'US', 'GB'])}${pick(r, ['FF', '33', '2L', 'MM'])}${pick(r, ['', 'XXX', '500'])}`;

export const samples: FamilySamples = {
  'swift-bic': {
    truePositives: [
      (r) => {
        const x = bic(r);
        return plant('bic', `SWIFT/BIC: ${x}`, x);
      },
      (r) => {
        const x = bic(r);
        return plant('swift', `"swift_code": "${x}"`, x);
      },
      (r) => {
        const x = bic(r);
        return plant('counterparty', `?20EREF+RE-2024-1187?30${x}?32MUSTERMANN, ERIKA`, x);
      },
    ],
    nearMisses: ['BIC: DEUTQQFF', 'swift: 12345678', '?30DEUTQQFFXXX?32MUSTERMANN'],
  },
  'bank-account-number': {
    truePositives: [
      (r) => {
        const x = digits(r, pick(r, [8, 10, 12]));
        return plant('account_number', `Account Number: ${x}`, x);
      },
      (r) => {
        const x = digits(r, 10);
        return plant('kontonummer', `Kontonummer ${x}`, x);
      },
    ],
    nearMisses: ['Account Number: 00000000', 'account number: see below'],
  },
  'uk-sort-code': {
    truePositives: [
      (r) => {
        const x = `${digits(r, 2)}-${digits(r, 2)}-${digits(r, 2)}`;
        return plant('sort_code', `Sort code: ${x}`, x);
      },
      (r) => {
        const x = digits(r, 6);
        return plant('sort_code', `"sort_code": "${x}"`, x);
      },
    ],
    nearMisses: ['Sort code: 00-00-00', 'sort code order ascending'],
  },
  'au-bsb': {
    truePositives: [
      (r) => {
        const x = `${digits(r, 3)}-${digits(r, 3)}`;
        return plant('bsb', `BSB: ${x}`, x);
      },
      (r) => {
        const x = digits(r, 6);
        return plant('bsb', `bsb=${x}`, x);
      },
    ],
    nearMisses: ['BSB: 000-000', 'BSB lookup'],
  },
  'in-ifsc': {
    truePositives: [
      (r) => {
        const x = `${pick(r, ['SBIN', 'HDFC', 'ICIC', 'UTIB'])}0${digits(r, 6)}`;
        return plant('ifsc', `IFSC: ${x}`, x);
      },
      (r) => {
        const x = `${pick(r, ['SBIN', 'HDFC', 'ICIC', 'UTIB'])}0${digits(r, 6)}`;
        return plant('ifsc', `"ifsc_code": "${x}"`, x);
      },
    ],
    nearMisses: ['IFSC: SBIN0000000', 'IFSC: SBIN1234567'],
  },
};
