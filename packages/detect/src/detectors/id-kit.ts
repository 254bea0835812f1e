/**
 * Builders for identifier detectors, so a national id, tax, health or account number is one
 * short value: how it is shaped, how it is checked, and which words must stand near it.
 */
import type { Category, Detector, MatchContext, Severity, ValidationResult } from '../types.ts';
import { ci, ciAny, contextHas, optionalTimes, QUOTES, re, standsAlone } from './pattern-kit.ts';

const escapeRegex = (w: string) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * `contextHas` for a fixed word list as one compiled search: the words as whole words on the
 * match's line (a line break, raw or JSON-escaped, ends it) or in the field name. One regex pass
 * over the line instead of a search per word, since every candidate that passes its check asks.
 */
export function contextMatcher(words: readonly string[]): (ctx: MatchContext) => boolean {
  const word = new RegExp(`(?:^|[^a-z0-9])(?:${words.map(escapeRegex).join('|')})(?![a-z0-9])`);
  return (ctx) => {
    const before = /(?:\n|\\n)((?:(?!\n|\\n)[\s\S])*)$/.exec(ctx.before)?.[1] ?? ctx.before;
    const after = /^((?:(?!\n|\\n)[\s\S])*)/.exec(ctx.after)?.[1] ?? ctx.after;
    return word.test(`${ctx.fieldName?.toLowerCase() ?? ''} ${before} ${after}`);
  };
}

/** What an identifier detector needs besides its shape. */
interface IdSpec {
  id: string;
  name: string;
  category: Category;
  severity: Severity;
  /** Checksum and structure of the matched value. */
  check: (value: string) => boolean;
  /** Words that name the identifier on its line or in its field name. */
  words: readonly string[];
  baseConfidence: number;
  /** What the check covers, for the catalogue listing. */
  validator: string;
  /** Characters of the value the masked preview keeps at its end. @default 3 */
  keepEnd?: number;
  description: string;
  /** A shape description for the catalogue, never a real-looking value. */
  example: string;
}

/**
 * When a context word must stand on the value's line: `always`; `bare` only when the value is
 * digits without separators (a formatted one stands on its own); `never`; or a rule of its own.
 */
export type ContextRule = 'always' | 'bare' | 'never' | ((value: string) => boolean);

/** A keyword-less identifier found around digit runs of at least `minDigits` digits. */
export function structuralId(
  spec: IdSpec & { pattern: string; minDigits: number; context: ContextRule },
): Detector {
  const { check, context } = spec;
  const words = withUnderscores(spec.words);
  const named = contextMatcher(words);
  return {
    id: spec.id,
    name: spec.name,
    category: spec.category,
    severity: spec.severity,
    keywords: [],
    structural: { minDigits: spec.minDigits },
    pattern: re(spec.pattern),
    validate: (value: string, ctx: MatchContext): boolean | ValidationResult => {
      if (!check(value) || !standsAlone(ctx)) return false;
      const hasWord = named(ctx);
      const needs =
        typeof context === 'function'
          ? context(value)
          : context === 'always' || (context === 'bare' && /^[0-9]+$/.test(value));
      if (needs && !hasWord) return false;
      return { valid: true, confidence: Math.min(0.95, spec.baseConfidence + (hasWord ? 0.15 : 0)) };
    },
    contextWords: [...words],
    requireContext: context === 'always',
    baseConfidence: spec.baseConfidence,
    mask: { keepStart: 0, keepEnd: spec.keepEnd ?? 3 },
    description: spec.description,
    validator: spec.validator,
    example: spec.example,
  };
}

/** Each multi-word phrase also as a field name would spell it (`tax file number`, `tax_file_number`). */
function withUnderscores(words: readonly string[]): string[] {
  return [...new Set(words.flatMap((w) => [w, w.replaceAll(' ', '_')]))];
}

/** Up to two words (`number`, `no.`, `card`) and separators (quotes, JSON-escaped or CSV-doubled ones too) between a label and its value. */
const LABEL_GAP = `[^A-Za-z0-9\\n]{0,6}${optionalTimes('[A-Za-z]{1,12}[^A-Za-z0-9\\n]{1,6}', 2)}`;

/**
 * An identifier written after one of its labels (`Passport No: X1234567`, `"vin": "..."`): the
 * labels are the prefilter keywords, and the value must follow its label on the same line.
 */
export function labelledId(
  spec: IdSpec & {
    labels: readonly string[];
    value: string;
    /** What must follow the value. @default a word boundary */
    end?: string;
    /**
     * The label must start a word: follow a character other than a letter, or a small letter
     * when it starts with a capital (`bankBic`). For labels that end common words (`bic` of
     * `ARABIC`). @default false
     */
    wordStart?: boolean;
    /**
     * Another pattern that may stand where the label and gap do (a structure that names the
     * value farther away than the context span): the label is then no required context word.
     */
    orAfter?: string;
  },
): Detector {
  const { check } = spec;
  const labels = ciAny(spec.labels);
  // A label run into a name (`bankBic`) starts with a capital; `?30` (MT940) never is.
  const capitalised = `(?:${spec.labels
    .filter((l) => /^[a-z]/i.test(l))
    .map((l) => `${l[0]?.toUpperCase() ?? ''}${ci(l.slice(1))}`)
    .join('|')})`;
  const label = spec.wordStart ? `(?:(?:^|[^A-Za-z])${labels}|[a-z]${capitalised})` : labels;
  const before = `${label}${LABEL_GAP}${QUOTES}`;
  return {
    id: spec.id,
    name: spec.name,
    category: spec.category,
    severity: spec.severity,
    keywords: spec.labels.map((l) => l.toLowerCase()),
    pattern: re(
      `${spec.orAfter ? `(?:${before}|${spec.orAfter})` : before}(${spec.value})${spec.end ?? '\\b'}`,
    ),
    valueGroup: 1,
    // `CMAKE_Swift_COMPILER`: a value joined to its label by `_` goes on one identifier.
    validate: (value: string, ctx: MatchContext) => check(value) && !ctx.before.endsWith('_'),
    // The label is the context: a value is only ever matched right after it.
    contextWords: [...new Set([...spec.words, ...spec.labels.map((l) => l.toLowerCase())])],
    requireContext: spec.orAfter === undefined,
    baseConfidence: spec.baseConfidence,
    mask: { keepStart: 0, keepEnd: spec.keepEnd ?? 3 },
    description: spec.description,
    validator: spec.validator,
    example: spec.example,
  };
}

/** True when a value names nothing in particular: one character repeated, or a counting run. */
export function fillerValue(value: string): boolean {
  const compact = value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return /^(.)\1+$/.test(compact) || /0123456|1234567|2345678|3456789|ABCDEFG/.test(compact);
}

/** `contextHas` re-exported for detectors that add their own rule. */
export { contextHas };
