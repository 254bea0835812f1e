import { breakCheck, DIGITS, digits, int, pick, type Rng, UPPER, withCheck } from '../../eval/random.ts';
import * as v from '../validators/id-checks.ts';
import type { FamilySamples, Planted } from './samples.ts';

const p2 = (n: number) => String(n).padStart(2, '0');
const date6 = (r: Rng) => `${p2(int(r, 1, 28))}${p2(int(r, 1, 12))}${p2(int(r, 40, 99))}`;
const plant = (field: string, text: string, value: string): Planted => ({ field, text, value });

const steuerId = (r: Rng) =>
  withCheck(
    r,
    () => {
      const pool = [...DIGITS].sort(() => r() - 0.5);
      const ten = [pool[0]!, pool[0]!, ...pool.slice(1, 9)].sort(() => r() - 0.5);
      return ten[0] === '0' ? `1${ten.slice(1).join('')}` : ten.join('');
    },
    [...DIGITS],
    v.deTaxIdValid,
  );
const nir = (r: Rng) => {
  const body = `${pick(r, ['1', '2'])}${p2(int(r, 40, 99))}${p2(int(r, 1, 12))}${p2(int(r, 1, 95))}${digits(r, 3)}${digits(r, 3)}`;
  return `${body}${p2(97 - Number(BigInt(body) % 97n))}`;
};
const cf = (r: Rng) =>
  withCheck(
    r,
    () =>
      `${Array.from({ length: 6 }, () => pick(r, [...UPPER])).join('')}${digits(r, 2)}${pick(r, [...'ABCDEHLMPRST'])}${p2(int(r, 1, 28))}${pick(r, [...'ABCDEFGHILM'])}${digits(r, 3)}`,
    [...UPPER],
    v.itCodiceFiscaleValid,
  );
const ptNif = (r: Rng) =>
  withCheck(r, () => `${pick(r, ['1', '2', '5'])}${digits(r, 7)}`, [...DIGITS], v.ptNifValid);
const pesel = (r: Rng) =>
  withCheck(
    r,
    () => `${p2(int(r, 40, 99))}${p2(int(r, 1, 12))}${p2(int(r, 1, 28))}${digits(r, 4)}`,
    [...DIGITS],
    v.plPeselValid,
  );
const personnummer = (r: Rng) =>
  withCheck(
    r,
    () => `${p2(int(r, 40, 99))}${p2(int(r, 1, 12))}${p2(int(r, 1, 28))}-${digits(r, 3)}`,
    [...DIGITS],
    v.sePersonnummerValid,
  );
const fnr = (r: Rng) =>
  withCheck(
    r,
    () => `${date6(r)}${digits(r, 3)}`,
    Array.from({ length: 100 }, (_, i) => p2(i)),
    v.noFodselsnummerValid,
  );
const hetu = (r: Rng) =>
  withCheck(
    r,
    () => `${date6(r)}-${String(int(r, 2, 899)).padStart(3, '0')}`,
    [...'0123456789ABCDEFHJKLMNPRSTUVWXY'],
    v.fiHetuValid,
  );
const beNn = (r: Rng) => {
  const body = `${p2(int(r, 40, 99))}${p2(int(r, 1, 12))}${p2(int(r, 1, 28))}${digits(r, 3)}`;
  return `${body}${p2(97 - (Number(body) % 97))}`;
};
const ahv = (r: Rng) => withCheck(r, () => `756${digits(r, 9)}`, [...DIGITS], v.chAhvValid);
const svnr = (r: Rng) =>
  withCheck(
    r,
    () => `${int(r, 1, 9)}${digits(r, 2)}`,
    [...DIGITS].map((c) => `${c}${date6(r)}`),
    v.atSvnrValid,
  );
const ppsn = (r: Rng) => withCheck(r, () => digits(r, 7), [...'ABCDEFGHIJKLMNOPQRSTUVW'], v.iePpsnValid);
const kimlik = (r: Rng) =>
  withCheck(
    r,
    () => `${int(r, 1, 9)}${digits(r, 8)}`,
    Array.from({ length: 100 }, (_, i) => p2(i)),
    v.trKimlikValid,
  );
const ausweis = (r: Rng) =>
  withCheck(
    r,
    () =>
      Array.from({ length: 9 }, (_, i) =>
        pick(r, [...(i === 0 ? 'CFGHJKLMNPRTVWXYZ' : 'CFGHJKLMNPRTVWXYZ0123456789')]),
      ).join(''),
    [...DIGITS],
    v.dePersonalausweisValid,
  );
const nino = (r: Rng) =>
  `${pick(r, ['AB', 'CE', 'JK', 'PR', 'SW', 'HY'])}${digits(r, 6)}${pick(r, ['A', 'B', 'C', 'D'])}`;
