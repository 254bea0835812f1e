import type { PlannedObject } from '../ports/job-store.ts';
import type { SourceObject } from '../ports/object-source.ts';

/** Limits of one shard. */
export interface ShardLimits {
  maxObjects: number;
  maxBytes: number;
}

/**
 * Assigns listed objects to shards in listing order: a shard closes when it holds
 * `maxObjects` objects or the next object would take it past `maxBytes` (a single larger
 * object gets a shard of its own). Deterministic, so a re-planned job gets the same shards.
 */
export class ShardPlanner {
  private shard = 0;
  private count = 0;
  private bytes = 0;
  totalObjects = 0;
  totalBytes = 0;

  constructor(private readonly limits: ShardLimits) {}

  assign(object: SourceObject): PlannedObject {
    if (
      this.count > 0 &&
      (this.count >= this.limits.maxObjects || this.bytes + object.size > this.limits.maxBytes)
    ) {
      this.shard += 1;
      this.count = 0;
      this.bytes = 0;
    }
    this.count += 1;
    this.bytes += object.size;
    this.totalObjects += 1;
    this.totalBytes += object.size;
    return { ...object, shard: this.shard };
  }

  /** Shards no later object can join (every shard before the one being filled). */
  get closedShards(): number {
    return this.shard;
  }

  /** Number of shards used so far. */
  get shards(): number {
    return this.totalObjects === 0 ? 0 : this.shard + 1;
  }
}
