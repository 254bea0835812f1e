import { isUtf8 } from 'node:buffer';

/** Bytes judged at a time once a stream holds NUL bytes. */
export const BINARY_BLOCK = 4096;

/** A run of a stream's bytes, in order: text to scan, or binary to pass over. */
export interface StreamPart {
  binary: boolean;
  bytes: Uint8Array;
}

/** Bytes below 32 other than tab, line feed, vertical tab, form feed and carriage return, and DEL. */
function controlBytes(block: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < block.length; i++) {
    const b = block[i]!;
    if (b < 32 ? b < 9 || b > 13 : b === 127) n++;
  }
  return n;
}

/** The rule of `sniff` for a whole head: any NUL, or more than a tenth control bytes. */
function looksBinary(block: Uint8Array): boolean {
  return block.indexOf(0) !== -1 || controlBytes(block) > block.length / 10;
}

/** The fewest bytes of clean text before a stream's first NUL, or after its last, that count as text. */
const MIN_TAIL = 16;

/** Bytes next to a NUL at a stream's edge: text when long enough, valid UTF-8, with no control byte. */
function cleanTail(tail: Uint8Array): boolean {
  return tail.length >= MIN_TAIL && controlBytes(tail) === 0 && isUtf8(tail);
}

/**
 * Splits a stream into text and binary runs, judging it block by block rather than once from
 * its head, so a binary-looking stretch hides nothing that follows it. The stream starts in the
 * mode its head was sniffed as (`startsBinary`). Text stays text until a block with NUL bytes
 * holds more than a tenth control bytes (a stray NUL in a log does not end the text); binary
 * turns back to text at a block with no NUL and at most a tenth control bytes. Where NULs mark
 * the turn, text runs up to the first NUL and resumes after the last one (also when the stream
 * opens with clean text before its first NUL or ends on clean text after its last), so the split
 * is exact to the byte. Blocks sit at fixed offsets, so chunk sizes change nothing. Text shorter
 * than a block between binary blocks counts as binary. Plain text with no NUL costs one native
 * `indexOf` per chunk.
 */
export async function* splitBinary(
  source: AsyncIterable<Uint8Array>,
  startsBinary: boolean,
): AsyncIterable<StreamPart> {
  let binary = startsBinary;
  // The bytes after the last NUL of the chunk before, while binary: text if text follows.
  let held: Uint8Array | undefined;
  let first = true;
  for await (const chunk of alignedToBlocks(source)) {
    if (!binary && chunk.indexOf(0) === -1) {
      yield { binary: false, bytes: chunk };
      continue;
    }
    const parts: StreamPart[] = [];
    let runStart = 0;
    let runBinary = binary;
    const cut = (at: number, nextBinary: boolean) => {
      if (at > runStart) parts.push({ binary: runBinary, bytes: chunk.subarray(runStart, at) });
      runStart = at;
      runBinary = nextBinary;
    };
    for (let at = 0; at < chunk.length; at += BINARY_BLOCK) {
      const block = chunk.subarray(at, Math.min(chunk.length, at + BINARY_BLOCK));
      if (!binary) {
        const nul = block.indexOf(0);
        if (nul === -1 || controlBytes(block) <= block.length / 10) continue;
        cut(at + nul, true);
        binary = true;
        continue;
      }
      const isBinary = looksBinary(block);
      if (first && at === 0 && isBinary) {
        // A stream that opens with clean text before its first NUL: that text is text.
        const nul = block.indexOf(0);
        if (nul !== -1 && cleanTail(block.subarray(0, nul))) {
          runBinary = false;
          cut(nul, true);
        }
      }
      if (held) {
        parts.push({ binary: isBinary, bytes: held });
        held = undefined;
      }
      if (isBinary) continue;
      binary = false;
      const lastNul = runBinary && at > runStart ? chunk.subarray(runStart, at).lastIndexOf(0) : -1;
      cut(lastNul === -1 ? at : runStart + lastNul + 1, false);
    }
    if (binary && runBinary) {
      const lastNul = chunk.subarray(runStart).lastIndexOf(0);
      if (lastNul !== -1 && runStart + lastNul + 1 < chunk.length) {
        held = Uint8Array.from(chunk.subarray(runStart + lastNul + 1));
        cut(runStart + lastNul + 1, true);
        runStart = chunk.length;
      }
    }
    cut(chunk.length, binary);
    first = false;
    yield* parts;
  }
  if (held) yield { binary: !cleanTail(held), bytes: held };
}

/**
 * Re-cuts a stream so every piece starts at a multiple of `BINARY_BLOCK` from the stream's start
 * and holds whole blocks (only the last may end short): blocks, and so the split, are the same
 * whatever sizes the source's chunks come in (a file's 64 KiB reads, gzip's 16 KiB output).
 */
async function* alignedToBlocks(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const partial = new Uint8Array(BINARY_BLOCK);
  let filled = 0;
  for await (const chunk of source) {
    let at = 0;
    if (filled > 0) {
      const n = Math.min(chunk.length, BINARY_BLOCK - filled);
      partial.set(chunk.subarray(0, n), filled);
      filled += n;
      at = n;
      if (filled < BINARY_BLOCK) continue;
      yield Uint8Array.from(partial);
      filled = 0;
    }
    const whole = at + Math.floor((chunk.length - at) / BINARY_BLOCK) * BINARY_BLOCK;
    if (whole > at) yield chunk.subarray(at, whole);
    partial.set(chunk.subarray(whole), 0);
    filled = chunk.length - whole;
  }
  if (filled > 0) yield partial.slice(0, filled);
}

/** Line feeds in `bytes`. */
export function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
