import { describe, expect, it } from 'vitest';
import { tasksForDepth, workerScalingSteps } from '../../lib/constructs/worker-scaling.ts';

/** The seed's table, written out as the seed states it (000_742896974df8c81f.txt, "Scaling Behavior"). */
const SEED_TABLE: readonly [from: number, to: number, tasks: number][] = [
  [0, 0, 0],
  [1, 5, 1],
  [6, 10, 2],
  [11, 15, 3],
  [16, 20, 4],
  [21, 25, 5],
  [26, 30, 6],
  [31, 35, 7],
  [36, 40, 8],
  [41, 45, 9],
  [46, 50, 10],
  [51, 55, 11],
  [56, 60, 12],
];

function seedTasks(depth: number, max: number): number {
  const row = SEED_TABLE.find(([from, to]) => depth >= from && depth <= to);
  if (!row) throw new Error(`depth ${depth} is outside the written table`);
  return Math.min(row[2], max);
}

describe('worker scaling steps', () => {
  for (const max of [1, 5, 10]) {
    it(`gives the seed's task count for every queue depth 0..60 with max ${max}`, () => {
      const steps = workerScalingSteps(max);
      for (let depth = 0; depth <= 60; depth++) {
        expect({ depth, tasks: tasksForDepth(steps, depth) }).toEqual({
          depth,
          tasks: seedTasks(depth, max),
        });
      }
    });
  }

  it('covers depths far beyond the table with the maximum', () => {
    expect(tasksForDepth(workerScalingSteps(5), 100_000)).toBe(5);
  });

  it('has contiguous steps with no gap or overlap', () => {
    const steps = workerScalingSteps(7);
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i]?.fromDepth).toBe((steps[i - 1]?.toDepth ?? Number.NaN) + 1);
    }
    expect(steps.at(-1)?.toDepth).toBeUndefined();
  });

  it('rejects a bad maximum or step width, naming the value', () => {
    expect(() => workerScalingSteps(0)).toThrow(/maxTasks is 0/);
    expect(() => workerScalingSteps(2.5)).toThrow(/maxTasks is 2.5/);
    expect(() => workerScalingSteps(5, 0)).toThrow(/messagesPerTask is 0/);
  });
});
