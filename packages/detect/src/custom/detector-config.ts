import { readFile } from 'node:fs/promises';
import { detectors as builtins } from '../detectors/index.ts';
import type { Detector, Severity } from '../types.ts';
import { CustomDetectorError, compileCustomDetector, SEVERITIES } from './custom-detector.ts';

/** A detector config file: custom detectors, built-ins turned off, built-ins re-scored. */
export interface DetectorConfig {
  detectors?: unknown[];
  /** Built-in ids to leave out. */
  disable?: string[];
  /** Built-in ids with a new severity and/or base confidence. */
  overrides?: Record<string, { severity?: Severity; confidence?: number }>;
}

const KEYS = new Set(['detectors', 'disable', 'overrides']);

/**
 * Resolves a detector config (parsed JSON) against the built-in catalogue: built-ins minus the
 * disabled ones, with overrides applied, then the custom detectors. Throws a CustomDetectorError
 * listing every problem of every entry; `name` (the file) prefixes the message.
 */
export function loadDetectorConfig(
  config: unknown,
  name = 'detector config',
  catalogue: readonly Detector[] = builtins,
): Detector[] {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new CustomDetectorError(
      ['must be a JSON object with "detectors", "disable" and/or "overrides"'],
      name,
    );
  }
  const c = config as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(c)) if (!KEYS.has(key)) problems.push(`unknown field "${key}"`);
  const ids = new Set(catalogue.map((d) => d.id));
  const disable = new Set<string>();
  if (c.disable !== undefined) {
    if (!Array.isArray(c.disable)) problems.push('disable must be a list of built-in detector ids');
    else
      for (const id of c.disable) {
        if (typeof id === 'string' && ids.has(id)) disable.add(id);
        else problems.push(`disable: "${String(id).slice(0, 100)}" is not a built-in detector id`);
      }
  }
  const overrides = new Map<string, { severity?: Severity; confidence?: number }>();
  if (c.overrides !== undefined) {
    if (c.overrides === null || typeof c.overrides !== 'object' || Array.isArray(c.overrides)) {
      problems.push('overrides must be an object keyed by built-in detector id');
    } else
      for (const [id, o] of Object.entries(c.overrides)) {
        const where = `overrides["${id.slice(0, 100)}"]`;
        if (!ids.has(id)) problems.push(`${where}: not a built-in detector id`);
        if (o === null || typeof o !== 'object' || Array.isArray(o)) {
          problems.push(`${where} must be an object with "severity" and/or "confidence"`);
          continue;
        }
        const { severity, confidence, ...rest } = o as Record<string, unknown>;
        for (const key of Object.keys(rest)) problems.push(`${where}: unknown field "${key}"`);
        if (severity !== undefined && !SEVERITIES.includes(severity as Severity)) {
          problems.push(`${where}.severity must be one of ${SEVERITIES.join(', ')}`);
        }
        if (
          confidence !== undefined &&
          (typeof confidence !== 'number' || !(confidence > 0 && confidence <= 1))
        ) {
          problems.push(`${where}.confidence must be a number above 0 and at most 1`);
        }
        if (disable.has(id)) problems.push(`${where}: the detector is also disabled`);
        overrides.set(id, o as { severity?: Severity; confidence?: number });
      }
  }
  const custom: Detector[] = [];
  if (c.detectors !== undefined) {
    if (!Array.isArray(c.detectors)) problems.push('detectors must be a list of custom detector specs');
    else {
      const seen = new Set<string>();
      for (const [i, spec] of c.detectors.entries()) {
        try {
          const detector = compileCustomDetector(spec, ids);
          if (seen.has(detector.id)) problems.push(`detectors[${i}]: id "${detector.id}" is used twice`);
          seen.add(detector.id);
          custom.push(detector);
        } catch (err) {
          if (!(err instanceof CustomDetectorError)) throw err;
          problems.push(`detectors[${i}]: ${err.message}`);
        }
      }
    }
  }
  if (problems.length > 0) throw new CustomDetectorError(problems, name);
  const resolved = catalogue
    .filter((d) => !disable.has(d.id))
    .map((d) => {
      const o = overrides.get(d.id);
      if (!o) return d;
      return { ...d, severity: o.severity ?? d.severity, baseConfidence: o.confidence ?? d.baseConfidence };
    });
  return [...resolved, ...custom];
}

/** Reads and resolves a detector config file (JSON); errors name the file, never quote its values. */
export async function readDetectorConfigFile(
  file: string,
  catalogue?: readonly Detector[],
): Promise<Detector[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CustomDetectorError(
      [`cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`],
      `detector config ${file}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec(String(err))?.[1];
    throw new CustomDetectorError(
      [`not valid JSON${at === undefined ? '' : ` (at position ${at})`}`],
      `detector config ${file}`,
    );
  }
  return loadDetectorConfig(data, `detector config ${file}`, catalogue);
}
