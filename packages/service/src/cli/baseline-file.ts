import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { ReportObject } from '@data-scanner/detect';
import {
  assertBaselineKey,
  type Baseline,
  type BaselineEntry,
  BaselineError,
  type BaselineIndex,
  createBaseline,
  parseBaseline,
} from '@data-scanner/detect/baseline';

/**
 * Reads a baseline file and checks it was made under `key`. Throws a BaselineError naming the file
 * and the problem (unreadable, not a baseline, another key); never quotes the file's content.
 */
export async function readBaselineFile(file: string, key: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BaselineError(
      `baseline ${file} cannot be read (${code ?? 'error'}); make one with 'data-scanner baseline create'`,
    );
  }
  const baseline = parseBaseline(text, file);
  assertBaselineKey(baseline, key, file);
  return baseline;
}

/**
 * Writes a baseline as indented JSON. Without `force`, an existing file is refused (the `wx` flag
 * checks and creates in one step); with it, the file is replaced whole (written beside, then renamed).
 */
export async function writeBaselineFile(file: string, baseline: Baseline, force: boolean): Promise<void> {
  const text = `${JSON.stringify(baseline, null, 2)}\n`;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    if (force) {
      await writeFile(temp, text);
      await rename(temp, file);
    } else await writeFile(file, text, { flag: 'wx' });
  } catch (err) {
    if (force) await rm(temp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new BaselineError(`${file} already exists; pass --force to replace it`);
    throw new BaselineError(
      `baseline ${file} cannot be written (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

/** One entry per finding of the objects: detector, fingerprint, the object's key (relative to the scanned root) and line. */
export function baselineEntries(objects: readonly ReportObject[]): BaselineEntry[] {
  return objects.flatMap((o) =>
    o.result.findings.map((f) => ({
      detector: f.detector,
      fingerprint: f.fingerprint,
      path: f.location.archive_path ? `${o.key}!${f.location.archive_path}` : o.key,
      line: f.location.line,
    })),
  );
}

/** The objects without the findings whose detector and fingerprint are in the baseline, and how many those were. */
export function applyBaseline(
  objects: readonly ReportObject[],
  index: BaselineIndex,
): { objects: ReportObject[]; suppressed: number } {
  let suppressed = 0;
  const kept = objects.map((o) => {
    const findings = o.result.findings.filter((f) => !index.has(f.detector, f.fingerprint));
    suppressed += o.result.findings.length - findings.length;
    return findings.length === o.result.findings.length ? o : { ...o, result: { ...o.result, findings } };
  });
  return { objects: kept, suppressed };
}

/**
 * The baseline `--baseline-update` writes: this scan's findings (the reported and the suppressed),
 * plus the old entries of places this scan did not read to the end (excluded, failed, partial,
 * skipped or gone), so an unreadable file never drops what was accepted in it. Values no longer
 * found in a place that was read completely are dropped.
 */
export function updatedBaseline(
  old: Baseline,
  objects: readonly ReportObject[],
  key: string,
  now?: Date,
): Baseline {
  const complete = new Set(objects.filter((o) => o.result.status === 'COMPLETE').map((o) => o.key));
  const placeOf = (path: string) => {
    const bang = path.indexOf('!');
    return bang === -1 ? path : path.slice(0, bang);
  };
  const kept = old.entries.filter(
    (e) => e.path === undefined || !(complete.has(e.path) || complete.has(placeOf(e.path))),
  );
  return createBaseline(key, [...kept, ...baselineEntries(objects)], now);
}
