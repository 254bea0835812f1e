/**
 * Check digits and date rules of national, tax and health identifiers. Each function takes the
 * value as matched (separators allowed) and answers whether its structure and check hold.
 */
import { luhnValid } from './luhn.ts';

/** The digits of a value, separators dropped. */
export function digitsOf(value: string): string {
  return value.replace(/[^0-9]/g, '');
}

function nums(digits: string): number[] {
  return Array.from(digits, (c) => c.charCodeAt(0) - 48);
}

function weighted(ds: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (ds[i] ?? 0) * weights[i]!;
  return sum;
}

/** True when the digits are all the same (`11111111111`), which no issuer hands out. */
export function oneDigitRepeated(digits: string): boolean {
  return /^([0-9])\1*$/.test(digits);
}

/** True when year/month/day form a real calendar date. */
export function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** German tax id (Steuer-IdNr): 11 digits, ISO 7064 MOD 11,10, one digit repeated in the first ten. */
export function deTaxIdValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[1-9][0-9]{10}$/.test(d)) return false;
  const counts = new Map<string, number>();
  for (const c of d.slice(0, 10)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const repeated = [...counts.values()].filter((n) => n > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  let product = 10;
  for (const n of nums(d.slice(0, 10))) {
    let sum = (n + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === d.charCodeAt(10) - 48;
}

/** French social security number (NIR): sex, year, month, department, commune, order, mod-97 key. */
export function frNirValid(value: string): boolean {
  const compact = value.replace(/[\s.-]/g, '').toUpperCase();
  const m = /^([1-478])([0-9]{2})([0-9]{2})([0-9]{2}|2A|2B)([0-9]{3})([0-9]{3})([0-9]{2})$/.exec(compact);
  if (!m) return false;
  const month = Number(m[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = 97 - Number(BigInt(body) % 97n);
  return key === Number(m[7]);
}

const CF_ODD: Record<string, number> = Object.fromEntries(
  [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [1, 0, 5, 7, 9, 13, 15, 17, 19, 21][i < 10 ? i : i - 10] ??
      [2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23][i - 20]!,
  ]),
);

/** Italian codice fiscale: 16 characters with the odd/even check letter. */
export function itCodiceFiscaleValid(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(v))
    return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = v[i]!;
    sum += i % 2 === 0 ? CF_ODD[c]! : /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === v[15];
}

/** Portuguese tax number (NIF): 9 digits, mod-11 check. */
export function ptNifValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[1235689][0-9]{8}$/.test(d) && !/^(?:45|7[0-9])[0-9]{7}$/.test(d)) return false;
  const r = weighted(nums(d), [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
  return (r < 2 ? 0 : 11 - r) === d.charCodeAt(8) - 48;
}

/** Polish PESEL: 11 digits, a birth date with the century in the month, weighted check. */
export function plPeselValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{11}$/.test(d) || oneDigitRepeated(d)) return false;
  const ds = nums(d);
  const check = (10 - (weighted(ds, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
  if (check !== ds[10]) return false;
  const mm = Number(d.slice(2, 4));
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(mm / 20)];
  if (century === undefined) return false;
  return realDate(century + Number(d.slice(0, 2)), mm % 20, Number(d.slice(4, 6)));
}

/** Swedish personnummer / samordningsnummer: a date (day + 60 for the latter) and a Luhn digit. */
export function sePersonnummerValid(value: string): boolean {
  const m = /^((?:19|20)?)([0-9]{6})[-+ ]?([0-9]{4})$/.exec(value.trim());
  if (!m) return false;
  const ten = m[2]! + m[3]!;
  const mm = Number(ten.slice(2, 4));
  let dd = Number(ten.slice(4, 6));
  if (dd > 60) dd -= 60;
  const year = (m[1] ? Number(m[1]) * 100 : 1900) + Number(ten.slice(0, 2));
  return realDate(year, mm, dd) && luhnValid(ten) && !oneDigitRepeated(m[3]!);
}

/** Norwegian fødselsnummer: a date (D-numbers add 40 to the day) and two mod-11 check digits. */
export function noFodselsnummerValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{11}$/.test(d)) return false;
  const ds = nums(d);
  const k = (w: number[], at: number) => {
    const r = 11 - (weighted(ds, w) % 11);
    return (r === 11 ? 0 : r) === ds[at];
  };
  if (!k([3, 7, 6, 1, 8, 9, 4, 5, 2], 9) || !k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], 10)) return false;
  let dd = Number(d.slice(0, 2));
  if (dd > 40) dd -= 40;
  let mm = Number(d.slice(2, 4));
  if (mm > 40) mm -= 40;
  return realDate(1900 + Number(d.slice(4, 6)), mm, dd);
}

