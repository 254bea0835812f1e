/**
 * Pulls exact byte counts out of a chunked stream without re-copying what it holds: chunks are
 * kept as they came and joined once, when a caller takes them.
 */
export class ChunkedBytes {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private done = false;
  private readonly iterator: AsyncIterator<Uint8Array>;
  /** Bytes taken so far. */
  position = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Buffers until `n` bytes are held or the stream ends; returns the bytes held. */
  async fill(n: number): Promise<number> {
    while (this.length < n && !this.done) {
      const next = await this.iterator.next();
      if (next.done) {
        this.done = true;
        break;
      }
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      if (chunk.length === 0) continue;
      this.chunks.push(chunk);
      this.length += chunk.length;
    }
    return this.length;
  }

  /** True when the stream has ended and every byte was taken. */
  async atEnd(): Promise<boolean> {
    return (await this.fill(1)) === 0;
  }

  /** Up to `n` held bytes, not consumed. */
  peek(n: number): Buffer {
    return this.join(Math.min(n, this.length), false);
  }

  /** Exactly `n` bytes (fewer only at the end of the stream), consumed. */
  async take(n: number): Promise<Buffer> {
    await this.fill(n);
    return this.join(Math.min(n, this.length), true);
  }

  /** Stops the source early. */
  async close(): Promise<void> {
    await this.iterator.return?.();
  }

  private join(n: number, consume: boolean): Buffer {
    if (n === 0) return Buffer.alloc(0);
    const first = this.chunks[0]!;
    let out: Buffer;
    if (first.length >= n) out = first.subarray(0, n);
    else {
      out = Buffer.allocUnsafe(n);
      let at = 0;
      for (const chunk of this.chunks) {
        const piece = Math.min(chunk.length, n - at);
        chunk.copy(out, at, 0, piece);
        at += piece;
        if (at === n) break;
      }
    }
    if (consume) {
      let left = n;
      while (left > 0) {
        const head = this.chunks[0]!;
        if (head.length <= left) {
          this.chunks.shift();
          left -= head.length;
        } else {
          this.chunks[0] = head.subarray(left);
          left = 0;
        }
      }
      this.length -= n;
      this.position += n;
    }
    return out;
  }
}
