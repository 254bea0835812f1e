import { detectors as builtins } from '../detectors/index.ts';
import { compileLinear } from '../engine/compiled-detector.ts';
import type { Category, Detector, Severity } from '../types.ts';
import { shannonEntropy } from '../validators/entropy.ts';
import { CUSTOM_VALIDATOR_NAMES, CUSTOM_VALIDATORS } from './custom-validators.ts';
import { nestedQuantifier } from './nested-quantifier.ts';

/** A user-defined detector, as written in a config file or sent to `POST /detectors`. */
export interface CustomDetectorSpec {
  /** Kebab-case id starting with `custom-` (so it never clashes with a built-in id). */
  id: string;
  /** @default the id */
  name?: string;
  /** @default 'credentials' */
  category?: Category;
  /** @default 'high' */
  severity?: Severity;
  /**
   * Regular expression source, no flags; it runs on V8's linear-time engine, so no
   * backreferences, no lookaround, counted repetition up to 16, and no nested repetition.
   */
  pattern: string;
  /** Capture group holding the value. @default 0 (the whole match) */
  valueGroup?: number;
  /** At least one literal (matched case-insensitively); the pattern only runs near one. */
  keywords: string[];
  /** Minimum Shannon entropy of the value in bits per character, 0 to 8. @default none */
  entropy?: number;
  /** A built-in check on the value: one of `CUSTOM_VALIDATOR_NAMES`. @default none */
  validator?: string;
  /** Words near the match (or in the field name) that raise confidence. */
  contextWords?: string[];
  /** Drop a match with no context word nearby. @default false */
  requireContext?: boolean;
  /** Confidence without context, 0 to 1. @default 0.8 */
  confidence?: number;
  /** Regular expressions (same rules as `pattern`); a value matching one is not reported. */
  allowlist?: string[];
}

/** A custom detector spec (or detector config) with problems; `problems` lists every one. */
export class CustomDetectorError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[], subject = 'custom detector') {
    super(`${subject}: ${problems.join('; ')}`);
    this.name = 'CustomDetectorError';
    this.problems = problems;
  }
}

export const CUSTOM_ID_PREFIX = 'custom-';
const ID_SHAPE = /^custom-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CATEGORIES: readonly Category[] = [
  'credentials',
  'financial',
  'personal',
  'national-id',
  'health',
  'network',
];
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const KEYS = new Set([
  'id',
  'name',
  'category',
  'severity',
  'pattern',
  'valueGroup',
  'keywords',
  'entropy',
  'validator',
  'contextWords',
  'requireContext',
  'confidence',
  'allowlist',
]);
const MAX_PATTERN = 1000;
const BUILTIN_IDS: ReadonlySet<string> = new Set(builtins.map((d) => d.id));

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Compiles `source` for a custom detector: the problem as text, or the linear-time RegExp.
 * `what` names the pattern in the message (`pattern`, `allowlist pattern #2`).
 */
function linearPattern(source: string, what: string, flags: string): RegExp | string {
  if (source.length === 0) return `${what} is empty`;
  if (source.length > MAX_PATTERN) return `${what} is longer than ${MAX_PATTERN} characters`;
  try {
    new RegExp(source, flags);
  } catch (err) {
    return `${what} /${source}/ does not compile: ${(err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`;
  }
  const nested = nestedQuantifier(source);
  if (nested !== undefined) {
    return `${what} /${source}/ can backtrack catastrophically: the repeated group ${nested} repeats inside itself; repeat its body once (\`(?:ab)+\` rather than \`(a+b?)+\`)`;
  }
  try {
    return compileLinear(new RegExp(source, flags));
  } catch {
    return `${what} /${source}/ cannot run in linear time (V8's linear engine refuses it): no backreferences, no lookahead or lookbehind, and counted repetition at most 16 (\`[a-z]{16}[a-z]{16}\` instead of \`[a-z]{32}\`)`;
  }
}

/**
 * Checks a custom detector spec and returns it as a Detector whose pattern runs on V8's
 * linear-time engine (so no input can make it backtrack). Throws a CustomDetectorError listing
 * every problem; `builtinIds` are the ids it must not take (@default the built-in catalogue's).
 */
