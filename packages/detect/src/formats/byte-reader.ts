/**
 * Pulls bytes from an async stream on demand: exact reads for headers, bounded reads for
 * bodies, and `unread` for bytes a decoder took but did not use. It holds at most one
 * source chunk plus what was handed back, so a format reader built on it never buffers more
 * than the source's chunk size.
 */
export class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private pending: Uint8Array[] = [];
  private ended = false;
  /** Bytes read so far (bytes handed back with `unread` are not counted). */
  consumed = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    if (this.pending.length > 0) return true;
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    if (next.value.length > 0) this.pending.push(next.value);
    return true;
  }

  /** The next piece of at most `max` bytes, or undefined at the end of the stream. */
  async readUpTo(max: number): Promise<Uint8Array | undefined> {
    while (this.pending.length === 0) {
      if (!(await this.fill())) return undefined;
    }
    const head = this.pending[0] as Uint8Array;
    if (head.length <= max) {
      this.pending.shift();
      this.consumed += head.length;
      return head;
    }
    this.pending[0] = head.subarray(max);
    this.consumed += max;
    return head.subarray(0, max);
  }

  /** Exactly `n` bytes, or fewer when the stream ends first. */
  async read(n: number): Promise<Buffer> {
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < n) {
      const piece = await this.readUpTo(n - got);
      if (!piece) break;
      parts.push(piece);
      got += piece.length;
    }
    return Buffer.concat(parts, got);
  }

  /** Skips `n` bytes; returns how many were there to skip. */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      const piece = await this.readUpTo(Math.min(left, 1 << 20));
      if (!piece) break;
      left -= piece.length;
    }
    return n - left;
  }

  /** Puts bytes back in front of the stream (they were read but belong to what follows). */
  unread(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pending.unshift(bytes);
    this.consumed -= bytes.length;
  }

  /** Lets the source go (its `return`, so a file or network stream is closed). */
  async close(): Promise<void> {
    this.pending = [];
    if (!this.ended) {
      this.ended = true;
      await this.iterator.return?.();
    }
  }
}
