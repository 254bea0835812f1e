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
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
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
        if (this.stringIsKey && stop > i && this.keyBuffer.length < MAX_KEY) {
          this.keyBuffer += text.slice(i, Math.min(stop, i + MAX_KEY - this.keyBuffer.length));
        }
        i = stop;
        if (stop === to) continue;
        if (text.charCodeAt(stop) === 92) this.escaped = true;
        else {
          this.inString = false;
          if (this.stringIsKey) {
            const top = this.top();
            if (top) top.key = this.keyBuffer;
          }
        }
        continue;
      }
      switch (c) {
        case 34: {
          const top = this.top();
          this.inString = true;
          this.stringIsKey = top !== undefined && !top.array && top.expectKey;
          this.keyBuffer = '';
          this.sawValue = true;
          break;
        }
        case 123:
        case 91:
          this.sawValue = true;
          this.depth++;
          if (this.depth <= MAX_DEPTH)
            this.stack.push({ array: c === 91, key: undefined, index: 0, expectKey: c === 123 });
          break;
        case 125:
        case 93:
          if (this.depth > 0) {
            if (this.depth <= MAX_DEPTH) this.stack.pop();
            this.depth--;
          }
          break;
        case 44: {
          const top = this.top();
          if (top?.array) top.index++;
          else if (top) {
            top.expectKey = true;
            top.key = undefined;
          }
          if (this.depth === 1 && this.stack[0]?.array && !this.lines) this.record++;
          break;
        }
        case 58: {
          const top = this.top();
          if (top && !top.array) top.expectKey = false;
          break;
        }
        case 10:
          if (this.lines && this.depth === 0 && this.sawValue) {
            this.record++;
            this.sawValue = false;
          }
          break;
        default:
          if (c > 32) this.sawValue = true;
      }
    }
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
