import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { JobSample } from '../ports/job-store.ts';

/** The prefix (folder) of a key: everything up to its last `/`, or '' at the top. */
export function prefixOf(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? '' : key.slice(0, slash + 1);
}

/** Where in [0, 1) a key falls, from a hash of it: the same key always falls at the same place. */
export function keyPosition(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * Decides which listed objects a sampled job scans. `fraction`: the objects whose key hash falls
 * below it, so about that part of every prefix and the same objects on every run;
 * `max_objects_per_prefix`: the first N kept in listing order per prefix (one counter per prefix
 * seen). Both together: the fraction first, then the cap.
 */
export class ObjectSampler {
  private readonly perPrefix = new Map<string, number>();
  /** Objects left out so far. */
  sampledOut = 0;

  constructor(private readonly sample: JobSample | null | undefined) {}

  /** True when the object is scanned; false (and counted) when the sample leaves it out. */
  keep(key: string): boolean {
    const sample = this.sample;
    if (!sample) return true;
    if (sample.fraction !== undefined && sample.fraction < 1 && keyPosition(key) >= sample.fraction) {
      this.sampledOut++;
      return false;
    }
    const cap = sample.max_objects_per_prefix;
    if (cap !== undefined) {
      const prefix = prefixOf(key);
      const seen = this.perPrefix.get(prefix) ?? 0;
      if (seen >= cap) {
        this.sampledOut++;
        return false;
      }
      this.perPrefix.set(prefix, seen + 1);
    }
    return true;
  }
}

/** The first `limit` bytes of `stream` (the rest is never read: the source is destroyed). */
export function firstBytes(stream: Readable, limit: number): Readable {
  async function* head(): AsyncGenerator<Buffer> {
    let left = limit;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (chunk.length >= left) {
        yield chunk.subarray(0, left);
        return;
      }
      left -= chunk.length;
      yield chunk;
    }
  }
  return Readable.from(head(), { objectMode: false });
}
