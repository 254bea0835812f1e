import { type Candidate, matchConfidence } from './build-finding.ts';
import type { CompiledDetector } from './compiled-detector.ts';
import type { Engine } from './engine.ts';
import type { KeyedValue } from './locator.ts';

/** Field names remembered per engine; past this many, names are tested afresh. */
const MAX_NAMES = 4096;
/** Rejected (name, value) pairs remembered (`changeme`, `\N`, `bearer` repeat down a column). */
const MAX_REJECTED = 8192;
/** Characters of the `name="` a validator sees before the value, as it would in the text. */
const CONTEXT_SPAN = 64;

/**
 * A value every `fieldKeyed` detector accepts under a name that holds a secret: a name under
 * which a detector rejects it (`password_hash`, `token_type`, `reset_token_expires_at`) only
 * describes a secret, and that detector tries none of its values.
 */
export const KEYED_PROBE = 'Xk9#mQ2$vL7pR4tZ';

/**
 * The `fieldKeyed` detectors of an engine and, per field name, those that take the name as a
 * key: its keywords are in `name=` (`api_token=` holds `token=`) and, for a credentials
 * detector, it accepts `KEYED_PROBE` under it (personal data has no probe value: its pattern
 * and validator decide per value). Only they try a value of that field.
 */
export class FieldKeyedDetectors {
  private readonly detectors: readonly CompiledDetector[];
  private readonly byName = new Map<string, readonly CompiledDetector[]>();
  /** Per field name, values every detector rejected; `rejectedCount` in all. */
  private readonly rejected = new Map<string, Set<string>>();
  private rejectedCount = 0;

  constructor(engine: Engine) {
    this.detectors = engine.compiled.filter((c) => c.detector.fieldKeyed === true);
  }

  /** True when some detector may report a value of the field `name`. */
  readonly wanted = (name: string): boolean => this.detectorsFor(name).length > 0;

  private detectorsFor(name: string): readonly CompiledDetector[] {
    let found = this.byName.get(name);
    if (found) return found;
    const key = `${asKey(name).toLowerCase()}=`;
    found = this.detectors.filter(
      (c) =>
        c.detector.keywords.some((k) => key.includes(k)) &&
        (c.detector.category !== 'credentials' || tryValue(c, name, KEYED_PROBE) !== undefined),
    );
    if (this.byName.size >= MAX_NAMES) this.byName.clear();
    this.byName.set(name, found);
    return found;
  }

  private reject(name: string, value: string, known: Set<string> | undefined): void {
    if (this.rejectedCount >= MAX_REJECTED) {
      this.rejected.clear();
      this.rejectedCount = 0;
    }
    let values = this.rejectedCount === 0 ? undefined : known;
    if (!values) {
      values = new Set();
      this.rejected.set(name, values);
    }
    values.add(value);
    this.rejectedCount++;
  }

  /**
   * Adds a candidate for each value that a detector matches and validates as `name="value"`
   * (or `name='value'`), the value whole, at the value's place in the text.
   */
  candidates(values: readonly KeyedValue[], out: Candidate[]): void {
    // A pattern's own match of the same value (the name beside it in the text) is not doubled.
    const matched = new Set<string>();
    for (const c of out) if (c.det.detector.fieldKeyed) matched.add(`${c.start}:${c.det.detector.id}`);
    for (const v of values) {
      const dets = this.detectorsFor(v.name);
      if (dets.length === 0) continue;
      const rejected = this.rejected.get(v.name);
      if (rejected?.has(v.value)) continue;
      let any = false;
      for (const det of dets) {
        const c = tryValue(det, v.name, v.value);
        if (!c) continue;
        any = true;
        if (matched.has(`${v.start}:${det.detector.id}`)) continue;
        c.start = v.start;
        c.end = v.end;
        if (v.field) c.field = v.field;
        out.push(c);
      }
      if (!any) this.reject(v.name, v.value, rejected);
    }
  }
}

/**
 * The candidate of `value` under `name` when `det` matches `name="value"` with the value whole
 * and its validator accepts it there; its span is to be placed by the caller.
 */
function tryValue(det: CompiledDetector, name: string, value: string): Candidate | undefined {
  const q = value.includes('"') ? (value.includes("'") ? '' : "'") : '"';
  if (q === '') return undefined;
  const head = `${asKey(name)}=${q}`;
  const assignment = `${head}${value}${q}`;
  const re = det.regex;
  re.lastIndex = 0;
  for (let m = re.exec(assignment); m !== null; m = re.exec(assignment)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m[det.valueGroup] !== value || m.index + m[0].length < head.length + value.length) continue;
    const c: Candidate = {
      det,
      start: 0,
      end: value.length,
      value,
      context: { before: head.slice(-CONTEXT_SPAN).toLowerCase(), after: q },
    };
    return matchConfidence(c, '', undefined) === undefined ? undefined : c;
  }
  return undefined;
}

/** A header written as prose (`API Key`, `Client secret`) as the identifier a config would use. */
function asKey(name: string): string {
  return name.trim().replace(/\s+/g, '_');
}

const perEngine = new WeakMap<Engine, FieldKeyedDetectors>();

/** The engine's `FieldKeyedDetectors`, made once. */
export function fieldKeyedDetectors(engine: Engine): FieldKeyedDetectors {
  let found = perEngine.get(engine);
  if (!found) {
    found = new FieldKeyedDetectors(engine);
    perEngine.set(engine, found);
  }
  return found;
}
