import type { FieldInfo, Locator } from '../engine/locator.ts';

const MAX_DEPTH = 256;
const MAX_KEY = 128;

/**
 * One open object or array. A key read whole from one chunk is kept as its place in that
 * chunk's text (`keyText`, `keyFrom`, `keyTo`) and cut out only when a finding needs it or the
 * chunk is left behind: most keys are never asked for.
 */
interface Frame {
  array: boolean;
  key: string | undefined;
  keyText: string | undefined;
  keyFrom: number;
  keyTo: number;
  index: number;
  expectKey: boolean;
}

/**
 * Follows JSON (or JSON Lines) structure without building values: reports the JSON path of
 * the value at any position (`$.users[3].email`) and the record index (line of a JSON Lines
 * file, or element of a top-level array). Depth beyond 256 is followed but not named.
 *
 * In JSON Lines every line is a record of its own: a line break (which no JSON string holds)
 * ends whatever the line left open, so a broken line does not shift the paths of the lines
 * after it, and lines before the position asked for are skipped whole rather than parsed.
 */
export class JsonLocator implements Locator {
  /** Frames in use are `stack[0, open)`; the rest are kept for reuse (and point into no text). */
  private readonly stack: Frame[] = [];
  private open = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private stringIsKey = false;
  private keyBuffer = '';
  private record = 0;
  private sawValue = false;
  /** Where the latest `advance`'s text starts: a new one means a new chunk (keys may point into the old). */
  private textStart = -1;

  constructor(private readonly lines: boolean) {}

  advance(text: string, from: number, to: number, textStart: number): void {
    if (textStart !== this.textStart) {
      this.cutKeys();
      this.textStart = textStart;
    }
    if (this.lines && to > from) {
      const lastBreak = text.lastIndexOf('\n', to - 1);
      if (lastBreak >= from) {
        this.skipLines(text, from, lastBreak);
        from = lastBreak + 1;
      }
    }
    if (to > from) this.parse(text, from, to);
  }

  /**
   * JSON Lines: ends the line that `text[from]` is in and every line up to the break at
   * `lastBreak`, counting those that held a value; the state is then a fresh line's.
   */
  private skipLines(text: string, from: number, lastBreak: number): void {
    let record = this.record;
    let lineStart = from;
    let sawValue = this.sawValue;
    for (;;) {
      const lineBreak = text.indexOf('\n', lineStart);
      if (!sawValue) {
        for (let i = lineStart; i < lineBreak; i++) {
          if (text.charCodeAt(i) > 32) {
            sawValue = true;
            break;
          }
        }
      }
      if (sawValue) record++;
      sawValue = false;
      if (lineBreak >= lastBreak) break;
      lineStart = lineBreak + 1;
    }
    this.record = record;
    this.sawValue = false;
    for (let f = 0; f < this.open; f++) this.stack[f]!.keyText = undefined;
    this.open = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.stringIsKey = false;
    this.keyBuffer = '';
  }

  /** Cuts out the keys that still point into the previous text. */
  private cutKeys(): void {
    for (let f = 0; f < this.open; f++) keyOf(this.stack[f]!);
  }

