/** A chunk's text with the byte offset of every UTF-16 unit. */
export interface MixedText {
  text: string;
  /** `byteOf[i]`: where the character holding unit `i` starts; `byteOf[text.length]` is the byte length. */
  byteOf: Int32Array;
}

/**
 * Decodes bytes that are not valid UTF-8 (Latin-1 files, or UTF-8 with stray bytes): valid
 * UTF-8 sequences as UTF-8, any other byte as its Latin-1 character. Every byte belongs to
 * exactly one character, so offsets map both ways exactly. A replacement character would not
 * (it re-encodes as 3 bytes), and decoding from any character's start gives the same
 * characters from there on, so a chunk may start wherever an earlier one put a character.
 */
export function decodeMixed(bytes: Uint8Array): MixedText {
  const n = bytes.length;
  const units = new Uint16Array(n);
  const byteOf = new Int32Array(n + 1);
  let u = 0;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : sequenceLength(bytes, i, n);
    if (length === 1) {
      byteOf[u] = i;
      units[u++] = b;
      i++;
      continue;
    }
    let cp: number;
    if (length === 2) cp = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
    else if (length === 3) cp = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
    else
      cp =
        ((b & 0x07) << 18) |
        ((bytes[i + 1]! & 0x3f) << 12) |
        ((bytes[i + 2]! & 0x3f) << 6) |
        (bytes[i + 3]! & 0x3f);
    byteOf[u] = i;
    if (cp < 0x10000) units[u++] = cp;
    else {
      units[u++] = 0xd800 + ((cp - 0x10000) >> 10);
      byteOf[u] = i;
      units[u++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
    i += length;
  }
  byteOf[u] = n;
  const text = Buffer.from(units.buffer, 0, 2 * u).toString('utf16le');
  return { text, byteOf: byteOf.subarray(0, u + 1) };
}

/** Length of the valid UTF-8 sequence that starts at `bytes[i]` (not ASCII), or 1 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number, n: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < n && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 1;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 1;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 1;
  }
  return 1;
}

/**
 * The byte offset of every UTF-16 unit of text decoded from valid UTF-8 (as `MixedText.byteOf`):
 * each unit's UTF-8 length is known from the unit itself, a surrogate pair's 4 bytes going to
 * its high unit.
 */
export function utf8Offsets(text: string): Int32Array {
  const n = text.length;
  const byteOf = new Int32Array(n + 1);
  let b = 0;
  for (let u = 0; u < n; u++) {
    byteOf[u] = b;
    const c = text.charCodeAt(u);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff && u + 1 < n) {
      // The low unit starts where its pair does.
      byteOf[++u] = b;
      b += 4;
    } else b += 3;
  }
  byteOf[n] = b;
  return byteOf;
}

/** The unit whose character holds byte `b` (`byteOf` ascending): the last unit starting at or before it. */
export function unitAt(byteOf: Int32Array, b: number): number {
  let lo = 0;
  let hi = byteOf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (byteOf[mid]! <= b) lo = mid;
    else hi = mid - 1;
  }
  // A surrogate pair's units share a start: the high one is the character's.
  while (lo > 0 && byteOf[lo - 1] === byteOf[lo]) lo--;
  return lo;
}
