import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { chars, DIGITS, HEX, int, LOWER, pick, type Rng, UPPER } from '../random.ts';
import type { FileBuilder } from './labels.ts';

/*
 * Personal data generated for the blind corpus, with every check digit computed here from the
 * public algorithms (not from the detectors' validators), and the lookalikes that fail them.
 */

const digitsOf = (s: string) => [...s].map(Number);
const d = (r: Rng, n: number) => chars(r, DIGITS, n);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Labels `value` once per file (a second label of the same value could never be credited). */
export function pii(f: FileBuilder, value: string, detector: string): string {
  if (!f.labels.some((l) => l.value === value)) f.pii(value, detector);
  return value;
}

/** Plants a credential once per file. */
export function secret(f: FileBuilder, value: string, kind: string, accept?: readonly string[]): string {
  if (!f.labels.some((l) => l.value === value)) f.plant(value, kind, accept);
  return value;
}

export function luhnDigit(body: string): number {
  let sum = 0;
  const ds = digitsOf(body).reverse();
  for (let i = 0; i < ds.length; i++) {
    let v = ds[i] ?? 0;
    if (i % 2 === 0) v *= 2;
    sum += v > 9 ? v - 9 : v;
  }
  return (10 - (sum % 10)) % 10;
}

export const luhnValid = (n: string) => luhnDigit(n.slice(0, -1)) === Number(n.slice(-1));

/** A number of `length` digits starting with `prefix`, ending in its Luhn check digit. */
export const luhnOf = (r: Rng, prefix: string, length: number) => {
  const body = prefix + d(r, length - prefix.length - 1);
  return body + luhnDigit(body);
};

