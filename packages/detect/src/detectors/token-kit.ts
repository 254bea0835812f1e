import type { Detector, MatchContext, Severity, ValidationResult } from '../types.ts';
import { looksRandom, type SecretQualityOptions } from '../validators/secret-quality.ts';
import { ciAny, QUOTES, re, rep } from './pattern-kit.ts';

/** What a token detector declares; the builders below turn it into a `Detector`. */
export interface TokenSpec {
  id: string;
  name: string;
  severity: Severity;
  /** Lower-case literals, at least one of which every match holds (the prefilter). */
  keywords: string[];
  contextWords: string[];
  description: string;
  /** What the validator checks, for the catalogue listing. @default 'entropy' */
  validator?: string;
  /** The value's shape for the catalogue listing, never a live-looking value. */
  example: string;
  baseConfidence?: number;
  mask?: { keepStart: number; keepEnd: number };
  /** Entropy floor of the random part (the value after `randomFrom` characters). */
  quality?: SecretQualityOptions;
  /** Where the random part starts in the value. @default 0 */
  randomFrom?: number;
  /** A structural check (checksum, decode) beside the entropy floor. */
  check?: (value: string, ctx: MatchContext) => boolean | ValidationResult;
  /** For long tokens that open with their keyword (see `Detector.span`). */
  span?: Detector['span'];
}

/**
 * `source` with every counted repetition of a character class (`[a-f0-9]{64}`, `[A-Z]{12,20}`)
 * spelled with `rep`, so specs read like the formats they describe and still compile under the
 * linear-time engine (counts up to 16).
 */
export function counted(source: string): string {
  return source.replace(
    /(\[(?:\\.|[^\]\\])*\])\{(\d+)(?:,(\d+))?\}/g,
    (_, cls: string, min: string, max?: string) =>
      rep(cls, Number(min), max === undefined ? Number(min) : Number(max)),
  );
}

/** Value characters of a token: what may not follow it (`[A-Za-z0-9_-]` by default). */
const TOKEN_TAIL = 'A-Za-z0-9_-';

function validator(spec: TokenSpec): Detector['validate'] {
  return (value, ctx) => {
    if (!looksRandom(value.slice(spec.randomFrom ?? 0), spec.quality)) return false;
    return spec.check ? spec.check(value, ctx) : true;
  };
}

function detector(spec: TokenSpec, pattern: RegExp, valueGroup: number): Detector {
  return {
    id: spec.id,
    name: spec.name,
    category: 'credentials',
    severity: spec.severity,
    keywords: spec.keywords,
    pattern,
    valueGroup,
    validate: validator(spec),
    contextWords: spec.contextWords,
    baseConfidence: spec.baseConfidence ?? 0.9,
    mask: spec.mask ?? { keepStart: 4, keepEnd: 4 },
    description: spec.description,
    validator: spec.validator ?? 'entropy',
    example: spec.example,
    ...(spec.span ? { span: spec.span } : {}),
  };
}

/**
 * A token with a distinctive shape (`token` is regex source starting with its literal prefix).
 * It must start at a word boundary and end where a character outside `tail` (a regex class
 * body) follows, so a longer run is not cut into a token.
 */
export function shapedToken(spec: TokenSpec & { token: string; tail?: string }): Detector {
  const tail = spec.tail ?? TOKEN_TAIL;
  return detector(spec, re(`\\b(${counted(spec.token)})(?:[^${tail}]|$)`), 1);
}

/**
 * A prefix-less secret bound to a name: `<name>...<sep><value>` on one line, as env files,
 * YAML, JSON, TOML, INI and code assignments hold it (`LINODE_TOKEN=...`,
 * `"linode_token": "..."`). `names` are lower-case words matched case-insensitively anywhere
 * in the key; up to 24 key characters may follow the name.
 */
export function assignedSecret(
  spec: TokenSpec & { names: readonly string[]; value: string; tail: string },
): Detector {
  const pattern = re(
    `${ciAny(spec.names)}${rep('[A-Za-z0-9_.-]', 0, 24)}${QUOTES}[ \\t]{0,4}(?:=|:|=>|:=)[ \\t]{0,4}${QUOTES}(${counted(spec.value)})(?:[^${spec.tail}]|$)`,
  );
  return detector({ ...spec, baseConfidence: spec.baseConfidence ?? 0.8 }, pattern, 1);
}

/** A UUID (any version), lower or upper case hex. */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** True when a UUID is not a nil, repeated or sequential placeholder. */
export function uuidLooksReal(value: string): boolean {
  return looksRandom(value.replaceAll('-', ''), { minEntropy: 3, minClasses: 1 });
}