/** Danish CPR number: DDMMYY-SSSS with a real date (the mod-11 rule was dropped in 2007). */
export function dkCprValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{10}$/.test(d) || oneDigitRepeated(d.slice(6))) return false;
  return realDate(1900 + Number(d.slice(4, 6)), Number(d.slice(2, 4)), Number(d.slice(0, 2)));
}

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Finnish henkilötunnus: DDMMYY, century sign, individual number, mod-31 check character. */
export function fiHetuValid(value: string): boolean {
  const m = /^([0-9]{6})([-+ABCDEFUVWXY])([0-9]{3})([0-9A-Y])$/.exec(value.toUpperCase());
  if (!m) return false;
  const century = m[2] === '+' ? 1800 : /[-UVWXY]/.test(m[2]!) ? 1900 : 2000;
  const dmy = m[1]!;
  if (!realDate(century + Number(dmy.slice(4)), Number(dmy.slice(2, 4)), Number(dmy.slice(0, 2))))
    return false;
  return HETU_CHECK[Number(dmy + m[3]) % 31] === m[4];
}

/** Belgian national number (rijksregisternummer): YYMMDD, serial, mod-97 key (with 2 prefixed after 1999). */
export function beNationalNumberValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{11}$/.test(d) || oneDigitRepeated(d)) return false;
  const body = d.slice(0, 9);
  const key = Number(d.slice(9));
  const mm = Number(d.slice(2, 4));
  if (mm > 12 && !(mm >= 20 && mm <= 32) && !(mm >= 40 && mm <= 52)) return false;
  return 97 - (Number(body) % 97) === key || 97 - (Number(`2${body}`) % 97) === key;
}

/** Swiss AHV/AVS number: 756 + 9 digits + an EAN-13 check digit. */
export function chAhvValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^756[0-9]{10}$/.test(d)) return false;
  const ds = nums(d);
  const sum = weighted(ds, [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]);
  return (10 - (sum % 10)) % 10 === ds[12];
}

/** Austrian social insurance number: serial, check digit, date of birth (DDMMYY). */
export function atSvnrValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[1-9][0-9]{9}$/.test(d)) return false;
  const ds = nums(d);
  const check = weighted(ds, [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]) % 11;
  if (check === 10 || check !== ds[3]) return false;
  const dd = Number(d.slice(4, 6));
  const mm = Number(d.slice(6, 8));
  return dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12;
}

/** Irish PPS number: 7 digits, a mod-23 check letter, an optional second letter. */
export function iePpsnValid(value: string): boolean {
  const m = /^([0-9]{7})([A-W])([A-IW]?)$/.exec(value.toUpperCase().replace(/\s/g, ''));
  if (!m) return false;
  let sum = weighted(nums(m[1]!), [8, 7, 6, 5, 4, 3, 2]);
  if (m[3]) sum += (m[3] === 'W' ? 0 : m[3].charCodeAt(0) - 64) * 9;
  const r = sum % 23;
  return (r === 0 ? 'W' : String.fromCharCode(64 + r)) === m[2];
}

/** Turkish identity number (T.C. Kimlik No): 11 digits, two check digits. */
export function trKimlikValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[1-9][0-9]{10}$/.test(d)) return false;
  const ds = nums(d);
  const odd = ds[0]! + ds[2]! + ds[4]! + ds[6]! + ds[8]!;
  const even = ds[1]! + ds[3]! + ds[5]! + ds[7]!;
  if ((((odd * 7 - even) % 10) + 10) % 10 !== ds[9]) return false;
  return ds.slice(0, 10).reduce((a, b) => a + b, 0) % 10 === ds[10];
}

function mod11Digit(ds: readonly number[], weights: readonly number[]): number {
  const r = weighted(ds, weights) % 11;
  return r < 2 ? 0 : 11 - r;
}

/** Brazilian CPF: 11 digits, two mod-11 check digits. */
export function brCpfValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{11}$/.test(d) || oneDigitRepeated(d)) return false;
  const ds = nums(d);
  return (
    mod11Digit(ds, [10, 9, 8, 7, 6, 5, 4, 3, 2]) === ds[9] &&
    mod11Digit(ds, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) === ds[10]
  );
}

