import { breakCheck, DIGITS, digits, int, pick, type Rng, UPPER, withCheck } from '../../eval/random.ts';
import * as v from '../validators/id-checks.ts';
import type { FamilySamples, Planted } from './samples.ts';

const p2 = (n: number) => String(n).padStart(2, '0');
const ymd = (r: Rng) => `${p2(int(r, 40, 99))}${p2(int(r, 1, 12))}${p2(int(r, 1, 28))}`;
const plant = (field: string, text: string, value: string): Planted => ({ field, text, value });
const letters = (r: Rng, n: number, from = UPPER) =>
  Array.from({ length: n }, () => pick(r, [...from])).join('');

const cpf = (r: Rng) =>
  withCheck(
    r,
    () => digits(r, 9),
    Array.from({ length: 100 }, (_, i) => p2(i)),
    v.brCpfValid,
  );
const cnpj = (r: Rng) =>
  withCheck(
    r,
    () => `${digits(r, 8)}0001`,
    Array.from({ length: 100 }, (_, i) => p2(i)),
    v.brCnpjValid,
  );
const curp = (r: Rng) =>
  withCheck(
    r,
    () =>
      `${letters(r, 1)}${pick(r, [...'AEIOU'])}${letters(r, 2)}${ymd(r)}${pick(r, ['H', 'M'])}${pick(r, ['DF', 'JC', 'NL', 'PL'])}${letters(r, 3, 'BCDFGHJKLMNPRSTVZ')}0`,
    [...DIGITS],
    v.mxCurpValid,
  );
const cuit = (r: Rng) =>
  withCheck(r, () => `${pick(r, ['20', '27', '30'])}${digits(r, 8)}`, [...DIGITS], v.arCuitValid);
const rut = (r: Rng) =>
  withCheck(r, () => `${int(r, 10, 25)}.${digits(r, 3)}.${digits(r, 3)}-`, [...'0123456789K'], v.clRutValid);
const ein = (r: Rng) => `${pick(r, ['12', '20', '45', '81', '94'])}-${digits(r, 7)}`;
const tfn = (r: Rng) => withCheck(r, () => digits(r, 8), [...DIGITS], v.auTfnValid);
const ird = (r: Rng) => withCheck(r, () => `${int(r, 10, 14)}${digits(r, 6)}`, [...DIGITS], v.nzIrdValid);
const nric = (r: Rng) =>
  withCheck(r, () => `${pick(r, ['S', 'T', 'F', 'G'])}${digits(r, 7)}`, [...UPPER], v.sgNricValid);
const pan = (r: Rng) =>
  `${letters(r, 3)}${pick(r, [...'PCF'])}${letters(r, 1)}${digits(r, 4)}${letters(r, 1)}`;
const zaId = (r: Rng) => withCheck(r, () => `${ymd(r)}${digits(r, 4)}08`, [...DIGITS], v.zaIdValid);
const rrn = (r: Rng) =>
  withCheck(r, () => `${ymd(r)}-${pick(r, ['1', '2'])}${digits(r, 5)}`, [...DIGITS], v.krRrnValid);
const myNumber = (r: Rng) =>
  withCheck(r, () => `${int(r, 1, 9)}${digits(r, 10)}`, [...DIGITS], v.jpMyNumberValid);
const cnId = (r: Rng) =>
  withCheck(
    r,
    () => `${pick(r, ['110101', '310104', '440305'])}19${ymd(r)}${digits(r, 3)}`,
    [...'0123456789X'],
    v.cnResidentIdValid,
  );
const hkid = (r: Rng) =>
  withCheck(
    r,
    () => `${letters(r, 1)}${digits(r, 6)}(`,
    [...'0123456789A'].map((c) => `${c})`),
    v.hkIdValid,
  );
const ilId = (r: Rng) => withCheck(r, () => digits(r, 8), [...DIGITS], v.ilIdValid);
const mykad = (r: Rng) => `${ymd(r)}-${pick(r, ['01', '10', '14'])}-${digits(r, 4)}`;
const rfc = (r: Rng) => `${letters(r, 4)}${ymd(r)}${letters(r, 2)}${int(r, 0, 9)}`;

