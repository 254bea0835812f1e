import { fingerprint } from '../fingerprint.ts';
import { mask } from '../masking.ts';
import type { Finding, MatchContext, ValidationResult } from '../types.ts';
import type { CompiledDetector } from './compiled-detector.ts';
import type { Engine } from './engine.ts';
import type { FieldInfo } from './locator.ts';

/** Characters of context on each side a validator sees (`MatchContext.before`/`after`). */
const CONTEXT_SPAN = 64;
/** Characters on each side searched for the detector's context words. */
const CONTEXT_NEAR = 30;

/** A pattern match in a chunk: `text[start, end)` is the value. */
export interface Candidate {
  det: CompiledDetector;
  start: number;
  end: number;
  value: string;
  /** The context the validator sees instead of the text around `start` (a value keyed by its field name). */
  context?: { before: string; after: string };
  /** Where the value sits, when its finder knows and no locator does (a SQL value's column). */
  field?: FieldInfo;
}

/**
 * The `MatchContext` of the candidate being validated, its `before` and `after` lower-cased on
 * first read: most candidates are settled by their value alone (a reserved domain, a bad
 * checksum), and slicing and lower-casing 128 characters for each was most of what a scan
 * allocated per match. Validation is synchronous, so one context serves every candidate in turn.
 */
class CandidateContext implements MatchContext {
  private text = '';
  private start = 0;
  private end = 0;
  private lowerBefore: string | undefined;
  private lowerAfter: string | undefined;
  fieldName: string | undefined;

  /** `given`: a candidate's own context (a value keyed by its field name), used as it is. */
  reset(
    text: string,
    start: number,
    end: number,
    fieldName: string | undefined,
    given?: { before: string; after: string },
  ): this {
    this.text = text;
    this.start = start;
    this.end = end;
    this.lowerBefore = given?.before;
    this.lowerAfter = given?.after;
    this.fieldName = fieldName;
    return this;
  }

  get before(): string {
    this.lowerBefore ??= this.text.slice(Math.max(0, this.start - CONTEXT_SPAN), this.start).toLowerCase();
    return this.lowerBefore;
  }

  get after(): string {
    this.lowerAfter ??= this.text.slice(this.end, this.end + CONTEXT_SPAN).toLowerCase();
    return this.lowerAfter;
  }
}

const context = new CandidateContext();

/**
 * The confidence of a candidate, or undefined when it is no match: its validator rejects it,
 * or a required context word is missing. Context words within reach raise the confidence.
 */
export function matchConfidence(
  c: Candidate,
  text: string,
  fieldName: string | undefined,
): number | undefined {
  try {
    return confidenceIn(context.reset(text, c.start, c.end, fieldName, c.context), c, fieldName);
  } finally {
    context.reset('', 0, 0, undefined);
  }
}

function confidenceIn(
  ctx: CandidateContext,
  c: Candidate,
  fieldName: string | undefined,
): number | undefined {
  const d = c.det.detector;
  let confidence = d.baseConfidence;
  if (d.validate) {
    let result: boolean | ValidationResult;
    try {
      result = d.validate(c.value, ctx);
    } catch {
      return undefined;
    }
    if (typeof result === 'boolean') {
      if (!result) return undefined;
    } else {
      if (!result.valid) return undefined;
      if (result.confidence !== undefined) confidence = result.confidence;
    }
  }
  const words = c.det.contextWords;
  if (words.length === 0) return d.requireContext ? undefined : confidence;
  const near = `${ctx.before.slice(-CONTEXT_NEAR)} ${ctx.after.slice(0, CONTEXT_NEAR)}`;
  const field = fieldName?.toLowerCase();
  const hasContext = words.some((w) => near.includes(w) || field?.includes(w) === true);
  if (d.requireContext && !hasContext) return undefined;
  return hasContext ? Math.min(1, confidence + 0.15) : confidence;
}

/**
 * The finding of a candidate that matched (`matchConfidence`), or undefined when the allowlist
 * accepts its value: keyed fingerprint and masked preview. The caller fills the location.
 */
export function buildFinding(engine: Engine, c: Candidate, confidence: number): Finding | undefined {
  const d = c.det.detector;
  const fp = fingerprint(engine.fingerprintKey, c.value);
  if (engine.allowlist.allowsValue(c.value, fp)) return undefined;
  return {
    detector: d.id,
    category: d.category,
    severity: d.severity,
    confidence: Math.round(confidence * 100) / 100,
    location: { byte_start: 0, byte_end: 0, line: 0, column: 0 },
    redacted: mask(c.value, d.mask),
    fingerprint: fp,
  };
}