/** Brazilian CNPJ: 14 digits, two mod-11 check digits. */
export function brCnpjValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{14}$/.test(d) || oneDigitRepeated(d)) return false;
  const ds = nums(d);
  return (
    mod11Digit(ds, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) === ds[12] &&
    mod11Digit(ds, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) === ds[13]
  );
}

const CURP_CHARS = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/** Mexican CURP: 18 characters, a birth date, and its check digit. */
export function mxCurpValid(value: string): boolean {
  const v = value.toUpperCase();
  if (v.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = CURP_CHARS.indexOf(v[i]!);
    if (n < 0) return false;
    sum += n * (18 - i);
  }
  if ((10 - (sum % 10)) % 10 !== Number(v[17])) return false;
  const yy = Number(v.slice(4, 6));
  return realDate((/[0-9]/.test(v[16]!) ? 1900 : 2000) + yy, Number(v.slice(6, 8)), Number(v.slice(8, 10)));
}

/** Argentine CUIT/CUIL: type prefix, 8 digits, mod-11 check digit. */
export function arCuitValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^(?:20|23|24|27|30|33|34)[0-9]{9}$/.test(d)) return false;
  const ds = nums(d);
  const r = 11 - (weighted(ds, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  const check = r === 11 ? 0 : r;
  return check !== 10 && check === ds[10];
}

/** Chilean RUT/RUN: body and a mod-11 check character (0-9 or K). */
export function clRutValid(value: string): boolean {
  const m = /^([0-9.]{7,11})-?([0-9Kk])$/.exec(value);
  if (!m) return false;
  const body = digitsOf(m[1]!);
  if (body.length < 7 || body.length > 8) return false;
  let sum = 0;
  let w = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += (body.charCodeAt(i) - 48) * w;
    w = w === 7 ? 2 : w + 1;
  }
  const r = 11 - (sum % 11);
  const check = r === 11 ? '0' : r === 10 ? 'K' : String(r);
  return check === m[2]!.toUpperCase();
}

/** US EIN: a campus prefix the IRS assigns and 7 digits. */
export function usEinValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{9}$/.test(d) || oneDigitRepeated(d.slice(2))) return false;
  const prefix = Number(d.slice(0, 2));
  return ![0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97].includes(prefix);
}

/** Australian tax file number: 8 or 9 digits, weighted sum divisible by 11. */
export function auTfnValid(value: string): boolean {
  const d = digitsOf(value);
  if (oneDigitRepeated(d)) return false;
  if (d.length === 9) return weighted(nums(d), [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
  if (d.length === 8) return weighted(nums(d), [10, 7, 8, 4, 6, 3, 5, 1]) % 11 === 0;
  return false;
}

/** Australian Medicare card number: 10 digits (11 with the issue number), first 2-6, check at 9. */
export function auMedicareValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[2-6][0-9]{9,10}$/.test(d)) return false;
  const ds = nums(d);
  return weighted(ds, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === ds[8];
}

/** New Zealand IRD number: 8 or 9 digits, mod-11 with a second weighting when the first gives 10. */
export function nzIrdValid(value: string): boolean {
  let d = digitsOf(value);
  if (d.length === 8) d = `0${d}`;
  if (!/^[0-9]{9}$/.test(d)) return false;
  const n = Number(d);
  if (n < 10_000_000 || n > 150_000_000) return false;
  const ds = nums(d);
  const check = (w: number[]) => {
    const r = weighted(ds, w) % 11;
    return r === 0 ? 0 : 11 - r;
  };
  let c = check([3, 2, 7, 6, 5, 4, 3, 2]);
  if (c === 10) c = check([7, 4, 3, 2, 5, 2, 7, 6]);
  return c !== 10 && c === ds[8];
}

/** Singapore NRIC/FIN (S, T, F, G series): 7 digits and a check letter. */
export function sgNricValid(value: string): boolean {
  const m = /^([STFG])([0-9]{7})([A-Z])$/.exec(value.toUpperCase());
  if (!m) return false;
  let sum = weighted(nums(m[2]!), [2, 7, 6, 5, 4, 3, 2]);
  if (m[1] === 'T' || m[1] === 'G') sum += 4;
  const table = m[1] === 'S' || m[1] === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK';
  return table[sum % 11] === m[3];
}

/** Indian PAN: five letters (the fourth names the holder type), four digits, a letter. */
export function inPanValid(value: string): boolean {
  return /^[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]$/.test(value) && !/^([A-Z])\1{4}/.test(value);
}

/** South African ID number: YYMMDD, gender serial, citizenship 0/1, Luhn digit. */
export function zaIdValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{10}[01][89][0-9]$/.test(d) || !luhnValid(d)) return false;
  return realDate(1900 + Number(d.slice(0, 2)), Number(d.slice(2, 4)), Number(d.slice(4, 6)));
}

