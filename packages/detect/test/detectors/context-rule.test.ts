import { describe, expect, it } from 'vitest';
import { createRng } from '../../eval/random.ts';
import { TRUE_VALUES } from '../../eval/values.ts';
import { detectors } from '../../src/detectors/index.ts';
import { findingFor, scan } from './helpers.ts';

const standalone = detectors.filter((d) => !d.requireContext && (d.contextWords ?? []).length > 0);

/** Detectors whose value stands on its own (keyword-anchored and multi-line ones are covered in context.test.ts). */
describe('a context word next to a value raises its confidence', () => {
  it.each(standalone.map((d) => [d.id, d] as const))('%s', async (id, d) => {
    const generate = TRUE_VALUES[id];
    if (!generate) throw new Error(`no generator for ${id}`);
    const rng = createRng(31337);
    let compared = 0;
    for (let i = 0; i < 6 && compared < 3; i++) {
      const { value } = generate(rng);
      if (value.includes('\n')) continue;
      const plain = findingFor(await scan(`ref ${value}\n`), id, value);
      if (!plain) continue;
      const word = d.contextWords?.[0] ?? '';
      const withWord = findingFor(await scan(`${word} ${value}\n`), id, value);
      expect(withWord?.confidence, `${id} with "${word}"`).toBeGreaterThan(plain.confidence);
      compared++;
    }
    const sample = generate(createRng(1)).value;
    const anchored = d.keywords.length > 0 && !d.keywords.some((k) => sample.toLowerCase().includes(k));
    if (!anchored && !sample.includes('\n'))
      expect(compared, `${id}: a bare value should be found`).toBeGreaterThan(0);
  });
});
