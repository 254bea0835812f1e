import { createRng } from '../../eval/random.ts';
import { TRUE_VALUES } from '../../eval/values.ts';
import type { Detector } from '../../src/types.ts';
import { acceptedChars } from './regex-steps.ts';

/** A hostile input family: `make(n)` is about `n` characters of the same shape. */
export interface HostileFamily {
  name: string;
  make: (n: number) => string;
  /** Object name, which picks the format. @default 'hostile.txt' */
  file?: string;
}

/**
 * Whole repetitions of `unit`, at least `n` characters: both sizes a test compares end alike, so
 * a value that happens to end where the text is cut does not appear at one size only.
 */
const repeat = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length));

/** Separators tried between partial values, most telling first. */
const SEPARATORS = ['-', '.', '/', '+', '=', '_', ':', '@', '\\', ' ', '\n'];

/** Shapes that stress the engine itself (structural prefilter, windows, markers). */
const GENERIC: HostileFamily[] = [
  { name: 'letters', make: repeat('a') },
  { name: 'digits', make: repeat('4') },
  { name: 'separated digits', make: repeat('1-2 ') },
  { name: 'dotted digits', make: repeat('1.2.') },
  { name: 'hex and colons', make: repeat('1a:2b:') },
  { name: 'colons', make: repeat(':') },
  { name: 'at signs', make: repeat('a@') },
  { name: 'mail-like chain', make: repeat('a@b.') },
  { name: 'url schemes', make: repeat('http://a:') },
  { name: 'keyword storm', make: repeat('password=secret token ') },
  { name: 'unclosed quoted secrets', make: repeat('DB_PASSWORD="a!b@c#d$e%f^g&h*i(j)') },
  { name: 'secret names without values', make: repeat('auth_token_secret_pass_pwd_') },
  { name: 'bearer storm', make: repeat('Bearer Bearer aB3-') },
  { name: 'pem armour without body', make: repeat('-----BEGIN PRIVATE KEY-----\n') },
  { name: 'base64 run', make: repeat('eyJhbGciOi') },
  { name: 'jwt segments split by a word boundary', make: repeat('eyJaaaaaaaa-') },
  { name: 'ignore marker on one long line', make: (n) => `data-scanner:ignore ${repeat('a@b.io ')(n - 20)}` },
  { name: 'candidates on one long line', make: repeat('AKIAAAAAAAAAAAAAAAAA ') },
  {
    name: 'one long JSON string of candidates',
    make: (n) => `{"note": "${repeat('a@b.io eyJ ')(n - 12)}"}`,
    file: 'hostile.json',
  },
  {
    name: 'one long CSV cell of candidates',
    make: (n) => `id,note\n1,"${repeat('a@b.io ""x"" ')(n - 12)}"\n`,
    file: 'hostile.csv',
  },
];

/**
 * Families derived from each detector: its value's prefix repeated (a keyword storm), and the
 * prefix plus a few value characters plus a separator the pattern accepts, repeated with no
 * line break, so that every repetition is a new start position inside one long run.
 */
export function hostileFamilies(detectors: readonly Detector[]): HostileFamily[] {
  const families = [...GENERIC];
  for (const d of detectors) {
    const generate = TRUE_VALUES[d.id];
    if (!generate) continue;
    const { value, text } = generate(createRng(99));
    const at = text.indexOf(value);
    const lead = at > 0 ? text.slice(0, at) : '';
    const lower = value.toLowerCase();
    const keywordEnd = Math.max(
      0,
      ...d.keywords.map((k) => {
        const i = lower.indexOf(k);
        return i === -1 ? 0 : i + k.length;
      }),
    );
    const prefix = keywordEnd > 0 ? value.slice(0, keywordEnd) : lead;
    const body = value.slice(keywordEnd, keywordEnd + 8).replace(/\n/g, '');
    const accepted = acceptedChars(d.pattern.source);
    const seps = SEPARATORS.filter((s) => s === ' ' || accepted.has(s === '\n' ? 'n' : s)).slice(0, 5);
    if (prefix.length > 0) families.push({ name: `${d.id}: prefix storm`, make: repeat(prefix) });
    for (const sep of ['', ...seps]) {
      families.push({
        name: `${d.id}: prefix, value start, ${JSON.stringify(sep)}`,
        make: repeat(`${prefix}${body}${sep}`),
      });
    }
    families.push({
      name: `${d.id}: half values`,
      make: repeat(`${lead}${value.slice(0, Math.ceil(value.length / 2))} `),
    });
  }
  return families;
}