/** South Korean resident registration number: YYMMDD-GNNNNNC with its check digit. */
export function krRrnValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{6}[1-8][0-9]{6}$/.test(d)) return false;
  const ds = nums(d);
  const check = (11 - (weighted(ds, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10;
  const century = [1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000][ds[6]!]!;
  return (
    check === ds[12] &&
    realDate(century + Number(d.slice(0, 2)), Number(d.slice(2, 4)), Number(d.slice(4, 6)))
  );
}

/** Japanese individual number (My Number): 12 digits with a mod-11 check digit. */
export function jpMyNumberValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{12}$/.test(d) || oneDigitRepeated(d)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += (d.charCodeAt(11 - n) - 48) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === d.charCodeAt(11) - 48;
}

/** Chinese resident identity card number: region, YYYYMMDD, sequence, ISO 7064 MOD 11-2 check. */
export function cnResidentIdValid(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[1-8][0-9]{16}[0-9X]$/.test(v)) return false;
  const sum = weighted(nums(v.slice(0, 17)), [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  if ('10X98765432'[sum % 11] !== v[17]) return false;
  const year = Number(v.slice(6, 10));
  return year >= 1900 && year <= 2100 && realDate(year, Number(v.slice(10, 12)), Number(v.slice(12, 14)));
}

/** Hong Kong identity card number: one or two letters, six digits, a check digit or A. */
export function hkIdValid(value: string): boolean {
  const m = /^([A-Z]{1,2})([0-9]{6})\(?([0-9A])\)?$/.exec(value.toUpperCase());
  if (!m) return false;
  const letters =
    m[1]!.length === 1 ? [36, m[1]!.charCodeAt(0) - 55] : [...m[1]!].map((c) => c.charCodeAt(0) - 55);
  const sum = letters[0]! * 9 + letters[1]! * 8 + weighted(nums(m[2]!), [7, 6, 5, 4, 3, 2]);
  const r = (11 - (sum % 11)) % 11;
  return (r === 10 ? 'A' : String(r)) === m[3];
}

/** Israeli identity number (Teudat Zehut): 9 digits with a Luhn-style check. */
export function ilIdValid(value: string): boolean {
  const d = digitsOf(value);
  return /^[0-9]{9}$/.test(d) && !oneDigitRepeated(d) && luhnValid(d);
}

/** US National Provider Identifier: 10 digits starting 1 or 2, Luhn over the 80840 prefix. */
export function usNpiValid(value: string): boolean {
  const d = digitsOf(value);
  return /^[12][0-9]{9}$/.test(d) && luhnValid(`80840${d}`);
}

/** US DEA registration number: two letters and seven digits with its check digit. */
export function usDeaValid(value: string): boolean {
  const m = /^[ABCDEFGHJKLMPRSTUX][A-Z9]([0-9]{7})$/.exec(value.toUpperCase());
  if (!m) return false;
  const ds = nums(m[1]!);
  const sum = ds[0]! + ds[2]! + ds[4]! + 2 * (ds[1]! + ds[3]! + ds[5]!);
  return sum % 10 === ds[6];
}

/** German identity card (Personalausweis) serial: nine characters and a 7-3-1 check digit. */
export function dePersonalausweisValid(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}[0-9]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const c = v[i]!;
    const n = /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += n * [7, 3, 1][i % 3]!;
  }
  return sum % 10 === Number(v[9]);
}

/** Malaysian MyKad number: YYMMDD, a place-of-birth code and four digits. */
export function myNricValid(value: string): boolean {
  const d = digitsOf(value);
  if (!/^[0-9]{12}$/.test(d)) return false;
  if (d.slice(6, 8) === '00') return false;
  return realDate(1900 + Number(d.slice(0, 2)), Number(d.slice(2, 4)), Number(d.slice(4, 6)));
}
