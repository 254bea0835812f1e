/** The first bytes of a stream plus the whole stream again (head included). */
export interface Peeked {
  head: Buffer;
  stream: AsyncIterable<Uint8Array>;
}

/** Reads at least `n` bytes (or everything, if shorter) without losing any. */
export async function peek(source: AsyncIterable<Uint8Array>, n: number): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(chunks);
  const stream = (async function* () {
    if (head.length > 0) yield head;
    if (done) return;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  return { head: head.subarray(0, Math.min(head.length, n)), stream };
}
