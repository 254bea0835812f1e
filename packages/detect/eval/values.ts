/**
 * The eval's true values and near-misses, gathered from every detector family's samples
 * (`src/detectors/<family>.samples.ts`, found on disk, so a new family needs no edit here).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectors } from '../src/detectors/index.ts';
import type { DetectorSamples, FamilySamples, Planted, Rng } from '../src/detectors/samples.ts';
import { pick, withoutPlaceholders } from './random.ts';

export type { Planted };

type Generator = (rng: Rng) => Planted;

const DETECTORS_DIR = new URL('../src/detectors/', import.meta.url);

/** Every samples file's samples, keyed by detector id (a second file naming an id is an error). */
export async function loadSamples(): Promise<Map<string, DetectorSamples>> {
  const files = readdirSync(fileURLToPath(DETECTORS_DIR))
    .filter((f) => f.endsWith('.samples.ts'))
    .sort();
  const byId = new Map<string, DetectorSamples>();
  for (const file of files) {
    const mod = (await import(new URL(file, DETECTORS_DIR).href)) as { samples?: FamilySamples };
    if (!mod.samples) throw new Error(`${file} exports no samples`);
    for (const [id, s] of Object.entries(mod.samples)) {
      if (byId.has(id)) throw new Error(`samples for ${id} in two files (${file})`);
      byId.set(id, s);
    }
  }
  return byId;
}

/** The samples of every detector, in catalogue order. */
export const SAMPLES: ReadonlyMap<string, DetectorSamples> = await loadSamples();

function oneOf(generators: readonly Generator[]): Generator {
  const [only] = generators;
  if (generators.length === 1 && only) return withoutPlaceholders(only);
  const safe = generators.map(withoutPlaceholders);
  return (rng) => pick(rng, safe)(rng);
}

/** True-value generators, one per detector id (one of its samples' generators, drawn at random). */
export const TRUE_VALUES: Record<string, Generator> = Object.fromEntries(
  detectors.flatMap((d) => {
    const s = SAMPLES.get(d.id);
    return s && s.truePositives.length > 0 ? [[d.id, oneOf(s.truePositives)]] : [];
  }),
);

/** A near-miss: text that must produce no finding at all. */
export interface NearMiss {
  /** The detector whose samples hold it. */
  targets: readonly string[];
  make: (rng: Rng) => string;
}

/** Near-miss generators, keyed `<detector id> #<n>`. */
export const NEAR_MISSES: Record<string, NearMiss> = Object.fromEntries(
  detectors.flatMap((d) =>
    (SAMPLES.get(d.id)?.nearMisses ?? []).map((n, i) => [
      `${d.id} #${i + 1}`,
      { targets: [d.id], make: typeof n === 'string' ? () => n : n },
    ]),
  ),
);
