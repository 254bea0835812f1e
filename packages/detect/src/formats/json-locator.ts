import type { FieldInfo, Locator } from '../engine/locator.ts';

const MAX_DEPTH = 256;
const MAX_KEY = 128;

interface Frame {
  array: boolean;
  key: string | undefined;
  index: number;
  expectKey: boolean;
}

/**
 * Follows JSON (or JSON Lines) structure without building values: reports the JSON path of
 * the value at any position (`$.users[3].email`) and the record index (line of a JSON Lines
 * file, or element of a top-level array). Depth beyond 256 is followed but not named.
 */
export class JsonLocator implements Locator {
  private readonly stack: Frame[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private stringIsKey = false;
  private keyBuffer = '';
  private record = 0;
  private sawValue = false;

  constructor(private readonly lines: boolean) {}

  advance(text: string, from: number, to: number): void {
    // The state lives in locals for the loop (every character of a JSON file passes here).
    const stack = this.stack;
    const lines = this.lines;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    let stringIsKey = this.stringIsKey;
    let keyBuffer = this.keyBuffer;
    let record = this.record;
    let sawValue = this.sawValue;
    let top = this.top();
    for (let i = from; i < to; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        // Plain string characters in one go, never reading past `to`: the engine calls once per
        // candidate, so a search to the closing quote would re-read a long string each time.
        let stop = i;
        while (stop < to) {
          const d = text.charCodeAt(stop);
          if (d === 34 || d === 92) break;
          stop++;
        }
        if (stringIsKey && stop > i && keyBuffer.length < MAX_KEY) {
          keyBuffer += text.slice(i, Math.min(stop, i + MAX_KEY - keyBuffer.length));
        }
        i = stop;
        if (stop === to) continue;
        if (text.charCodeAt(stop) === 92) escaped = true;
        else {
          inString = false;
          if (stringIsKey && top) top.key = keyBuffer;
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
        let stop = i + 1;
        let d = 0;
        while (stop < to) {
          d = text.charCodeAt(stop);
          if (d === 34 || d === 92) break;
          stop++;
        }
        if (stop < to && d === 34) {
          if (stringIsKey && top) top.key = text.slice(i + 1, Math.min(stop, i + 1 + MAX_KEY));
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
            top = { array: c === 91, key: undefined, index: 0, expectKey: c === 123 };
            stack.push(top);
          } else top = undefined;
          break;
        case 125:
        case 93:
          if (depth > 0) {
            if (depth <= MAX_DEPTH) stack.pop();
            depth--;
            top = depth <= MAX_DEPTH ? stack[stack.length - 1] : undefined;
          }
          break;
        case 44:
          if (top?.array) top.index++;
          else if (top) {
            top.expectKey = true;
            top.key = undefined;
          }
          if (depth === 1 && stack[0]?.array && !lines) record++;
          break;
        case 58:
          if (top && !top.array) top.expectKey = false;
          break;
        case 10:
          if (lines && depth === 0 && sawValue) {
            record++;
            sawValue = false;
          }
          break;
        default:
          if (c > 32) sawValue = true;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.stringIsKey = stringIsKey;
    this.keyBuffer = keyBuffer;
    this.record = record;
    this.sawValue = sawValue;
  }

  private top(): Frame | undefined {
    return this.depth <= MAX_DEPTH ? this.stack[this.stack.length - 1] : undefined;
  }

  snapshot(): FieldInfo {
    let path = '$';
    let lastKey: string | undefined;
    for (const frame of this.stack) {
      if (frame.array) path += `[${frame.index}]`;
      else if (frame.key !== undefined) {
        path += /^[A-Za-z_$][\w$]*$/.test(frame.key) ? `.${frame.key}` : `[${JSON.stringify(frame.key)}]`;
        lastKey = frame.key;
      }
    }
    if (this.depth > MAX_DEPTH) path += '...';
    const info: FieldInfo = { json_path: path };
    if (this.lines || this.stack[0]?.array) info.record_index = this.record;
    if (lastKey !== undefined) info.fieldName = lastKey;
    return info;
  }
}
