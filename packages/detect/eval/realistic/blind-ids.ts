import { chars, DIGITS, int, pick, type Rng, UPPER } from '../random.ts';
import { ascii, luhnDigit, luhnOf } from './blind-pii-values.ts';

/*
 * National and health identifiers for the blind corpus, each with its check digit computed here
 * from the published algorithm, and lookalikes that fail it.
 */

const digitsOf = (s: string) => [...s].map(Number);
const d = (r: Rng, n: number) => chars(r, DIGITS, n);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function usSsn(r: Rng): string {
  for (;;) {
    const area = int(r, 1, 899);
    if (area === 666) continue;
    return `${pad(area, 3)}-${pad(int(r, 1, 99), 2)}-${pad(int(r, 1, 9999), 4)}`;
  }
}

export function ukNino(r: Rng, spaced = false): string {
  const first = 'ABCEGHJKLMNOPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  for (;;) {
    const pre = pick(r, [...first]) + pick(r, [...second]);
    if (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(pre)) continue;
    const n = d(r, 6);
    const suf = pick(r, ['A', 'B', 'C', 'D']);
    return spaced ? `${pre} ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4)} ${suf}` : `${pre}${n}${suf}`;
  }
}

/** ISO 7064 MOD 11,10 check digit (German Steuer-ID). */
export function mod1110(body: string): number {
  let product = 10;
  for (const ch of body) {
    let sum = (Number(ch) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/** Steuer-ID: 11 digits, no leading zero, one digit twice among the first ten, MOD 11,10. */
export function deTaxId(r: Rng): string {
  for (;;) {
    const pool = [...'0123456789'].sort(() => r() - 0.5);
    const twice = pool[0] as string;
    const ten = [...pool.slice(0, 9), twice].sort(() => r() - 0.5);
    if (ten[0] === '0') continue;
    const body = ten.join('');
    return body + mod1110(body);
  }
}

/** 11 digits that fail the Steuer-ID check (a badge or contract number). */
export function notDeTaxId(r: Rng): string {
  for (;;) {
    const v = `${int(r, 1, 9)}${d(r, 10)}`;
    if (mod1110(v.slice(0, 10)) !== Number(v[10])) return v;
  }
}

export function frNir(r: Rng, spaced = true): string {
  const sex = pick(r, ['1', '2']);
  const yy = pad(int(r, 50, 99), 2);
  const mm = pad(int(r, 1, 12), 2);
  const dept = pad(pick(r, [int(r, 1, 19), int(r, 21, 95)]), 2);
  const commune = pad(int(r, 1, 990), 3);
  const order = pad(int(r, 1, 999), 3);
  const body = `${sex}${yy}${mm}${dept}${commune}${order}`;
  const key = pad(97 - Number(BigInt(body) % 97n), 2);
  return spaced ? `${sex} ${yy} ${mm} ${dept} ${commune} ${order} ${key}` : body + key;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
export function esDni(r: Rng): string {
  const n = int(r, 10_000_000, 99_999_999);
  return `${n}${DNI_LETTERS[n % 23]}`;
}
export function esNie(r: Rng): string {
  const lead = pick(r, ['X', 'Y', 'Z']);
  const seven = d(r, 7);
  const n = Number(`${'XYZ'.indexOf(lead)}${seven}`);
  return `${lead}${seven}${DNI_LETTERS[n % 23]}`;
}

const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const cfValue = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65);

export function cfCheck(body15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const v = cfValue(body15[i] as string);
    sum += i % 2 === 0 ? (CF_ODD[v] ?? 0) : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

function cfPart(name: string, isFirst: boolean): string {
  const up = ascii(name).toUpperCase();
  const cons = [...up].filter((c) => !'AEIOU'.includes(c));
  const vow = [...up].filter((c) => 'AEIOU'.includes(c));
  if (isFirst && cons.length >= 4) return `${cons[0]}${cons[2]}${cons[3]}`;
  return [...cons, ...vow, 'X', 'X', 'X'].slice(0, 3).join('');
}

/** Codice fiscale of a person born on `b`. */
export function itCodiceFiscale(
  r: Rng,
  first: string,
  last: string,
  b: [number, number, number],
  female: boolean,
): string {
  const month = 'ABCDEHLMPRST'[b[1] - 1];
  const day = pad(b[2] + (female ? 40 : 0), 2);
  const place = pick(r, ['H501', 'F205', 'F839', 'L219', 'G273', 'A944', 'D612']);
  const body = `${cfPart(last, false)}${cfPart(first, true)}${pad(b[0] % 100, 2)}${month}${day}${place}`;
  return body + cfCheck(body);
}

export function nlBsn(r: Rng): string {
  for (;;) {
    const body = `${int(r, 1, 6)}${d(r, 7)}`;
    const s = digitsOf(body).reduce((acc, v, i) => acc + v * (9 - i), 0);
    const last = s % 11;
    if (last < 10) return body + last;
  }
}

/** Swedish personnummer YYMMDD-NNNC of a person born on `b`. */
export function sePersonnummer(r: Rng, b: [number, number, number]): string {
  const body = `${pad(b[0] % 100, 2)}${pad(b[1], 2)}${pad(b[2], 2)}${d(r, 3)}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return `${body.slice(0, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`;
}

export function plPesel(r: Rng, b: [number, number, number]): string {
  const month = b[1] + (b[0] >= 2000 ? 20 : 0);
  const body = `${pad(b[0] % 100, 2)}${pad(month, 2)}${pad(b[2], 2)}${d(r, 4)}`;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const s = digitsOf(body).reduce((acc, v, i) => acc + v * (w[i] ?? 0), 0);
  return body + ((10 - (s % 10)) % 10);
}

export function brCpf(r: Rng, formatted = true): string {
  for (;;) {
    const body = d(r, 9);
    if (/^(\d)\1+$/.test(body)) continue;
    const dv = (s: string) => {
      const sum = digitsOf(s).reduce((acc, v, i) => acc + v * (s.length + 1 - i), 0);
      const m = sum % 11;
      return m < 2 ? 0 : 11 - m;
    };
    const d1 = dv(body);
    const d2 = dv(body + d1);
    const all = `${body}${d1}${d2}`;
    return formatted ? `${all.slice(0, 3)}.${all.slice(3, 6)}.${all.slice(6, 9)}-${all.slice(9)}` : all;
  }
}

const VD = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VP = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

export function verhoeffValid(n: string): boolean {
  let c = 0;
  const ds = digitsOf(n).reverse();
  for (let i = 0; i < ds.length; i++) c = VD[c]?.[VP[i % 8]?.[ds[i] ?? 0] ?? 0] ?? 0;
  return c === 0;
}

/** Aadhaar: 12 digits, first 2-9, Verhoeff check digit; `NNNN NNNN NNNN` when spaced. */
export function inAadhaar(r: Rng, spaced = true): string {
  const body = `${int(r, 2, 9)}${d(r, 10)}`;
  let c = 0;
  const ds = digitsOf(body).reverse();
  for (let i = 0; i < ds.length; i++) c = VD[c]?.[VP[(i + 1) % 8]?.[ds[i] ?? 0] ?? 0] ?? 0;
  const all = body + VINV[c];
  if (!verhoeffValid(all)) throw new Error('verhoeff');
  return spaced ? `${all.slice(0, 4)} ${all.slice(4, 8)} ${all.slice(8)}` : all;
}

export const inPan = (r: Rng, last: string) =>
  `${chars(r, UPPER, 3)}P${ascii(last)[0]?.toUpperCase() ?? 'K'}${d(r, 4)}${chars(r, UPPER, 1)}`;

export function caSin(r: Rng): string {
  const n = luhnOf(r, String(int(r, 1, 7)), 9);
  return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
}

export function auTfn(r: Rng): string {
  const w = [1, 4, 3, 7, 5, 8, 6, 9];
  for (;;) {
    const body = d(r, 8);
    const s = digitsOf(body).reduce((acc, v, i) => acc + v * (w[i] ?? 0), 0);
    const last = s % 11;
    if (last < 10 && body[0] !== '0') {
      const n = body + last;
      return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    }
  }
}

export function auMedicare(r: Rng): string {
  const w = [1, 3, 7, 9, 1, 3, 7, 9];
  const body = `${int(r, 2, 6)}${d(r, 7)}`;
  const s = digitsOf(body).reduce((acc, v, i) => acc + v * (w[i] ?? 0), 0);
  const n = `${body}${s % 10}${int(r, 1, 9)}`;
  return `${n.slice(0, 4)} ${n.slice(4, 9)} ${n.slice(9)}`;
}

export function ukNhs(r: Rng, spaced = true): string {
  for (;;) {
    const body = `${int(r, 4, 9)}${d(r, 8)}`;
    const s = digitsOf(body).reduce((acc, v, i) => acc + v * (10 - i), 0);
    let c = 11 - (s % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    const n = body + c;
    return spaced ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : n;
  }
}

/** US NPI: 10 digits starting 1 or 2, Luhn over the 80840 prefix. */
export function usNpi(r: Rng): string {
  const body = `${int(r, 1, 2)}${d(r, 8)}`;
  return body + luhnDigit(`80840${body}`);
}

/** Medicare Beneficiary Identifier: the CMS character layout (no S, L, O, I, B, Z). */
export function usMbi(r: Rng): string {
  const a = 'ACDEFGHJKMNPQRTUVWXY';
  const an = `${a}${DIGITS}`;
  const c = (set: string) => pick(r, [...set]);
  return `${int(r, 1, 9)}${c(a)}${c(an)}${int(r, 0, 9)}${c(a)}${c(an)}${int(r, 0, 9)}${c(a)}${c(a)}${int(r, 0, 9)}${int(r, 0, 9)}`;
}

export function chAhv(r: Rng): string {
  const body = `756${d(r, 9)}`;
  const s = digitsOf(body).reduce((acc, v, i) => acc + v * (i % 2 === 0 ? 1 : 3), 0);
  const n = body + ((10 - (s % 10)) % 10);
  return `${n.slice(0, 3)}.${n.slice(3, 7)}.${n.slice(7, 11)}.${n.slice(11)}`;
}
