import { describe, expect, it } from 'vitest';
import { type ShardLimits, ShardPlanner } from '../../src/worker/plan-shards.ts';

/** Plans objects of the given sizes (keys k0, k1, …) and returns each one's shard and the totals. */
function plan(sizes: number[], limits: ShardLimits) {
  const planner = new ShardPlanner(limits);
  const shards = sizes.map((size, i) => planner.assign({ key: `k${i}`, size }).shard);
  return {
    shards,
    count: planner.shards,
    objects: planner.totalObjects,
    bytes: planner.totalBytes,
  };
}

const MANY = 1_000_000;

describe('ShardPlanner', () => {
  it('closes a shard when the next object would take it past the byte limit', () => {
    expect(plan([40, 40, 40, 40, 40], { maxObjects: MANY, maxBytes: 100 })).toEqual({
      shards: [0, 0, 1, 1, 2],
      count: 3,
      objects: 5,
      bytes: 200,
    });
  });

  it('fills a shard up to exactly the byte limit', () => {
    expect(plan([60, 40, 1], { maxObjects: MANY, maxBytes: 100 }).shards).toEqual([0, 0, 1]);
  });

  it('gives an object larger than the byte limit a shard of its own, wherever it is listed', () => {
    expect(plan([10, 500, 10], { maxObjects: MANY, maxBytes: 100 }).shards).toEqual([0, 1, 2]);
    expect(plan([500, 10], { maxObjects: MANY, maxBytes: 100 }).shards).toEqual([0, 1]);
    expect(plan([500, 700], { maxObjects: MANY, maxBytes: 100 })).toEqual({
      shards: [0, 1],
      count: 2,
      objects: 2,
      bytes: 1200,
    });
  });

  it('applies the count and byte limits together: whichever is reached first closes the shard', () => {
    // count closes shard 0; bytes close shard 1 (10 + 90 fits, + 20 does not); count closes shard 2.
    expect(plan([10, 10, 10, 10, 90, 20, 1, 1, 1], { maxObjects: 3, maxBytes: 100 })).toEqual({
      shards: [0, 0, 0, 1, 1, 2, 2, 2, 3],
      count: 4,
      objects: 9,
      bytes: 153,
    });
  });

  it('splits empty objects by count alone', () => {
    expect(plan([0, 0, 0, 0, 0], { maxObjects: 2, maxBytes: 1 }).shards).toEqual([0, 0, 1, 1, 2]);
  });

  it('plans an empty listing as no shards at all', () => {
    expect(plan([], { maxObjects: 3, maxBytes: 100 })).toEqual({
      shards: [],
      count: 0,
      objects: 0,
      bytes: 0,
    });
  });

  it('keeps each object as listed and adds only its shard', () => {
    const planner = new ShardPlanner({ maxObjects: 1, maxBytes: 100 });
    const object = { key: 'a/b.txt', size: 5, etag: '"e"', versionId: 'v1', bucket: 'bkt' };
    expect(planner.assign(object)).toEqual({ ...object, shard: 0 });
  });

  it('is deterministic: the same listing planned again gets the same shards', () => {
    const sizes = Array.from({ length: 200 }, (_, i) => (i * 7919) % 300);
    const limits = { maxObjects: 7, maxBytes: 1000 };
    expect(plan(sizes, limits)).toEqual(plan(sizes, limits));
  });
});
