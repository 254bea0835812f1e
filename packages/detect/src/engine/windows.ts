/** Half-open character ranges `[start, end)` stored flat: `[s0, e0, s1, e1, ...]`. */
export type Windows = number[];

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Adds `[start, end)` clamped to the text and widened to the nearest non-word character (up
 * to 64 more each side), so `\b` at a window edge means what it means in the whole text.
 */
export function addWindow(windows: Windows, text: string, start: number, end: number): void {
  let a = Math.max(0, start);
  let b = Math.min(text.length, end);
  for (let k = 0; k < 64 && a > 0 && isWordChar(text.charCodeAt(a - 1)); k++) a--;
  for (let k = 0; k < 64 && b < text.length && isWordChar(text.charCodeAt(b)); k++) b++;
  if (a >= b) return;
  const last = windows.length - 1;
  if (last > 0 && a >= windows[last - 1]! && a <= windows[last]!) {
    if (b > windows[last]!) windows[last] = b;
  } else windows.push(a, b);
}

/** Appends an already widened window, merging it into the last one when they overlap. */
export function pushWindow(windows: Windows, a: number, b: number): void {
  const last = windows.length - 1;
  if (last > 0 && a >= windows[last - 1]! && a <= windows[last]!) {
    if (b > windows[last]!) windows[last] = b;
  } else windows.push(a, b);
}

/** `[start, end)` clamped and widened to non-word characters (see `addWindow`), as a pair. */
export function widen(text: string, start: number, end: number, out: [number, number]): void {
  let a = Math.max(0, start);
  let b = Math.min(text.length, end);
  for (let k = 0; k < 64 && a > 0 && isWordChar(text.charCodeAt(a - 1)); k++) a--;
  for (let k = 0; k < 64 && b < text.length && isWordChar(text.charCodeAt(b)); k++) b++;
  out[0] = a;
  out[1] = b;
}

/** Sorts and merges overlapping or touching windows in place; returns the covered length. */
export function mergeWindows(windows: Windows): number {
  const n = windows.length / 2;
  if (n === 0) return 0;
  let sorted = true;
  let covered = 0;
  for (let i = 0; i < windows.length; i += 2) {
    covered += windows[i + 1]! - windows[i]!;
    if (i > 0 && windows[i]! <= windows[i - 1]!) sorted = false;
  }
  if (sorted) return covered;
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => windows[2 * x]! - windows[2 * y]!);
  const merged: number[] = [];
  for (const i of order) {
    const s = windows[2 * i]!;
    const e = windows[2 * i + 1]!;
    const last = merged.length - 1;
    if (last > 0 && s <= merged[last]!) merged[last] = Math.max(merged[last]!, e);
    else merged.push(s, e);
  }
  windows.length = 0;
  covered = 0;
  for (let i = 0; i < merged.length; i += 2) {
    windows.push(merged[i]!, merged[i + 1]!);
    covered += merged[i + 1]! - merged[i]!;
  }
  return covered;
}
