/**
 * Helpers to write detector patterns that V8's linear-time engine accepts: it rejects the
 * `i` and `u` flags and any quantifier above 16, so case-insensitive words and long runs are
 * spelled out here.
 */

const MAX = 16;

/** Up to three quote characters: plain, JSON-escaped (`\\"`) or CSV-doubled (`""`). */
export const QUOTES = '[\\\\"\'`]{0,3}';

/** An opening quote before a value: plain, JSON-escaped (`\\"`) or CSV-doubled (`""`). */
export const QUOTE_MARK = '(?:\\\\{1,2}["\']|""|[\'"])';
/** `QUOTE_MARK`, optional. */
export const OPEN_QUOTE = `${QUOTE_MARK}?`;

/** A case-insensitive literal as character classes: `ci('key')` → `[kK][eE][yY]`. */
export function ci(word: string): string {
  let out = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    out += lower !== upper ? `[${lower}${upper}]` : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return out;
}

/** Alternation of case-insensitive literals. */
export function ciAny(words: readonly string[]): string {
  return `(?:${words.map(ci).join('|')})`;
}

function exact(cls: string, n: number): string {
  let out = '';
  let left = n;
  while (left > 0) {
    const k = Math.min(MAX, left);
    out += `${cls}{${k}}`;
    left -= k;
  }
  return out;
}

function upTo(cls: string, n: number): string {
  if (n <= 0) return '';
  if (n <= MAX) return `${cls}{0,${n}}`;
  return `(?:${cls}{${MAX}}${upTo(cls, n - MAX)}|${cls}{0,${MAX - 1}})`;
}

/**
 * `cls` repeated `min`..`max` times (`max` defaults to `min`; `Infinity` for an open tail),
 * split into chunks the linear-time engine accepts, with one parse per length.
 */
export function rep(cls: string, min: number, max = min): string {
  if (max === Number.POSITIVE_INFINITY) return `${exact(cls, min)}${cls}*`;
  return exact(cls, min) + upTo(cls, max - min);
}

/** A global pattern from source (no other flags: the linear-time engine refuses `i`/`u`). */
export function re(source: string): RegExp {
  return new RegExp(source, 'g');
}

/**
 * The field name plus the context window cut to the match's own line (a neighbour line's words
 * do not count). A line break escaped inside a JSON string (`\\n`) ends a line too.
 */
export function nearText(ctx: { before: string; after: string; fieldName?: string }): string {
  const raw = ctx.before.lastIndexOf('\n');
  const escaped = ctx.before.lastIndexOf('\\n');
  const before = ctx.before.slice(Math.max(raw + 1, escaped === -1 ? 0 : escaped + 2));
  const ends = [ctx.after.indexOf('\n'), ctx.after.indexOf('\\n')].filter((i) => i !== -1);
  const after = ends.length === 0 ? ctx.after : ctx.after.slice(0, Math.min(...ends));
  return `${ctx.fieldName?.toLowerCase() ?? ''} ${before} ${after}`;
}

/** True when any of `words` occurs as a whole word on the match's line or in the field name. */
export function contextHas(
  ctx: { before: string; after: string; fieldName?: string },
  words: readonly string[],
): boolean {
  const text = nearText(ctx);
  return words.some((w) => {
    for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + 1)) {
      const prev = text[i - 1] ?? ' ';
      const next = text[i + w.length] ?? ' ';
      if (!/[a-z0-9]/.test(prev) && !/[a-z0-9]/.test(next)) return true;
    }
    return false;
  });
}

/**
 * True when a numeric match is not a slice of a longer separated number or identifier
 * (`4111 1111 1111 1111` must not yield a 12-digit id, nor a UUID a dashed one).
 */
export function standsAlone(ctx: { before: string; after: string }): boolean {
  return !/[0-9][ .-]?$|[a-z0-9][.-]$/.test(ctx.before) && !/^[ .-]?[0-9]|^[.-][a-z0-9]/.test(ctx.after);
}

/**
 * `group` zero to `n` times as nested optionals (`(?:g(?:g)?)?`): one parse per count, and no
 * counted repetition around a group that already repeats (the linear-time engine multiplies them).
 */
export function optionalTimes(group: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out = `(?:${group}${out})?`;
  return out;
}

/**
 * A pattern whose value sits in one of several alternative capture groups (a quoted value in
 * one, an unquoted one in another): `exec` moves the first group that took part into group 1,
 * so a detector with `valueGroup: 1` reads whichever alternative matched. The engine copies a
 * pattern with its own class, so this behaviour survives compilation.
 */
export class AlternativeGroups extends RegExp {
  override exec(text: string): RegExpExecArray | null {
    const m = super.exec(text);
    if (m !== null && m[1] === undefined) {
      for (let g = 2; g < m.length; g++) {
        const value = m[g];
        if (value !== undefined) {
          m[1] = value;
          break;
        }
      }
    }
    return m;
  }
}

/** A global `AlternativeGroups` pattern from source. */
export function reAlternatives(source: string): RegExp {
  return new AlternativeGroups(source, 'g');
}
