import { ScanStop } from '../limits.ts';

/** Content bytes the readers of one object may hold in memory at once, unless a test lowers it. */
export const MAX_HELD_BYTES = 256 * 1024 * 1024;

/**
 * Counts the bytes of content the readers of one object hold in memory at once (a Parquet
 * column chunk, a PDF, an Avro block, a document segment being gathered) and refuses to go past
 * `limit`: a reader that would is stopped with OBJECT_TOO_LARGE before it allocates. `peak` is
 * the most held at any time, which tests read to hold each reader to its stated bound.
 */
export class HeldBytes {
  current = 0;
  peak = 0;

  constructor(public limit: number = MAX_HELD_BYTES) {}

  /** True when `n` more bytes fit under the limit. */
  fits(n: number): boolean {
    return this.current + n <= this.limit;
  }

  /** Takes `n` bytes for `what`, or throws OBJECT_TOO_LARGE (PARTIAL unless `partial` is false). */
  hold(n: number, what: string, partial = true): void {
    if (!this.fits(n)) {
      throw new ScanStop(
        'OBJECT_TOO_LARGE',
        `${what} needs ${n} bytes in memory, above the ${this.limit}-byte bound (${this.current} held)`,
        partial,
      );
    }
    this.current += n;
    if (this.current > this.peak) this.peak = this.current;
  }

  /** Gives back `n` bytes taken with `hold`. */
  release(n: number): void {
    this.current = Math.max(0, this.current - n);
  }
}