export function compileCustomDetector(
  spec: unknown,
  builtinIds: ReadonlySet<string> = BUILTIN_IDS,
): Detector {
  const problems: string[] = [];
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new CustomDetectorError(['must be an object']);
  }
  const s = spec as Record<string, unknown>;
  for (const key of Object.keys(s)) if (!KEYS.has(key)) problems.push(`unknown field "${key}"`);
  const id = typeof s.id === 'string' ? s.id : '';
  if (typeof s.id !== 'string' || s.id.length === 0) problems.push('id is missing');
  else if (builtinIds.has(id)) problems.push(`id "${id}" is a built-in detector's id`);
  else if (!ID_SHAPE.test(id) || id.length > 64) {
    problems.push(
      `id "${id.slice(0, 100)}" must be kebab-case, start with "${CUSTOM_ID_PREFIX}" and be at most 64 characters`,
    );
  }
  if (s.name !== undefined && (typeof s.name !== 'string' || s.name.length === 0 || s.name.length > 200)) {
    problems.push('name must be a string of 1 to 200 characters');
  }
  if (s.category !== undefined && !CATEGORIES.includes(s.category as Category)) {
    problems.push(`category must be one of ${CATEGORIES.join(', ')}`);
  }
  if (s.severity !== undefined && !SEVERITIES.includes(s.severity as Severity)) {
    problems.push(`severity must be one of ${SEVERITIES.join(', ')}`);
  }
  let regex: RegExp | undefined;
  if (typeof s.pattern !== 'string') problems.push('pattern is missing (a regular expression source)');
  else {
    const compiled = linearPattern(s.pattern, 'pattern', 'g');
    if (typeof compiled === 'string') problems.push(compiled);
    else regex = compiled;
  }
  const valueGroup = s.valueGroup ?? 0;
  if (!Number.isInteger(valueGroup) || (valueGroup as number) < 0)
    problems.push('valueGroup must be a whole number ≥ 0');
  else if (regex) {
    const groups = new RegExp(`${regex.source}|`).exec('')!.length - 1;
    if ((valueGroup as number) > groups)
      problems.push(`valueGroup ${valueGroup} is past the pattern's ${groups} capture groups`);
  }
  if (!isStringList(s.keywords) || s.keywords.length === 0) {
    problems.push('keywords are missing: at least one literal the value always sits near (the prefilter)');
  } else if (s.keywords.some((k) => k.trim().length < 2 || k.length > 100)) {
    problems.push('each keyword must be 2 to 100 characters');
  }
  if (s.entropy !== undefined && (typeof s.entropy !== 'number' || !(s.entropy >= 0 && s.entropy <= 8))) {
    problems.push('entropy floor must be a number of bits per character from 0 to 8');
  }
  const validator = typeof s.validator === 'string' ? CUSTOM_VALIDATORS[s.validator] : undefined;
  if (s.validator !== undefined && !validator) {
    problems.push(
      `unknown validator "${String(s.validator).slice(0, 50)}": use one of ${CUSTOM_VALIDATOR_NAMES.join(', ')}`,
    );
  }
  if (s.contextWords !== undefined && !isStringList(s.contextWords))
    problems.push('contextWords must be a list of strings');
  if (s.requireContext !== undefined && typeof s.requireContext !== 'boolean')
    problems.push('requireContext must be true or false');
  if (s.requireContext === true && !(isStringList(s.contextWords) && s.contextWords.length > 0)) {
    problems.push('requireContext needs contextWords');
  }
  if (
    s.confidence !== undefined &&
    (typeof s.confidence !== 'number' || !(s.confidence > 0 && s.confidence <= 1))
  ) {
    problems.push('confidence must be a number above 0 and at most 1');
  }
  const allowlist: RegExp[] = [];
  if (s.allowlist !== undefined && !isStringList(s.allowlist))
    problems.push('allowlist must be a list of regular expressions');
  else
    for (const [i, source] of ((s.allowlist as string[] | undefined) ?? []).entries()) {
      const compiled = linearPattern(source, `allowlist pattern #${i + 1}`, '');
      if (typeof compiled === 'string') problems.push(compiled);
      else allowlist.push(compiled);
    }
  if (problems.length > 0)
    throw new CustomDetectorError(problems, id ? `custom detector "${id.slice(0, 100)}"` : undefined);

  const floor = s.entropy as number | undefined;
  const checks: ((value: string) => boolean)[] = [];
  if (validator) checks.push(validator);
  if (floor !== undefined) checks.push((value) => shannonEntropy(value) >= floor);
  if (allowlist.length > 0) checks.push((value) => !allowlist.some((a) => a.test(value)));
  return {
    id,
    name: (s.name as string | undefined) ?? id,
    category: (s.category as Category | undefined) ?? 'credentials',
    severity: (s.severity as Severity | undefined) ?? 'high',
    keywords: [...new Set((s.keywords as string[]).map((k) => k.trim().toLowerCase()))],
    pattern: regex!,
    valueGroup: valueGroup as number,
    ...(checks.length > 0 ? { validate: (value: string) => checks.every((check) => check(value)) } : {}),
    ...(s.contextWords ? { contextWords: s.contextWords as string[] } : {}),
    ...(s.requireContext ? { requireContext: true } : {}),
    baseConfidence: (s.confidence as number | undefined) ?? 0.8,
    description: 'Custom detector',
    validator:
      [s.validator, floor !== undefined ? `entropy ≥ ${floor}` : undefined].filter(Boolean).join(', ') ||
      undefined,
  };
}
