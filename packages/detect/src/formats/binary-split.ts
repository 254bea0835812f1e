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

/**
 * Splits a stream into text and binary runs, judging it block by block rather than once from
 * its head, so a binary-looking stretch hides nothing that follows it. The stream starts in the
 * mode its head was sniffed as (`startsBinary`). Text stays text until a block with NUL bytes
 * holds more than a tenth control bytes (a stray NUL in a log does not end the text); binary
 * turns back to text at a block with no NUL and at most a tenth control bytes. Where a NUL marks
 * the turn, the text runs up to the first NUL and resumes after the last, so the split is exact.
 * Plain text with no NUL costs one native `indexOf` per chunk.
 */
export async function* splitBinary(
  source: AsyncIterable<Uint8Array>,
  startsBinary: boolean,
): AsyncIterable<StreamPart> {
  let binary = startsBinary;
  for await (const chunk of source) {
    if (!binary && chunk.indexOf(0) === -1) {
      yield { binary: false, bytes: chunk };
      continue;
    }
    // Runs of one kind within the chunk, emitted when the kind changes.
    let runStart = 0;
    let runBinary = binary;
    const parts: StreamPart[] = [];
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
      if (looksBinary(block)) continue;
      binary = false;
      // Text resumes after the last NUL of the binary run before this block (within this chunk).
      const lastNul = runBinary && at > runStart ? chunk.subarray(runStart, at).lastIndexOf(0) : -1;
      cut(lastNul === -1 ? at : runStart + lastNul + 1, false);
    }
    cut(chunk.length, binary);
    yield* parts;
  }
}

/** Line feeds in `bytes`. */
export function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
