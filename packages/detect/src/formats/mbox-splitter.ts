/** Longest piece of a line held at once; longer lines are passed on in pieces. */
const MAX_LINE = 64 * 1024;
/** Bytes gathered before a message's content is handed on. */
const BATCH = 64 * 1024;

interface Line {
  bytes: Buffer;
  /** False for the second and later pieces of an over-long line. */
  start: boolean;
}

class LineSource {
  private pending: Buffer = Buffer.alloc(0);
  private pos = 0;
  private ended = false;
  private midLine = false;
  private readonly back: Line[] = [];
  private readonly iterator: AsyncIterator<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  unshift(line: Line): void {
    this.back.push(line);
  }

  async next(): Promise<Line | undefined> {
    const back = this.back.pop();
    if (back) return back;
    for (;;) {
      const nl = this.pending.indexOf(10, this.pos);
      const rest = this.pending.length - this.pos;
      if (nl !== -1 || (this.ended && rest > 0) || rest >= MAX_LINE) {
        const end = nl !== -1 ? nl + 1 : this.pending.length;
        const line = { bytes: this.pending.subarray(this.pos, end), start: !this.midLine };
        this.midLine = nl === -1 && !this.ended;
        this.pos = end;
        return line;
      }
      if (this.ended) return undefined;
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        continue;
      }
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      this.pending = rest > 0 ? Buffer.concat([this.pending.subarray(this.pos), chunk]) : chunk;
      this.pos = 0;
    }
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

const FROM = Buffer.from('From ');
const isFromLine = (line: Line) => line.start && line.bytes.subarray(0, 5).equals(FROM);
const isBlank = (line: Line) =>
  line.start && (line.bytes.length === 1 || (line.bytes.length === 2 && line.bytes[0] === 13));

/**
 * Splits an mbox stream into its messages: a message starts at a `From ` line that opens the
 * file or follows a blank line. Each message is yielded as a stream of its bytes (the `From `
 * line dropped, `>From ` unescaped by one level); take each to its end (or drop it) before
 * asking for the next. Memory holds one line piece and one batch.
 */
export async function* mboxMessages(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<AsyncIterable<Uint8Array>> {
  const lines = new LineSource(source);
  try {
    for (;;) {
      const first = await lines.next();
      if (!first) return;
      if (!isFromLine(first)) lines.unshift(first);
      const state = { ended: false, previousBlank: false };
      const nextLine = async (): Promise<Line | undefined> => {
        if (state.ended) return undefined;
        const line = await lines.next();
        if (!line || (state.previousBlank && isFromLine(line))) {
          if (line) lines.unshift(line);
          state.ended = true;
          return undefined;
        }
        state.previousBlank = isBlank(line);
        return line;
      };
      yield (async function* () {
        let batch: Buffer[] = [];
        let size = 0;
        for (let line = await nextLine(); line; line = await nextLine()) {
          let bytes = line.bytes;
          if (line.start && bytes[0] === 0x3e && /^>+From /.test(bytes.subarray(0, 80).toString('latin1'))) {
            bytes = bytes.subarray(1);
          }
          batch.push(bytes);
          size += bytes.length;
          if (size >= BATCH) {
            yield Buffer.concat(batch, size);
            batch = [];
            size = 0;
          }
        }
        if (size > 0) yield Buffer.concat(batch, size);
      })();
      while (await nextLine());
    }
  } finally {
    await lines.close();
  }
}
