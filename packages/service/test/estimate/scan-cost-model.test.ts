import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { costModelConfig, PROFILES, scanCost, scanCostModel } from '../../src/estimate/scan-cost-model.ts';
import { SCAN_PRICES } from '../../src/estimate/scan-prices.ts';

const INFRA_PRICES = new URL('../../../infra/data/prices.json', import.meta.url);

describe('the scan cost model', () => {
  it("copies the infra cost model's prices exactly", async () => {
    const table = JSON.parse(await readFile(INFRA_PRICES, 'utf8')) as {
      prices: Record<string, { usd: number }>;
    };
    for (const [key, usd] of Object.entries(SCAN_PRICES)) {
      expect(table.prices[key]?.usd, key).toBe(usd);
    }
  });

  it('prices a terabyte on the data-scanner profile from the Fargate task-hours it takes', () => {
    const model = scanCostModel('data-scanner');
    const tb = 1e12;
    // 0.25 vCPU at 50 MB/s per vCPU: 12.5 MB/s, so 22.2 task-hours per TB.
    const hours = tb / model.bytesPerSecond / 3600;
    expect(hours).toBeCloseTo(22.22, 1);
    const taskHour = 0.25 * 0.04048 + 0.5 * 0.004445;
    expect(scanCost(model, 0, tb)).toBeCloseTo(hours * taskHour, 6);
    // A million objects: a GET each, a LIST page per thousand, three queue calls per hundred.
    expect(scanCost(model, 1e6, 0)).toBeCloseTo(0.4 + 0.005 + 0.012, 6);
  });

  it('prices Spot on astro, nothing locally, and refuses an unknown profile or throughput', () => {
    expect(scanCost(scanCostModel('astro'), 0, 1e12)).toBeLessThan(
      scanCost(scanCostModel('data-scanner'), 0, 1e12),
    );
    expect(scanCost(scanCostModel('local'), 1e6, 1e12)).toBe(0);
    expect(PROFILES).toContain('production');
    const problems: string[] = [];
    costModelConfig({ DATA_SCANNER_PROFILE: 'moon' }, problems);
    costModelConfig({ DATA_SCANNER_THROUGHPUT_MBPS: '-3' }, problems);
    expect(problems).toEqual([
      expect.stringContaining(
        "DATA_SCANNER_PROFILE must be one of data-scanner, web-service, tiger, cheetah, production, astro, local, not 'moon'",
      ),
      expect.stringContaining(
        "DATA_SCANNER_THROUGHPUT_MBPS must be a positive number of MB/s per vCPU, not '-3'",
      ),
    ]);
    expect(
      costModelConfig({ DATA_SCANNER_PROFILE: 'production', DATA_SCANNER_THROUGHPUT_MBPS: '100' }, [])
        .bytesPerSecond,
    ).toBe(25e6);
  });
});
