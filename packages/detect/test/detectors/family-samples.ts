import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DetectorSamples, FamilySamples, Planted, Rng } from '../../src/detectors/samples.ts';

const DIR = fileURLToPath(new URL('../../src/detectors/', import.meta.url));

/** Every `<family>.samples.ts` beside the detectors, by family name. */
export const FAMILIES: readonly (readonly [family: string, samples: FamilySamples])[] = await Promise.all(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.samples.ts'))
    .sort()
    .map(async (f) => {
      const mod = (await import(`${DIR}${f}`)) as { samples: FamilySamples };
      return [f.slice(0, -'.samples.ts'.length), mod.samples] as const;
    }),
);

/** The samples of every detector that has them, by detector id. */
export const SAMPLES: Readonly<Record<string, DetectorSamples>> = Object.fromEntries(
  FAMILIES.flatMap(([, s]) => Object.entries(s)),
);

/** One generator over a detector's true positives (each draw picks a carrier), or undefined. */
export function sampleGenerator(id: string): ((rng: Rng) => Planted) | undefined {
  const s = SAMPLES[id];
  if (!s || s.truePositives.length === 0) return undefined;
  return (rng) => s.truePositives[Math.floor(rng() * s.truePositives.length)]!(rng);
}
