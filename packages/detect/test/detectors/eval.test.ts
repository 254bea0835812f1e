import { describe, expect, it } from 'vitest';
import { meetsTargets, runEval } from '../../eval/evaluate.ts';

describe('evaluation on a small generated corpus (every format)', () => {
  it('meets the precision and recall targets overall and per detector', async () => {
    const result = await runEval({ seed: 7, perDetector: 8, nearMissesPer: 6 });
    expect(result.objects).toBe(16);
    const formats = new Map(result.perFormat.map((s) => [s.detector, s]));
    for (const format of ['parquet', 'avro', 'eml', 'mbox']) {
      expect(formats.get(format)?.truePositives, format).toBeGreaterThan(0);
      expect(formats.get(format)?.recall, format).toBeGreaterThanOrEqual(0.98);
      expect(formats.get(format)?.precision, format).toBeGreaterThanOrEqual(0.95);
    }
    expect(result.incomplete).toEqual([]);
    expect(result.labels).toBeGreaterThan(300);
    const weak = result.perDetector.filter((s) => s.precision < 0.9 || s.recall < 0.9).map((s) => s.detector);
    expect(weak).toEqual([]);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.98);
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(meetsTargets(result)).toBe(true);
  }, 60_000);
});
