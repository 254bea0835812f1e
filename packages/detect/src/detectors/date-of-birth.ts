import type { Detector, MatchContext } from '../types.ts';
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
  'bday',
  'geboren',
  'geburtsdatum',
  'geburtstag',
  'geb',
  'nacimiento',
  'nascita',
  'geboortedatum',
];

/** An HL7 v2 PID segment's field 7 (date/time of birth) starts here: `PID|1||id||name||`. */
const HL7_PID_7 = /(?:^|[^a-z0-9])pid(?:\|[^|\r\n]*){6}\|$/;
/** An X12 DMG segment (demographics) with a `D8` date: `DMG*D8*`. */
const X12_DMG = /(?:^|[^a-z0-9])dmg\*d8\*$/;

/**
 * The JSON key whose string value the date opens, through one type wrapper (Mongo's
 * `"createdAt":{"$date":"` gives `createdat`, DynamoDB's `"dob":{"S":"` gives `dob`).
 */
const JSON_KEY = /"([^"]{1,64})"\s*:\s*(?:\{\s*"[$a-z]{1,8}"\s*:\s*)?"$/;
/** Parts of a key that name a birth date (`customerBirthDate`, `patient_dob`, `Geburtsdatum`). */
const BIRTH_KEY = /birth|(?:^|[^a-z])dob(?:[^a-z]|$)|bday|geburt|geboren|nacimiento|nascita|geboorte/;

/**
 * True when the date is the value of a JSON key that names a birth date, or (not a JSON value) a
 * birth word is on its line or names its field, or it sits in a birth field of HL7 or X12. A
 * record on one line (`{"dob":…,"createdAt":…}`) holds other dates beside the birth word.
 */
function birthContext(ctx: MatchContext): boolean {
  const key = JSON_KEY.exec(ctx.before);
  if (key) return BIRTH_KEY.test(key[1]!);
  return contextHas(ctx, BIRTH_WORDS) || HL7_PID_7.test(ctx.before) || X12_DMG.test(ctx.before);
}

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
  return ok && year > 1900 && d.getTime() <= Date.now();
}

/** True when a matched date is a real calendar date after 1900 (`1900-01-01` stands for none) up to today. */
export function birthDateValid(value: string): boolean {
  const nums = value.match(/[0-9]+/g)?.map(Number) ?? [];
  const word = /[A-Za-z]{3}/.exec(value)?.[0].toLowerCase();
  if (word) {
    const month = MONTHS[word];
    const [a = 0, b = 0] = nums;
    return month !== undefined && (a > 31 ? realDate(a, month, b) : realDate(b, month, a));
  }
  if (nums.length === 1) {
    const n = String(nums[0]);
    return n.length === 8 && realDate(Number(n.slice(0, 4)), Number(n.slice(4, 6)), Number(n.slice(6, 8)));
  }
  const [a = 0, b = 0, c = 0] = nums;
  if (a > 31) return realDate(a, b, c);
  return realDate(c, b, a) || realDate(c, a, b);
}

const DAY = '(?:0?[1-9]|[12][0-9]|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)[0-9]{2}';
const MM = '(?:0[1-9]|1[0-2])';
const DD = '(?:0[1-9]|[12][0-9]|3[01])';
/** A time of day after an ISO date (`T00:00:00.000Z`), left out of the value. */
const ISO_TIME = 'T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,3})?Z?';
const MON =
  '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-z]{0,6}\\.?';

/** Date of birth: a date reported only next to a birth keyword (`DOB`, `date of birth`, `born`). */
export const dateOfBirth: Detector = {
  id: 'date-of-birth',
  name: 'Date of birth',
  category: 'personal',
  severity: 'medium',
  keywords: [
    'birth',
    'dob',
    'born',
    'd.o.b',
    'bday',
    'geboren',
    'geburt',
    'geb.',
    'nacimiento',
    'nascita',
    'geboorte',
    'pid|',
    'dmg*d8*',
  ],
  pattern: re(
    `\\b(${YEAR}[-/.]${MONTH}[-/.]${DAY}|${DAY}[-/.]${DAY}[-/.]${YEAR}|${YEAR}${MM}${DD}|${DAY} ${MON},? ${YEAR}|${MON} ${DAY},? ${YEAR})(?:${ISO_TIME})?\\b`,
  ),
  valueGroup: 1,
  validate: (value, ctx) => birthDateValid(value) && birthContext(ctx),
  contextWords: [
    'birth',
    'dob',
    'born',
    'd.o.b',
    'birthday',
    'date_of_birth',
    'birthdate',
    'bday',
    'geboren',
    'geburt',
    'nacimiento',
    'nascita',
    'geboorte',
  ],
  // The validator holds the context rule: an HL7 or X12 birth field lies beyond the near window.
  fieldKeyed: true,
  baseConfidence: 0.8,
  validator:
    'a real date from 1901 to today; a birth word on the line or in the field name, HL7 PID-7 or X12 DMG',
  example:
    '`YYYY-MM-DD`, `DD/MM/YYYY`, `M/D/YYYY`, `YYYYMMDD` or `Month D, YYYY` beside `DOB`, `date of birth`, `born`, `geboren`, `BDAY`',
  mask: { keepStart: 0, keepEnd: 0 },
};

export const dateOfBirthDetectors: readonly Detector[] = [dateOfBirth];
