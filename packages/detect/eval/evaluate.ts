import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectors } from '../src/detectors/index.ts';
import { fingerprint } from '../src/fingerprint.ts';
import { Scanner } from '../src/scanner.ts';
import type { CorpusOptions } from './corpus.ts';
import { writeCorpus } from './generate.ts';

/** Counts and scores of one detector (or of all, for the overall row). */
export interface Score {
  detector: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface EvalResult {
  perDetector: Score[];
  /** Scores per object format (`parquet`, `eml`, `tar.gz`, …), by the object's extension. */
  perFormat: Score[];
  overall: Score;
  objects: number;
  labels: number;
  /** Objects the engine did not finish (status other than COMPLETE), with the reason. */
  incomplete: string[];
}

const KEY = 'eval-fingerprint-key';

function score(detector: string, tp: number, fp: number, fn: number): Score {
  return {
    detector,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/**
 * Writes the labelled corpus to a temporary directory, scans every object with the real
 * Scanner, and matches findings to labels by (object, detector, fingerprint).
 */
export async function runEval(options: CorpusOptions = {}): Promise<EvalResult> {
  const dir = await mkdtemp(join(tmpdir(), 'data-scanner-eval-'));
  try {
    const corpus = await writeCorpus(dir, options);
    const scanner = new Scanner({ fingerprintKey: KEY });
    const expected = new Map<string, string>();
    for (const l of corpus.labels)
      expected.set(`${l.file}\u0000${l.detector}\u0000${fingerprint(KEY, l.value)}`, l.detector);
    const found = new Set<string>();
    const fp = new Map<string, number>();
    const fpByObject = new Map<string, number>();
    const incomplete: string[] = [];
    for (const object of corpus.objects) {
      const result = await scanner.scanObject(createReadStream(join(dir, object)), { name: object });
      if (result.status !== 'COMPLETE') incomplete.push(`${object}: ${result.status} ${result.reason ?? ''}`);
      for (const f of result.findings) {
        const key = `${object}\u0000${f.detector}\u0000${f.fingerprint}`;
        if (expected.has(key)) found.add(key);
        else {
          fp.set(f.detector, (fp.get(f.detector) ?? 0) + 1);
          fpByObject.set(object, (fpByObject.get(object) ?? 0) + 1);
        }
      }
    }
    const perDetector = detectors.map((d) => {
      let tp = 0;
      let fn = 0;
      for (const [key, id] of expected) {
        if (id !== d.id) continue;
        if (found.has(key)) tp++;
        else fn++;
      }
      return score(d.id, tp, fp.get(d.id) ?? 0, fn);
    });
    const sum = (k: 'truePositives' | 'falsePositives' | 'falseNegatives') =>
      perDetector.reduce((n, s) => n + s[k], 0);
    const formatOf = (object: string) => object.slice(object.indexOf('.') + 1);
    const formats = new Map<string, { tp: number; fp: number; fn: number }>();
    const tally = (object: string) => {
      const format = formatOf(object);
      if (!formats.has(format)) formats.set(format, { tp: 0, fp: 0, fn: 0 });
      return formats.get(format)!;
    };
    for (const key of expected.keys()) {
      const t = tally(key.slice(0, key.indexOf('\u0000')));
      if (found.has(key)) t.tp++;
      else t.fn++;
    }
    for (const [object, n] of fpByObject) tally(object).fp += n;
    const perFormat = [...formats]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([format, t]) => score(format, t.tp, t.fp, t.fn));
    return {
      perDetector,
      perFormat,
      overall: score('overall', sum('truePositives'), sum('falsePositives'), sum('falseNegatives')),
      objects: corpus.objects.length,
      labels: expected.size,
      incomplete,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The accuracy targets: overall recall ≥ 0.98 and precision ≥ 0.95, no detector below 0.9. */
export function meetsTargets(result: EvalResult): boolean {
  return (
    result.overall.recall >= 0.98 &&
    result.overall.precision >= 0.95 &&
    result.perDetector.every((s) => s.recall >= 0.9 && s.precision >= 0.9)
  );
}
