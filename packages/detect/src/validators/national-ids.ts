import { verhoeffValid } from './verhoeff.ts';

/** Dutch BSN: 9 digits passing the "elfproef" (weights 9..2 and -1, sum divisible by 11). */
export function bsnValid(value: string): boolean {
  const digits = value.replace(/[\s.-]/g, '');
  if (!/^[0-9]{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * (9 - i);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** The control letter of a Spanish DNI number (0..99999999). */
export function dniLetter(number: number): string {
  return DNI_LETTERS[number % 23] ?? '';
}

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter) with a valid control letter. */
export function dniValid(value: string): boolean {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  const m = /^([XYZ]?)([0-9]{7,8})([A-Z])$/.exec(compact);
  if (!m) return false;
  const [, nie = '', digits = '', letter] = m;
  if (nie && digits.length !== 7) return false;
  if (!nie && digits.length !== 8) return false;
  const number = Number(`${nie ? 'XYZ'.indexOf(nie) : ''}${digits}`);
  return dniLetter(number) === letter;
}

/** Indian Aadhaar: 12 digits, first digit 2-9, Verhoeff check digit. */
export function aadhaarValid(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^[2-9][0-9]{11}$/.test(digits)) return false;
  return verhoeffValid(digits);
}