  private parse(text: string, from: number, to: number): void {
    // The state lives in locals for the loop (every character of a JSON file passes here).
    const stack = this.stack;
    const lines = this.lines;
    let depth = this.depth;
    let open = this.open;
    let inString = this.inString;
    let escaped = this.escaped;
    let stringIsKey = this.stringIsKey;
    let keyBuffer = this.keyBuffer;
    let record = this.record;
    let sawValue = this.sawValue;
    let top = depth <= MAX_DEPTH && open > 0 ? stack[open - 1] : undefined;
    for (let i = from; i < to; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        // Plain string characters in one go, never reading past `to`: the engine calls once per
        // candidate, so a search to the closing quote would re-read a long string each time.
        const stop = plainEnd(text, i, to);
        if (stringIsKey && stop > i && keyBuffer.length < MAX_KEY) {
          keyBuffer += text.slice(i, Math.min(stop, i + MAX_KEY - keyBuffer.length));
        }
        i = stop;
        if (stop === to) continue;
        if (text.charCodeAt(stop) === 92) escaped = true;
        else {
          inString = false;
          if (stringIsKey && top) setKey(top, keyBuffer);
        }
        continue;
      }
      let c = text.charCodeAt(i);
      // Numbers, literals and whitespace change nothing but `sawValue`: skip them in one go.
      while ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 32 || c === 45 || c === 46) {
        if (c !== 32) sawValue = true;
        if (++i === to) break;
        c = text.charCodeAt(i);
      }
      if (i === to) break;
      if (c === 34) {
        stringIsKey = top !== undefined && !top.array && top.expectKey;
        keyBuffer = '';
        sawValue = true;
        // Most strings close before `to` without an escape: read them here in one go.
        const stop = plainEnd(text, i + 1, to);
        if (stop < to && text.charCodeAt(stop) === 34) {
          if (stringIsKey && top) {
            top.key = undefined;
            top.keyText = text;
            top.keyFrom = i + 1;
            top.keyTo = Math.min(stop, i + 1 + MAX_KEY);
          }
          i = stop;
        } else inString = true;
        continue;
      }
      switch (c) {
        case 123:
        case 91:
          sawValue = true;
          depth++;
          if (depth <= MAX_DEPTH) {
            top = stack[open];
            if (top === undefined) {
              top = {
                array: false,
                key: undefined,
                keyText: undefined,
                keyFrom: 0,
                keyTo: 0,
                index: 0,
                expectKey: false,
              };
              stack.push(top);
            }
            open++;
            top.array = c === 91;
            setKey(top, undefined);
            top.index = 0;
            top.expectKey = c === 123;
          } else top = undefined;
          break;
        case 125:
        case 93:
          if (depth > 0) {
            if (depth <= MAX_DEPTH) stack[--open]!.keyText = undefined;
            depth--;
            top = depth <= MAX_DEPTH && open > 0 ? stack[open - 1] : undefined;
          }
          break;
        case 44:
          if (top?.array) top.index++;
          else if (top) {
            top.expectKey = true;
            setKey(top, undefined);
          }
          if (depth === 1 && stack[0]!.array && !lines) record++;
          break;
        case 58:
          if (top && !top.array) top.expectKey = false;
          break;
        default:
          if (c > 32) sawValue = true;
      }
    }
    this.depth = depth;
    this.open = open;
    this.inString = inString;
    this.escaped = escaped;
    this.stringIsKey = stringIsKey;
    this.keyBuffer = keyBuffer;
    this.record = record;
    this.sawValue = sawValue;
  }

  snapshot(): FieldInfo {
    let path = '$';
    let lastKey: string | undefined;
    for (let f = 0; f < this.open; f++) {
      const frame = this.stack[f]!;
      if (frame.array) {
        path += `[${frame.index}]`;
        continue;
      }
      const key = keyOf(frame);
      if (key !== undefined) {
        path += /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
        lastKey = key;
      }
    }
    if (this.depth > MAX_DEPTH) path += '...';
    const info: FieldInfo = { json_path: path };
    if (this.lines || (this.open > 0 && this.stack[0]!.array)) info.record_index = this.record;
    if (lastKey !== undefined) info.fieldName = lastKey;
    return info;
  }
}

/** The first `"` or `\\` in `text[from, to)`, or `to`: where a string's plain characters end. */
function plainEnd(text: string, from: number, to: number): number {
  let stop = from;
  while (stop < to) {
    const d = text.charCodeAt(stop);
    if (d === 34 || d === 92) break;
    stop++;
  }
  return stop;
}

function setKey(frame: Frame, key: string | undefined): void {
  frame.key = key;
  frame.keyText = undefined;
}

/** The frame's key, cut out of its text on first use. */
function keyOf(frame: Frame): string | undefined {
  if (frame.keyText !== undefined) {
    frame.key = frame.keyText.slice(frame.keyFrom, frame.keyTo);
    frame.keyText = undefined;
  }
  return frame.key;
}
