import type { Candidate } from './build-finding.ts';
import type { CompiledDetector } from './compiled-detector.ts';
import type { Engine } from './engine.ts';
import type { KeyedValue } from './locator.ts';

/** Field names remembered per engine; past this many, names are tested afresh. */
const MAX_NAMES = 4096;
/** Characters of the `name="` a validator sees before the value, as it would in the text. */
const CONTEXT_SPAN = 64;

/**
 * The `fieldKeyed` detectors of an engine and, per field name, those whose keywords the name
 * holds (`api_token=` holds `token=`): the only detectors a value of that field is tried with.
 */
export class FieldKeyedDetectors {
  private readonly detectors: readonly CompiledDetector[];
  private readonly byName = new Map<string, readonly CompiledDetector[]>();

  constructor(engine: Engine) {
    this.detectors = engine.compiled.filter((c) => c.detector.fieldKeyed === true);
  }

  /** True when some detector may report a value of the field `name`. */
  readonly wanted = (name: string): boolean => this.detectorsFor(name).length > 0;

  private detectorsFor(name: string): readonly CompiledDetector[] {
    let found = this.byName.get(name);
    if (found) return found;
    const key = `${name.toLowerCase()}=`;
    found = this.detectors.filter((c) => c.detector.keywords.some((k) => key.includes(k)));
    if (this.byName.size >= MAX_NAMES) this.byName.clear();
    this.byName.set(name, found);
    return found;
  }

  /**
   * Adds a candidate for each value that a detector's pattern matches as `name="value"` (or
   * `name='value'`), the value whole: the validator then judges it as that assignment.
   */
  candidates(values: readonly KeyedValue[], out: Candidate[]): void {
    // A pattern's own match of the same value (the name beside it in the text) is not doubled.
    const matched = new Set<string>();
    for (const c of out) if (c.det.detector.fieldKeyed) matched.add(`${c.start}:${c.det.detector.id}`);
    for (const v of values) {
      const dets = this.detectorsFor(v.name);
      if (dets.length === 0) continue;
      const q = v.value.includes('"') ? (v.value.includes("'") ? '' : "'") : '"';
      if (q === '') continue;
      const head = `${v.name}=${q}`;
      const assignment = `${head}${v.value}${q}`;
      for (const det of dets) {
        const re = det.regex;
        re.lastIndex = 0;
        for (let m = re.exec(assignment); m !== null; m = re.exec(assignment)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          if (m[det.valueGroup] !== v.value || m.index + m[0].length < head.length + v.value.length) continue;
          if (matched.has(`${v.start}:${det.detector.id}`)) break;
          out.push({
            det,
            start: v.start,
            end: v.end,
            value: v.value,
            context: { before: head.slice(-CONTEXT_SPAN).toLowerCase(), after: q },
          });
          break;
        }
      }
    }
  }
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
