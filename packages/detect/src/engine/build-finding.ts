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

function validation(result: boolean | ValidationResult): ValidationResult {
  return typeof result === 'boolean' ? { valid: result } : result;
}

/**
 * The confidence of a candidate, or undefined when it is no match: its validator rejects it,
 * or a required context word is missing. Context words within reach raise the confidence.
 */
export function matchConfidence(
  c: Candidate,
  text: string,
  fieldName: string | undefined,
): number | undefined {
  const d = c.det.detector;
  const before = c.context?.before ?? text.slice(Math.max(0, c.start - CONTEXT_SPAN), c.start).toLowerCase();
  const after = c.context?.after ?? text.slice(c.end, c.end + CONTEXT_SPAN).toLowerCase();
  const ctx: MatchContext = fieldName === undefined ? { before, after } : { before, after, fieldName };
  let confidence = d.baseConfidence;
  if (d.validate) {
    let result: ValidationResult;
    try {
      result = validation(d.validate(c.value, ctx));
    } catch {
      result = { valid: false };
    }
    if (!result.valid) return undefined;
    if (result.confidence !== undefined) confidence = result.confidence;
  }
  const near = `${before.slice(-CONTEXT_NEAR)} ${after.slice(0, CONTEXT_NEAR)}`;
  const field = fieldName?.toLowerCase();
  const hasContext = c.det.contextWords.some((w) => near.includes(w) || field?.includes(w) === true);
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