export const samples: FamilySamples = {
  'br-cpf': {
    truePositives: [
      (r) => {
        const x = cpf(r);
        const s = `${x.slice(0, 3)}.${x.slice(3, 6)}.${x.slice(6, 9)}-${x.slice(9)}`;
        return plant('cpf', `CPF: ${s}`, s);
      },
      (r) => {
        const x = cpf(r);
        return plant('cpf', `"cpf": "${x}"`, x);
      },
    ],
    nearMisses: [
      (r) => `CPF: ${breakCheck(cpf(r), DIGITS, v.brCpfValid)}`,
      'CPF: 111.111.111-11',
      (r) => `pedido ${cpf(r)}`,
    ],
  },
  'br-cnpj': {
    truePositives: [
      (r) => {
        const x = cnpj(r);
        const s = `${x.slice(0, 2)}.${x.slice(2, 5)}.${x.slice(5, 8)}/${x.slice(8, 12)}-${x.slice(12)}`;
        return plant('cnpj', `CNPJ ${s}`, s);
      },
      (r) => {
        const x = cnpj(r);
        return plant('cnpj', `cnpj=${x}`, x);
      },
    ],
    nearMisses: [(r) => `CNPJ ${breakCheck(cnpj(r), DIGITS, v.brCnpjValid)}`, (r) => `nota ${cnpj(r)}`],
  },
  'mx-curp': {
    truePositives: [
      (r) => {
        const x = curp(r);
        return plant('curp', `CURP: ${x}`, x);
      },
      (r) => {
        const x = curp(r);
        return plant('curp', `"curp": "${x}"`, x);
      },
    ],
    nearMisses: [(r) => `CURP: ${breakCheck(curp(r), DIGITS, v.mxCurpValid)}`, 'curp: XXXX000000HXXXXX00'],
  },
  'mx-rfc': {
    truePositives: [
      (r) => {
        const x = rfc(r);
        return plant('rfc', `RFC: ${x}`, x);
      },
      (r) => {
        const x = rfc(r);
        return plant('rfc', `"rfc": "${x}"`, x);
      },
    ],
    nearMisses: ['RFC: AAAA000000AAA', 'see RFC 3339 for timestamps'],
  },
  'ar-cuit': {
    truePositives: [
      (r) => {
        const x = cuit(r);
        const s = `${x.slice(0, 2)}-${x.slice(2, 10)}-${x.slice(10)}`;
        return plant('cuit', `CUIT: ${s}`, s);
      },
      (r) => {
        const x = cuit(r);
        return plant('cuil', `CUIL ${x}`, x);
      },
    ],
    nearMisses: [(r) => `CUIT: ${breakCheck(cuit(r), DIGITS, v.arCuitValid)}`, (r) => `factura ${cuit(r)}`],
  },
  'cl-rut': {
    truePositives: [
      (r) => {
        const x = rut(r);
        return plant('rut', `RUT: ${x}`, x);
      },
      (r) => {
        const x = rut(r);
        return plant('rut', `"rut": "${x}"`, x);
      },
    ],
    nearMisses: [(r) => `RUT: ${breakCheck(rut(r), '0123456789K', v.clRutValid)}`, (r) => `monto ${rut(r)}`],
  },
  'us-ein': {
    truePositives: [
      (r) => {
        const x = ein(r);
        return plant('ein', `EIN: ${x}`, x);
      },
      (r) => {
        const x = ein(r);
        return plant('fein', `Employer Identification Number ${x}`, x);
      },
    ],
    nearMisses: ['EIN: 07-1234567', (r) => `lot ${ein(r)}`],
  },
  'au-tfn': {
    truePositives: [
      (r) => {
        const x = tfn(r);
        return plant('tfn', `TFN: ${x}`, x);
      },
      (r) => {
        const x = tfn(r);
        return plant('tax_file_number', `"tax_file_number": "${x}"`, x);
      },
    ],
    nearMisses: [(r) => `TFN: ${breakCheck(tfn(r), DIGITS, v.auTfnValid)}`, (r) => `build ${tfn(r)}`],
  },
  'nz-ird': {
    truePositives: [
      (r) => {
        const x = ird(r);
        return plant('ird', `IRD number: ${x}`, x);
      },
      (r) => {
        const x = ird(r);
        return plant('ird', `"ird_number": "${x}"`, x);
      },
    ],
    nearMisses: [(r) => `IRD number: ${breakCheck(ird(r), DIGITS, v.nzIrdValid)}`, (r) => `job ${ird(r)}`],
  },
  'sg-nric': {
    truePositives: [
      (r) => {
        const x = nric(r);
        return plant('nric', `NRIC: ${x}`, x);
      },
      (r) => {
        const x = nric(r);
        return plant('nric', `customer ${x} verified`, x);
      },
    ],
    nearMisses: [(r) => `NRIC: ${breakCheck(nric(r), UPPER, v.sgNricValid)}`, 'NRIC: S0000000A'],
  },
  'in-pan': {
    truePositives: [
      (r) => {
        const x = pan(r);
        return plant('pan', `PAN: ${x}`, x);
      },
      (r) => {
        const x = pan(r);
        return plant('national_id', `E004444,Sven Silva,IND,IND-PAN,${x},CC-7091`, x);
      },
      (r) => {
        const x = pan(r);
        return plant('pan', `"pan_number": "${x}"`, x);
      },
    ],
    nearMisses: ['PAN: AAAAA0000A', 'PAN: ABCDE12345'],
  },
  'za-id': {
    truePositives: [
      (r) => {
        const x = zaId(r);
        return plant('id_number', `ID number: ${x}`, x);
      },
      (r) => {
        const x = zaId(r);
        return plant('sa_id', `RSA ID ${x}`, x);
      },
    ],
    nearMisses: [(r) => `ID number: ${breakCheck(zaId(r), DIGITS, v.zaIdValid)}`, (r) => `ean ${zaId(r)}`],
  },
  'kr-rrn': {
    truePositives: [
      (r) => {
        const x = rrn(r);
        return plant('rrn', `주민등록번호: ${x}`, x);
      },
      (r) => {
        const x = rrn(r);
        return plant('rrn', `RRN ${x}`, x);
      },
    ],
    nearMisses: [(r) => `RRN ${breakCheck(rrn(r), DIGITS, v.krRrnValid)}`, 'RRN 991399-1234567'],
  },
  'jp-my-number': {
    truePositives: [
      (r) => {
        const x = myNumber(r);
        return plant('my_number', `マイナンバー: ${x}`, x);
      },
      (r) => {
        const x = myNumber(r);
        return plant('my_number', `"my_number": "${x}"`, x);
      },
    ],
    nearMisses: [
      (r) => `My Number ${breakCheck(myNumber(r), DIGITS, v.jpMyNumberValid)}`,
      (r) => `order ${myNumber(r)}`,
    ],
  },
  'cn-resident-id': {
    truePositives: [
      (r) => {
        const x = cnId(r);
        return plant('id_card', `身份证号: ${x}`, x);
      },
      (r) => {
        const x = cnId(r);
        return plant('resident_id', `"resident_id": "${x}"`, x);
      },
    ],
    nearMisses: [
      (r) => `身份证号: ${breakCheck(cnId(r), '0123456789X', v.cnResidentIdValid)}`,
      '110101199913321234',
    ],
  },
  'hk-hkid': {
    truePositives: [
      (r) => {
        const x = hkid(r);
        return plant('hkid', `HKID: ${x}`, x);
      },
      (r) => {
        const x = hkid(r);
        return plant('hkid', `"hkid": "${x}"`, x);
      },
    ],
    nearMisses: [(r) => `HKID: ${breakCheck(hkid(r), '0123456789A)', v.hkIdValid)}`, 'HKID: A000000(0)'],
  },
  'il-id': {
    truePositives: [
      (r) => {
        const x = ilId(r);
        return plant('teudat_zehut', `Teudat Zehut: ${x}`, x);
      },
      (r) => {
        const x = ilId(r);
        return plant('teudat_zehut', `מספר זהות ${x}`, x);
      },
    ],
    nearMisses: [
      (r) => `Teudat Zehut: ${breakCheck(ilId(r), DIGITS, v.ilIdValid)}`,
      (r) => `ticket ${ilId(r)}`,
    ],
  },
  'my-nric': {
    truePositives: [
      (r) => {
        const x = mykad(r);
        return plant('mykad', `MyKad: ${x}`, x);
      },
      (r) => {
        const x = mykad(r);
        return plant('nric', `No. K/P ${x}`, x);
      },
    ],
    nearMisses: ['MyKad: 991399-14-1234', (r) => `ref ${mykad(r)}`],
  },
};
