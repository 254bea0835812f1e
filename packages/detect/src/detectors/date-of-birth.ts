import type { Detector } from '../types.ts';
import { contextHas, re } from './pattern-kit.ts';

const BIRTH_WORDS = [
  'birth',
  'dob',
  'born',
  'd.o.b',
  'birthday',
  'birthdate',
  'dateofbirth',
  'date_of_birth',
];

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  const ok = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return ok && year >= 1900 && d.getTime() <= Date.now();
}

/** True when a matched date is a real calendar date between 1900 and today. */
export function birthDateValid(value: string): boolean {
  const nums = value.match(/[0-9]+/g)?.map(Number) ?? [];
  const word = /[A-Za-z]{3}/.exec(value)?.[0].toLowerCase();
  if (word) {
    const month = MONTHS[word];
    const [a = 0, b = 0] = nums;
    return month !== undefined && (a > 31 ? realDate(a, month, b) : realDate(b, month, a));
  }
  const [a = 0, b = 0, c = 0] = nums;
  if (a > 31) return realDate(a, b, c);
  return realDate(c, b, a) || realDate(c, a, b);
}

const DAY = '(?:0?[1-9]|[12][0-9]|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)[0-9]{2}';
const MON =
  '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-z]{0,6}\\.?';

/** Date of birth: a date reported only next to a birth keyword (`DOB`, `date of birth`, `born`). */
export const dateOfBirth: Detector = {
  id: 'date-of-birth',
  name: 'Date of birth',
  category: 'personal',
  severity: 'medium',
  keywords: ['birth', 'dob', 'born', 'd.o.b'],
  pattern: re(
    `\\b(?:${YEAR}[-/.]${MONTH}[-/.]${DAY}|${DAY}[-/.]${MONTH}[-/.]${YEAR}|${DAY} ${MON},? ${YEAR}|${MON} ${DAY},? ${YEAR})\\b`,
  ),
  validate: (value, ctx) => birthDateValid(value) && contextHas(ctx, BIRTH_WORDS),
  contextWords: ['birth', 'dob', 'born', 'd.o.b', 'birthday', 'date_of_birth', 'birthdate'],
  requireContext: true,
  baseConfidence: 0.8,
  validator: 'a real date from 1900 to today; a birth word on the line',
  example: '`YYYY-MM-DD`, `DD/MM/YYYY` or `Month D, YYYY` beside `DOB`, `date of birth` or `born`',
  mask: { keepStart: 0, keepEnd: 0 },
};

export const dateOfBirthDetectors: readonly Detector[] = [dateOfBirth];
