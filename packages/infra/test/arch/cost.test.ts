import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithSeed } from '../../lib/arch/cost/compare.ts';
import { estimateCost, providerShares } from '../../lib/arch/cost/estimate.ts';
import { loadPrices } from '../../lib/arch/cost/prices.ts';
import { scheduledFraction } from '../../lib/arch/cost/schedule.ts';
import { DEFAULT_USAGE } from '../../lib/arch/cost/usage.ts';
import { readArchitecture } from '../../lib/arch/model.ts';
import { dataAndEdge } from './fixtures/data-edge.ts';
import { networkAndWorker } from './fixtures/fragments.ts';

const prices = loadPrices();
const model = readArchitecture([
  { stackName: 'S', template: { Resources: { ...networkAndWorker.Resources, ...dataAndEdge.Resources } } },
]);

describe('price table', () => {
  it('gives every price a source URL and a date', () => {
    for (const p of Object.values(prices.prices)) {
      expect(p.source).toMatch(/^https:\/\//);
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('rejects a table with a price lacking its source, naming the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prices-'));
    const bad = join(dir, 'prices.json');
    writeFileSync(bad, JSON.stringify({ prices: { 'x.hour': { usd: 1, unit: 'h', date: '2025-01-01' } } }));
    expect(() => loadPrices(bad)).toThrow(/x\.hour: source must be an https URL/);
  });
});

describe('cost estimate', () => {
  const estimate = estimateCost(model, { ...DEFAULT_USAGE, taskHours: { worker: 100 } }, prices);
  const line = (service: string) => estimate.lines.find((l) => l.service === service);

  it('prices a Multi-AZ instance at twice the hours and storage', () => {
    expect(line('RDS db.t3.small Multi-AZ')).toMatchObject({ quantity: 1460, monthly: 52.56 });
    expect(line('RDS gp3 storage Multi-AZ')).toMatchObject({ quantity: 40, monthly: 4.6 });
  });

  it('prices a worker on its usage task-hours and its capacity provider', () => {
    expect(line('ECS Fargate vCPU')).toMatchObject({ priceKey: 'fargate-spot.vcpu', quantity: 25 });
  });

  it('prices one NAT gateway, two cache nodes and public addresses for NAT and load balancer', () => {
    expect(line('NAT gateway')?.monthly).toBe(32.85);
    expect(line('ElastiCache cache.t3.small')).toMatchObject({ quantity: 1460, monthly: 49.64 });
    expect(line('Public IPv4 addresses')?.quantity).toBe(2 * 730);
  });

  it('sums the lines into the total', () => {
    const sum = estimate.lines.reduce((s, l) => s + l.monthly, 0);
    expect(estimate.total).toBeCloseTo(sum, 2);
  });

  it('splits tasks between providers by base, then weight', () => {
    const shares = providerShares({
      desiredCount: 4,
      capacity: [
        { provider: 'FARGATE', base: 2, weight: 1 },
        { provider: 'FARGATE_SPOT', base: 0, weight: 1 },
      ],
    });
    expect(Object.fromEntries(shares)).toEqual({ FARGATE: 0.75, FARGATE_SPOT: 0.25 });
  });
});

describe('seed comparison', () => {
  const estimate = estimateCost(model, DEFAULT_USAGE, prices);

  it('lays our lines into the seed rows and flags the total outside ±10 %', () => {
    const cmp = compareWithSeed(estimate, {
      file: 'x',
      title: 't',
      total: 10,
      rows: [{ label: 'NAT', seed: 32.85, categories: ['nat'] }],
      notes: ['why'],
    });
    expect(cmp.rows[0]).toMatchObject({ label: 'NAT', ours: 32.85 });
    expect(cmp.rows[1]?.label).toBe("Not in the seed's table");
    expect(cmp.withinTarget).toBe(false);
    expect(cmp.differences.at(-1)).toBe('why');
  });

  it('accepts a total inside a seed range', () => {
    const cmp = compareWithSeed(estimate, { file: 'x', title: 't', total: [0, 10_000], rows: [], notes: [] });
    expect(cmp).toMatchObject({ deviation: 0, withinTarget: true });
  });
});

describe('scheduled scaling', () => {
  it('turns an office-hours pair of actions into the fraction of the week a service runs', () => {
    const fraction = scheduledFraction({
      scheduled: [
        { name: 'start', schedule: 'cron(0 7 ? * MON-FRI *)', min: 1, max: 4 },
        { name: 'stop', schedule: 'cron(0 20 ? * MON-FRI *)', min: 0, max: 0 },
      ],
    });
    expect(fraction).toBeCloseTo((13 * 5) / 168, 6);
  });

  it('gives up on schedules of another shape', () => {
    expect(
      scheduledFraction({ scheduled: [{ name: 'x', schedule: 'rate(1 hour)', min: 1, max: 1 }] }),
    ).toBeUndefined();
  });
});

describe('missing prices', () => {
  it('leaves a resource without a price out of the total and says which key to add', () => {
    const t = {
      ...prices,
      prices: Object.fromEntries(Object.entries(prices.prices).filter(([k]) => k !== 'nat.hour')),
    };
    const est = estimateCost(model, DEFAULT_USAGE, t);
    expect(est.lines.some((l) => l.priceKey === 'nat.hour')).toBe(false);
    expect(est.omitted).toContain(
      'NAT gateway (Nat1): no price "nat.hour" in packages/infra/data/prices.json; add it.',
    );
  });
});

describe('seed notes', () => {
  const estimate = estimateCost(model, DEFAULT_USAGE, prices);
  const seed = (notes: string[]) => ({
    file: 'x',
    title: 't',
    total: 1,
    rows: [{ label: 'NAT Gateway (1)', seed: 1, categories: ['nat'] as const }],
    notes,
  });

  it('calls a row that is off explained only by a note that starts with its name and names a price', () => {
    expect(compareWithSeed(estimate, seed([])).unexplained).toEqual([
      'NAT Gateway (1)',
      "Not in the seed's table",
    ]);
    expect(
      compareWithSeed(estimate, seed(['NAT Gateway: it is more than the seed says'])).unexplained,
    ).toContain('NAT Gateway (1)');
    expect(
      compareWithSeed(
        estimate,
        seed(['NAT Gateway: 730 h x $0.045 = $32.85', "Not in the seed's table: $1 of alarms"]),
      ).unexplained,
    ).toEqual([]);
  });
});
