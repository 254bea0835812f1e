import { describe, expect, it } from 'vitest';
import { readArchitecture } from '../../lib/arch/model.ts';
import { depthTable, stepOutcome } from '../../lib/arch/readers/scaling.ts';
import { networkAndWorker } from './fixtures/fragments.ts';

describe('scaling reader', () => {
  const m = readArchitecture([{ stackName: 'S', template: networkAndWorker }]);
  const target = m.scaling.targets[0]!;

  it('links the scalable target to the service and resolves parameter defaults', () => {
    expect(target).toMatchObject({ resource: 'scanner-worker', min: 0, max: 5 });
  });

  it('reads both step policies with the alarm that triggers each', () => {
    expect(
      m.scaling.policies.map((p) => [p.kind, p.cooldown, p.alarm?.operator, p.alarm?.threshold]),
    ).toEqual([
      ['step', 300, 'LessThanOrEqualToThreshold', 0],
      ['step', 60, 'GreaterThanOrEqualToThreshold', 1],
    ]);
    expect(m.scaling.policies[1]?.metric).toContain('ApproximateNumberOfMessagesVisible');
  });

  it('computes the queue depth → tasks table from the steps, capped at max', () => {
    expect(depthTable(m.scaling.policies, target)).toEqual([
      { from: 0, to: 0, tasks: '0' },
      { from: 1, to: 5, tasks: '1' },
      { from: 6, to: 10, tasks: '2' },
      { from: 11, to: 15, tasks: '3' },
      { from: 16, to: 20, tasks: '4' },
      { from: 21, to: undefined, tasks: '5' },
    ]);
  });

  it('gives the seed table for every depth 0..60 with max 10', () => {
    for (let d = 0; d <= 60; d++) {
      const want = Math.min(6, Math.ceil(d / 5));
      expect(stepOutcome(m.scaling.policies, { min: 0, max: 10 }, d)).toBe(want);
    }
  });

  it('reports relative adjustments as signed changes', () => {
    const relative = m.scaling.policies.map((p) => ({ ...p, adjustmentType: 'ChangeInCapacity' }));
    expect(stepOutcome(relative, target, 7)).toBe('+2');
  });
});