/** A 13-19 digit number of `length` that fails Luhn (an order id, a receipt number). */
export function notLuhn(r: Rng, prefix: string, length: number): string {
  for (;;) {
    const v = prefix + d(r, length - prefix.length);
    if (!luhnValid(v)) return v;
  }
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover';

export function card(
  r: Rng,
  brand: CardBrand = pick(r, ['visa', 'mastercard', 'amex', 'discover'] as const),
) {
  if (brand === 'visa') return luhnOf(r, '4', 16);
  if (brand === 'mastercard') return luhnOf(r, pick(r, ['51', '52', '53', '54', '55', '2221', '2720']), 16);
  if (brand === 'amex') return luhnOf(r, pick(r, ['34', '37']), 15);
  return luhnOf(r, '6011', 16);
}

export const groupCard = (n: string) =>
  n.length === 15
    ? `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}`
    : (n.match(/.{1,4}/g) ?? []).join(' ');

/** A phone IMEI: 8-digit type allocation code, 6-digit serial, Luhn check digit. */
export const imei = (r: Rng) => luhnOf(r, pick(r, ['35', '86', '01', '99']), 15);

export const ean13 = (r: Rng, prefix = '') => {
  const body = prefix + d(r, 12 - prefix.length);
  const sum = digitsOf(body).reduce((s, v, i) => s + v * (i % 2 === 0 ? 1 : 3), 0);
  return body + ((10 - (sum % 10)) % 10);
};

export const upsTracking = (r: Rng) =>
  `1Z${chars(r, `${UPPER}${DIGITS}`, 6)}${pick(r, ['01', '02', '03', '12', '42'])}${d(r, 8)}`;
export const fedexTracking = (r: Rng) => `${int(r, 2, 7)}${d(r, 11)}`;

const AREA_US = ['212', '415', '312', '617', '206', '303', '512', '646', '718', '202', '404', '713'];

/** National significant numbers per country, drawn until libphonenumber calls them valid. */
const NSN: Record<string, (r: Rng) => string> = {
  GB: (r) =>
    pick(r, [
      () => `7${pick(r, ['4', '5', '7', '8', '9'])}${d(r, 8)}`,
      () => `20${pick(r, ['7', '3', '8'])}${d(r, 7)}`,
      () => `161${int(r, 2, 9)}${d(r, 6)}`,
    ])(),
  DE: (r) =>
    pick(r, [
      () => `15${pick(r, ['1', '2', '7'])}${d(r, 8)}`,
      () => `17${int(r, 0, 9)}${d(r, 7)}`,
      () => `30${int(r, 2, 9)}${d(r, 7)}`,
      () => `89${int(r, 2, 9)}${d(r, 7)}`,
    ])(),
  FR: (r) => `${pick(r, ['6', '7', '1', '4'])}${d(r, 8)}`,
  US: (r) =>
    `${pick(r, AREA_US)}${int(r, 2, 9)}${pick(r, ['0', '2', '3', '4', '6', '7', '8', '9'])}${int(r, 2, 9)}${d(r, 4)}`,
  CA: (r) =>
    `${pick(r, ['416', '604', '514', '403'])}${int(r, 2, 9)}${int(r, 2, 9)}${int(r, 2, 9)}${d(r, 4)}`,
  IN: (r) => `${int(r, 7, 9)}${d(r, 9)}`,
  BR: (r) => `${pick(r, ['11', '21', '31', '41'])}9${int(r, 6, 9)}${d(r, 7)}`,
  ES: (r) => `6${d(r, 8)}`,
  IT: (r) => `3${pick(r, ['2', '3', '4', '9'])}${d(r, 8)}`,
  NL: (r) => `6${int(r, 1, 5)}${d(r, 7)}`,
  AU: (r) => `4${d(r, 8)}`,
  PL: (r) => `${pick(r, ['50', '51', '60', '66', '69', '72', '78', '88'])}${d(r, 7)}`,
  SE: (r) => `7${pick(r, ['0', '2', '3', '6'])}${d(r, 7)}`,
  CH: (r) => `7${pick(r, ['6', '7', '8', '9'])}${d(r, 7)}`,
};

export type Country = keyof typeof NSN;

/** A valid phone number of `country`: its E.164, international and national spellings. */
export function phone(r: Rng, country: Country) {
  const make = NSN[country];
  if (!make) throw new Error(`no phone plan for ${country}`);
  for (;;) {
    const p = parsePhoneNumberFromString(make(r), country as CountryCode);
    if (p?.isValid()) {
      return {
        e164: p.number as string,
        intl: p.formatInternational(),
        national: p.formatNational(),
        nsn: p.nationalNumber as string,
      };
    }
  }
}

/** A public IPv4 address of an ISP range (never private, documentation or reserved). */
export const publicIp = (r: Rng) =>
  `${pick(r, [2, 5, 31, 37, 46, 62, 77, 78, 79, 81, 82, 84, 86, 88, 89, 91, 93, 94, 109, 151, 176, 178, 185, 188, 212, 217])}.${int(r, 1, 254)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;

export const FIRST = [
  'Anna',
  'Lukas',
  'Sophie',
  'Mehmet',
  'Chloé',
  'Rahul',
  'Priya',
  'João',
  'Marta',
  'Oliver',
  'Emma',
  'Jonas',
  'Léa',
  'Mateo',
  'Giulia',
  'Sven',
  'Agnieszka',
  'Daniel',
  'Fatima',
  'Kenji',
];
export const LAST = [
  'Schneider',
  'Dubois',
  'García',
  'Rossi',
  'Kowalski',
  'Jensen',
  'Patel',
  'Silva',
  'Nguyen',
  'Murphy',
  'Okafor',
  'Müller',
  'van Dijk',
  'Lindqvist',
  "O'Brien",
  'Fischer',
  'Moreau',
  'Costa',
  'Iyer',
  'Tanaka',
];
const FREE_MAIL = [
  'gmail.com',
  'outlook.com',
  'yahoo.co.uk',
  'web.de',
  'gmx.de',
  'orange.fr',
  'hotmail.com',
  'icloud.com',
  'proton.me',
  'uol.com.br',
  'rediffmail.com',
  'libero.it',
];

export interface Person {
  first: string;
  last: string;
  email: string;
}

/** `s` without accents and anything but letters, lower case (for email local parts). */
export const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** A generated person with an email at a free-mail provider or at `domain`. */
export function person(r: Rng, domain?: string): Person {
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  const local = pick(r, [
    () => `${ascii(first)}.${ascii(last)}`,
    () => `${ascii(first)[0]}${ascii(last)}${int(r, 1, 99)}`,
    () => `${ascii(first)}${ascii(last)}${int(r, 70, 99)}`,
    () => `${ascii(first)}_${ascii(last)[0]}${int(r, 100, 999)}`,
  ])();
  return { first, last, email: `${local}@${domain ?? pick(r, FREE_MAIL)}` };
}

/** The work address of `p` at `domain`, as directory systems derive it. */
export const workEmail = (p: Person, domain: string) => `${ascii(p.first)}.${ascii(p.last)}@${domain}`;

export const STREETS = [
  'Hauptstraße',
  'Rue de la Paix',
  'High Street',
  'Calle Mayor',
  'Via Roma',
  'Baker Street',
  'Kungsgatan',
  'Main St',
  'Rua Augusta',
  'Keizersgracht',
];
export const street = (r: Rng) => `${int(r, 1, 180)} ${pick(r, STREETS)}`;

/** A birth date from 1950 to 2004 as [year, month, day]. */
export function birth(r: Rng): [number, number, number] {
  return [int(r, 1950, 2004), int(r, 1, 12), int(r, 1, 28)];
}
export const iso = ([y, m, dd]: [number, number, number]) => `${y}-${pad(m, 2)}-${pad(dd, 2)}`;

/* ---------- banking ---------- */

function mod97(numeric: string): number {
  return Number(BigInt(numeric) % 97n);
}
const ibanNumeric = (s: string) =>
  [...s].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');

export function ibanFrom(country: string, bban: string): string {
  const check = 98 - mod97(ibanNumeric(`${bban}${country}00`));
  return `${country}${pad(check, 2)}${bban}`;
}
export const ibanValid = (iban: string) => mod97(ibanNumeric(iban.slice(4) + iban.slice(0, 4))) === 1;
export const paperIban = (iban: string) => (iban.match(/.{1,4}/g) ?? []).join(' ');

const esDc = (ten: string) => {
  const w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
  const s = digitsOf(ten).reduce((acc, v, i) => acc + v * (w[i] ?? 0), 0);
  const c = 11 - (s % 11);
  return c === 11 ? 0 : c === 10 ? 1 : c;
};

const BBAN: Record<string, (r: Rng) => string> = {
  DE: (r) => `${int(r, 1, 8)}${d(r, 7)}${d(r, 10)}`,
  AT: (r) => `${int(r, 1, 9)}${d(r, 4)}${d(r, 11)}`,
  GB: (r) => `${pick(r, ['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL'])}${d(r, 6)}${d(r, 8)}`,
  FR: (r) => {
    const bank = d(r, 5);
    const branch = d(r, 5);
    const account = d(r, 11);
    const key = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
    return `${bank}${branch}${account}${pad(key, 2)}`;
  },
  ES: (r) => {
    const bank = d(r, 4);
    const branch = d(r, 4);
    const account = d(r, 10);
    return `${bank}${branch}${esDc(`00${bank}${branch}`)}${esDc(account)}${account}`;
  },
  NL: (r) => {
    for (;;) {
      const acct = d(r, 10);
      const s = digitsOf(acct).reduce((acc, v, i) => acc + v * (10 - i), 0);
      if (s % 11 === 0) return `${pick(r, ['ABNA', 'RABO', 'INGB', 'SNSB'])}${acct}`;
    }
  },
  BE: (r) => {
    const ten = d(r, 10);
    const k = Number(BigInt(ten) % 97n) || 97;
    return `${ten}${pad(k, 2)}`;
  },
};

export type IbanCountry = keyof typeof BBAN;

export function iban(r: Rng, country: IbanCountry = pick(r, Object.keys(BBAN))): string {
  const make = BBAN[country];
  if (!make) throw new Error(`no BBAN for ${country}`);
  const v = ibanFrom(country, make(r));
  if (!ibanValid(v)) throw new Error('iban');
  return v;
}

/** An IBAN-shaped string with a wrong check (a typo in a form, a truncated copy). */
export function badIban(r: Rng, country: IbanCountry): string {
  const good = iban(r, country);
  const wrong = pad((Number(good.slice(2, 4)) + int(r, 1, 9)) % 97 || 11, 2);
  const v = `${good.slice(0, 2)}${wrong}${good.slice(4)}`;
  return ibanValid(v) ? badIban(r, country) : v;
}

/** A BIC: bank, country, a location code that is not a test one (second character 0), a branch. */
export const bic = (r: Rng, country: string, branch = true) =>
  `${chars(r, UPPER, 4)}${country}${chars(r, `${UPPER}23456789`, 1)}${chars(r, `${UPPER}123456789`, 1)}${branch ? pick(r, ['XXX', `${chars(r, 'ABCDEFGHIJKLMNOPQRSTUVW', 1)}${chars(r, `${UPPER}${DIGITS}`, 2)}`]) : ''}`;

/* ---------- password hashes ---------- */

const CRYPT64 = `./${DIGITS}${UPPER}${LOWER}`;
export const sha512crypt = (r: Rng) => `$6$${chars(r, CRYPT64, 16)}$${chars(r, CRYPT64, 86)}`;
export const yescrypt = (r: Rng) => `$y$j9T$${chars(r, CRYPT64, 22)}$${chars(r, CRYPT64, 43)}`;
export const apr1 = (r: Rng) => `$apr1$${chars(r, CRYPT64, 8)}$${chars(r, CRYPT64, 22)}`;
export const bcrypt = (r: Rng, v = '2y') => `$${v}$${pick(r, ['10', '12'])}$${chars(r, CRYPT64, 53)}`;
/** `{SSHA}` of OpenLDAP: base64 of a 20-byte SHA-1 digest and a 4-byte salt. */
export const ssha = (r: Rng) => `{SSHA}${Buffer.from(chars(r, HEX, 48), 'hex').toString('base64')}`;
/** Apache `{SHA}`: base64 of an unsalted SHA-1 digest. */
export const shaHtpasswd = (r: Rng) => `{SHA}${Buffer.from(chars(r, HEX, 40), 'hex').toString('base64')}`;
export const ntHash = (r: Rng) => chars(r, '0123456789ABCDEF', 32);
export const objectId = (r: Rng) => chars(r, HEX, 24);

/* ---------- writing ---------- */

export const pad2 = (n: number) => String(n).padStart(2, '0');
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** A CSV row, cells quoted only when they must be. */
export const csvRow = (cells: readonly (string | number)[]) => cells.map((c) => csvCell(String(c))).join(',');
/** A `YYYY-MM-DD hh:mm:ss` time in `year`. */
export const stamp = (r: Rng, year = 2024) =>
  `${year}-${pad2(int(r, 1, 11))}-${pad2(int(r, 1, 28))} ${pad2(int(r, 0, 23))}:${pad2(int(r, 0, 59))}:${pad2(int(r, 0, 59))}`;

/** A phone number as people and systems type it, labelled `phone-number`. */
export function tel(f: FileBuilder, country: Country): string {
  const r = f.rng;
  const p = phone(r, country);
  const national = p.national;
  const variants: (() => string)[] = [() => p.intl, () => p.e164, () => national];
  if (country === 'DE') {
    const area = p.nsn.startsWith('1') ? 3 : 2;
    variants.push(
      () => `0${p.nsn.slice(0, area)}/${p.nsn.slice(area)}`,
      () => `+49 (0)${p.nsn.slice(0, area)} ${p.nsn.slice(area)}`,
    );
  }
  if (country === 'GB') variants.push(() => `+44 (0)${national.slice(1)}`);
  if (country === 'FR') variants.push(() => national.replace(/ /g, '.'));
  if (country === 'US' || country === 'CA')
    variants.push(
      () => `${p.nsn.slice(0, 3)}-${p.nsn.slice(3, 6)}-${p.nsn.slice(6)}`,
      () => `+1 (${p.nsn.slice(0, 3)}) ${p.nsn.slice(3, 6)}-${p.nsn.slice(6)}`,
    );
  return pii(f, pick(r, variants)(), 'phone-number');
}
/** A date as `YYYYMMDD` (HL7, X12, vCard). */
export const ymd = (b: [number, number, number]) => `${b[0]}${pad2(b[1])}${pad2(b[2])}`;
