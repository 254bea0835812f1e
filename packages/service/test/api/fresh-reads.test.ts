import { describe, expect, it } from 'vitest';
import { FreshReads } from '../../src/api/fresh-reads.ts';

/** A load whose reads are started by the test and finished when it says, each returning its number. */
function controlledLoad() {
  const started: { n: number; finish: () => void; fail: (err: Error) => void }[] = [];
  const load = () =>
    new Promise<number>((resolve, reject) => {
      const n = started.length + 1;
      started.push({ n, finish: () => resolve(n), fail: reject });
    });
  return { started, load };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('FreshReads', () => {
  it('shares one later read among the callers that arrive while a read is in flight', async () => {
    const reads = new FreshReads<number>();
    const { started, load } = controlledLoad();
    const first = reads.read('job', load);
    const waiting = [reads.read('job', load), reads.read('job', load), reads.read('job', load)];
    await tick();
    // The later callers never get the read that began before they asked.
    expect(started).toHaveLength(1);
    started[0]?.finish();
    expect(await first).toBe(1);
    await tick();
    expect(started).toHaveLength(2);
    const late = reads.read('job', load);
    started[1]?.finish();
    expect(await Promise.all(waiting)).toEqual([2, 2, 2]);
    await tick();
    started[2]?.finish();
    expect(await late).toBe(3);
    // Idle again: the next caller starts a read at once.
    const again = reads.read('job', load);
    expect(started).toHaveLength(4);
    started[3]?.finish();
    expect(await again).toBe(4);
  });

  it('keeps keys apart and passes a failed read to its callers only', async () => {
    const reads = new FreshReads<number>();
    const { started, load } = controlledLoad();
    const a = reads.read('tenant-a job', load);
    const b = reads.read('tenant-b job', load);
    expect(started).toHaveLength(2);
    const aLater = reads.read('tenant-a job', load);
    started[0]?.fail(new Error('connection lost'));
    started[1]?.finish();
    await expect(a).rejects.toThrow('connection lost');
    expect(await b).toBe(2);
    await tick();
    started[2]?.finish();
    expect(await aLater).toBe(3);
  });
});
