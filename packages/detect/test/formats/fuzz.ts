/** Deterministic pseudo-random numbers (mulberry32), so a failing mutation can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` damaged copies of `bytes`: alternately truncated at a random point and bit-flipped. */
export function* mutations(bytes: Uint8Array, count: number, seed = 16): Generator<Uint8Array> {
  const next = random(seed);
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      yield new Uint8Array(bytes.subarray(0, Math.floor(next() * bytes.length)));
      continue;
    }
    const copy = new Uint8Array(bytes);
    const flips = 1 + Math.floor(next() * 8);
    for (let f = 0; f < flips; f++) {
      const at = Math.floor(next() * copy.length);
      copy[at] = copy[at]! ^ (1 << Math.floor(next() * 8));
    }
    yield copy;
  }
}
