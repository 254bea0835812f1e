import type { Detector, Severity } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { QUOTES, re, rep } from './pattern-kit.ts';

/** A secret whose format is too plain to find alone, bound to the name it is assigned to. */
export interface KeyedSecretSpec {
  id: string;
  name: string;
  severity: Severity;
  /** Lower-case literals, one of which every variable name holds (the prefilter). */
  keywords: string[];
  /** Pattern source of the variable name (spell words with `ci`/`ciAny`); up to 20 name characters may follow. */
  key: string;
  /** Pattern source of the value (counted repetition only, see `rep`). */
  value: string;
  /** Entropy floor in bits per character. @default 3 */
  minEntropy?: number;
  contextWords?: string[];
  /** Documented example values (from vendor docs) that are not secrets. */
  examples?: readonly string[];
  /** @default 0.8 */
  baseConfidence?: number;
  description: string;
  /** A shape for the catalogue listing. @default - a name holding the first keyword, assigned a value */
  example?: string;
}

/** Characters that may continue a value: the value must end before one of them. */
const VALUE_TAIL = '(?:[^A-Za-z0-9_+/=.-]|\\.[^A-Za-z0-9]|\\.?$)';

/** A camelCase or PascalCase identifier (`coinbaseCdp`, `CfnPaymentConnectorValidator`): code, not a key. */
const IDENTIFIER = /^(?:[a-z]+(?:[A-Z][a-z]+)+|(?:[A-Z][a-z]+){2,})$/;

/** A line break, raw or escaped inside a JSON string (a YAML block logged as a message). */
const LINE_BREAK = '(?:\\r?\\n|(?:\\\\r)?\\\\n)';

/**
 * Between the name and the value: a type (`var fooToken string = `), quotes, and an operator of
 * env files, YAML, JSON, code, Makefiles, Logstash, XML elements (`<fooToken>`) and CSV (`,`).
 * Only a YAML block scalar (`key: |`) or an XML element moves the value to the next line.
 */
const ASSIGNMENT = `${QUOTES}(?:[ \\t]{1,4}[A-Za-z][A-Za-z0-9]{0,15})?[ \\t]{0,5}(?:(?:[<>?+.]?=|:{1,3}=|=>|:|>|,)[ \\t]{0,5}|:[ \\t]{0,4}[|>][-+]?[ \\t]{0,4}${LINE_BREAK}[ \\t]{1,16}|>[ \\t]{0,4}${LINE_BREAK}[ \\t]{1,16})${QUOTES}`;

/**
 * A detector for `NAME = value` in env files, YAML, JSON, code and headers, where `NAME` holds
 * the vendor's word and the value has the vendor's shape.
 */
export function keyedSecret(spec: KeyedSecretSpec): Detector {
  const minEntropy = spec.minEntropy ?? 3;
  return {
    id: spec.id,
    name: spec.name,
    category: 'credentials',
    severity: spec.severity,
    keywords: spec.keywords,
    pattern: re(`${spec.key}${rep('[A-Za-z0-9_.-]', 0, 20)}${ASSIGNMENT}(${spec.value})${VALUE_TAIL}`),
    valueGroup: 1,
    validate: (value) =>
      !spec.examples?.includes(value) &&
      !IDENTIFIER.test(value) &&
      looksRandom(value, { minEntropy, minClasses: 1 }),
    contextWords: spec.contextWords ?? [],
    baseConfidence: spec.baseConfidence ?? 0.8,
    mask: { keepStart: 2, keepEnd: 2 },
    description: spec.description,
    validator: 'entropy; not an identifier or a documented example',
    example: spec.example ?? `a name holding "${spec.keywords[0]}" assigned a random value`,
  };
}

/** What a prefixed-token detector needs: the pattern holds the vendor's literal prefix. */
export interface PrefixedTokenSpec {
  id: string;
  name: string;
  severity: Severity;
  keywords: string[];
  /** Pattern source; the value is group 1 when `valueGroup` is set, else the whole match. */
  pattern: string;
  valueGroup?: number;
  /** Characters of the value before its random part (the prefix), skipped by the entropy check. */
  prefixLength: number;
  /** @default 3 */
  minEntropy?: number;
  contextWords?: string[];
  /** Documented example values (from vendor docs) that are not secrets. */
  examples?: readonly string[];
  /** @default 0.9 */
  baseConfidence?: number;
  /** @default prefix plus 2 leading, 4 trailing characters */
  mask?: { keepStart: number; keepEnd: number };
  description: string;
  /** A shape for the catalogue listing. @default - the first keyword and random characters */
  example?: string;
}

/** A detector for a token with a distinctive literal prefix (`shpat_`, `dp.pt.`, `NRAK-`). */
export function prefixedToken(spec: PrefixedTokenSpec): Detector {
  const minEntropy = spec.minEntropy ?? 3;
  const detector: Detector = {
    id: spec.id,
    name: spec.name,
    category: 'credentials',
    severity: spec.severity,
    keywords: spec.keywords,
    pattern: re(spec.pattern),
    validate: (value) =>
      !spec.examples?.includes(value) &&
      looksRandom(value.slice(spec.prefixLength), { minEntropy, minClasses: 1 }),
    contextWords: spec.contextWords ?? [],
    baseConfidence: spec.baseConfidence ?? 0.9,
    mask: spec.mask ?? { keepStart: Math.min(spec.prefixLength + 2, 12), keepEnd: 4 },
    description: spec.description,
    validator: 'entropy of the random part; not a documented example',
    example: spec.example ?? `"${spec.keywords[0]}" then random characters`,
  };
  if (spec.valueGroup !== undefined) detector.valueGroup = spec.valueGroup;
  return detector;
}