const spaced = (s: string, sizes: number[]) => {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(s.slice(i, i + n));
    i += n;
  }
  return out.join(' ');
};

export const samples: FamilySamples = {
  'uk-nino': {
    truePositives: [
      (r) => {
        const x = nino(r);
        return plant('ni_number', `National Insurance number: ${x}`, x);
      },
      (r) => {
        const x = nino(r);
        const s = `${x.slice(0, 2)} ${x.slice(2, 4)} ${x.slice(4, 6)} ${x.slice(6, 8)} ${x.slice(8)}`;
        return plant('nino', `employee.nino = "${s}"`, s);
      },
    ],
    nearMisses: ['NI number: QQ123456C', 'nino: AB000000A', (r) => `national insurance: GB${digits(r, 6)}A`],
  },
  'de-tax-id': {
    truePositives: [
      (r) => {
        const x = steuerId(r);
        return plant('steuer_id', `Steuer-ID: ${x}`, x);
      },
      (r) => {
        const x = steuerId(r);
        return plant('idnr', `"steueridentifikationsnummer": "${x}"`, x);
      },
    ],
    nearMisses: [
      (r) => `Steuer-ID: ${breakCheck(steuerId(r), DIGITS, v.deTaxIdValid)}`,
      (r) => `order ${steuerId(r)} shipped`,
    ],
  },
  'de-id-card-number': {
    truePositives: [
      (r) => {
        const x = ausweis(r);
        return plant('ausweisnummer', `Ausweisnummer: ${x}`, x);
      },
      (r) => {
        const x = ausweis(r);
        return plant('personalausweis', `Personalausweis-Nr. ${x}`, x);
      },
    ],
    nearMisses: [
      (r) => `Ausweisnummer: ${breakCheck(ausweis(r), DIGITS, v.dePersonalausweisValid)}`,
      'Personalausweis: CCCCCCCCC0',
    ],
  },
  'fr-nir': {
    truePositives: [
      (r) => {
        const x = nir(r);
        const s = spaced(x, [1, 2, 2, 2, 3, 3, 2]);
        return plant('nir', `N° de sécurité sociale : ${s}`, s);
      },
      (r) => {
        const x = nir(r);
        return plant('nir', `NIR=${x}`, x);
      },
    ],
    nearMisses: [(r) => `NIR=${breakCheck(nir(r), DIGITS, v.frNirValid)}`, (r) => `invoice ${nir(r)} paid`],
  },
  'it-codice-fiscale': {
    truePositives: [
      (r) => {
        const x = cf(r);
        return plant('codice_fiscale', `Codice Fiscale: ${x}`, x);
      },
      (r) => {
        const x = cf(r);
        return plant(
          'nationalId',
          pick(r, [`E004222,Rahul Lindqvist,ITA,ITA-CF,${x},CC-5777`, `"nationalId":{"S":"${x}"}`]),
          x,
        );
      },
      (r) => {
        const x = cf(r);
        return plant('codice_fiscale', `"codice_fiscale": "${x}"`, x);
      },
    ],
    nearMisses: [
      (r) => `codice fiscale: ${breakCheck(cf(r), UPPER, v.itCodiceFiscaleValid)}`,
      'codice fiscale: AAAAAA00A00A000A',
    ],
  },
  'pt-nif': {
    truePositives: [
      (r) => {
        const x = ptNif(r);
        return plant('nif', `NIF: ${x}`, x);
      },
      (r) => {
        const x = ptNif(r);
        return plant('contribuinte', `número de contribuinte ${x}`, x);
      },
    ],
    nearMisses: [(r) => `NIF: ${breakCheck(ptNif(r), DIGITS, v.ptNifValid)}`, (r) => `ticket ${ptNif(r)}`],
  },
  'pl-pesel': {
    truePositives: [
      (r) => {
        const x = pesel(r);
        return plant('pesel', `PESEL: ${x}`, x);
      },
      (r) => {
        const x = pesel(r);
        return plant('pesel', `{"pesel": "${x}"}`, x);
      },
    ],
    nearMisses: [
      (r) => `PESEL: ${breakCheck(pesel(r), DIGITS, v.plPeselValid)}`,
      (r) => `id ${pesel(r)} in queue`,
    ],
  },
  'se-personnummer': {
    truePositives: [
      (r) => {
        const x = personnummer(r);
        return plant('personnummer', `Personnummer: ${x}`, x);
      },
      (r) => {
        const x = personnummer(r);
        return plant('national_id', `E004296,Marta Nguyen,SWE,SWE-PN,${x},CC-9027`, x);
      },
      (r) => {
        const x = personnummer(r);
        return plant('pnr', `kund pnr ${x} registrerad`, x);
      },
    ],
    nearMisses: [
      (r) => `Personnummer: ${breakCheck(personnummer(r), DIGITS, v.sePersonnummerValid)}`,
      'personnummer: 991399-1234',
    ],
  },
  'no-fodselsnummer': {
    truePositives: [
      (r) => {
        const x = fnr(r);
        return plant('fodselsnummer', `Fødselsnummer: ${x}`, x);
      },
      (r) => {
        const x = fnr(r);
        return plant('fnr', `fnr=${x}`, x);
      },
    ],
    nearMisses: [
      (r) => `Fødselsnummer: ${breakCheck(fnr(r), DIGITS, v.noFodselsnummerValid)}`,
      (r) => `ref ${fnr(r)}`,
    ],
  },
  'dk-cpr': {
    truePositives: [
      (r) => {
        const x = `${date6(r)}-${digits(r, 4)}`;
        return plant('cpr', `CPR-nr.: ${x}`, x);
      },
      (r) => {
        const x = `${date6(r)}${digits(r, 4)}`;
        return plant('cpr', `"cpr": "${x}"`, x);
      },
    ],
    nearMisses: ['CPR-nr.: 321399-1234', (r) => `sag ${date6(r)}-${digits(r, 4)}`],
  },
  'fi-hetu': {
    truePositives: [
      (r) => {
        const x = hetu(r);
        return plant('hetu', `Henkilötunnus: ${x}`, x);
      },
      (r) => {
        const x = hetu(r);
        return plant('hetu', `asiakas, hetu ${x}`, x);
      },
    ],
    nearMisses: [
      (r) => `hetu ${breakCheck(hetu(r), '0123456789ABCDEFHJKLMNPRSTUVWXY', v.fiHetuValid)}`,
      'hetu 311399-123A',
    ],
  },
  'be-national-number': {
    truePositives: [
      (r) => {
        const x = beNn(r);
        const s = `${x.slice(0, 2)}.${x.slice(2, 4)}.${x.slice(4, 6)}-${x.slice(6, 9)}.${x.slice(9)}`;
        return plant('rijksregisternummer', `Rijksregisternummer: ${s}`, s);
      },
      (r) => {
        const x = beNn(r);
        return plant('niss', `NISS ${x}`, x);
      },
    ],
    nearMisses: [
      (r) => `NISS ${breakCheck(beNn(r), DIGITS, v.beNationalNumberValid)}`,
      (r) => `ref ${beNn(r)}`,
    ],
  },
  'ch-ahv': {
    truePositives: [
      (r) => {
        const x = ahv(r);
        const s = `${x.slice(0, 3)}.${x.slice(3, 7)}.${x.slice(7, 11)}.${x.slice(11)}`;
        return plant('ahv', `AHV-Nr.: ${s}`, s);
      },
      (r) => {
        const x = ahv(r);
        return plant('avs', `"avs": "${x}"`, x);
      },
    ],
    nearMisses: [(r) => `AHV-Nr.: ${breakCheck(ahv(r), DIGITS, v.chAhvValid)}`, 'AHV 756.0000.0000.00'],
  },
  'at-svnr': {
    truePositives: [
      (r) => {
        const x = svnr(r);
        return plant('svnr', `SVNR: ${x}`, x);
      },
      (r) => {
        const x = svnr(r);
        const s = `${x.slice(0, 4)} ${x.slice(4)}`;
        return plant('sozialversicherungsnummer', `Sozialversicherungsnummer ${s}`, s);
      },
    ],
    nearMisses: [(r) => `SVNR: ${breakCheck(svnr(r), DIGITS, v.atSvnrValid)}`, (r) => `order ${svnr(r)}`],
  },
  'ie-ppsn': {
    truePositives: [
      (r) => {
        const x = ppsn(r);
        return plant('ppsn', `PPSN: ${x}`, x);
      },
      (r) => {
        const x = ppsn(r);
        return plant('pps', `"pps_no": "${x}"`, x);
      },
    ],
    nearMisses: [
      (r) => `PPSN: ${breakCheck(ppsn(r), 'ABCDEFGHIJKLMNOPQRSTUVW', v.iePpsnValid)}`,
      (r) => `part ${ppsn(r)}`,
    ],
  },
  'tr-kimlik': {
    truePositives: [
      (r) => {
        const x = kimlik(r);
        return plant('tckn', `TC Kimlik No: ${x}`, x);
      },
      (r) => {
        const x = kimlik(r);
        return plant('tckn', `"tckn": "${x}"`, x);
      },
    ],
    nearMisses: [
      (r) => `TC Kimlik No: ${breakCheck(kimlik(r), DIGITS, v.trKimlikValid)}`,
      (r) => `siparis ${kimlik(r)}`,
    ],
  },
};
