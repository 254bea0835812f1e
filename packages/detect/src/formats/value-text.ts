/** Longest path followed into a nested value; deeper levels are written at this path. */
const MAX_DEPTH = 32;

function printable(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters mark binary bytes
  return !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
}

/**
 * The scannable text of a decoded record value and the dotted path of each piece: a struct's
 * or map's fields add their name to the path, a list's items keep it. Numbers are written as
 * digits (a card number stored as a number is still found), dates in ISO form, bytes as UTF-8
 * when they are printable text; nulls and binary bytes yield nothing.
 */
export function* valueTexts(value: unknown, path: string, depth = 0): Generator<[string, string]> {
  switch (typeof value) {
    case 'string':
      yield [value, path];
      return;
    case 'number':
      if (Number.isFinite(value)) yield [Number.isInteger(value) ? value.toFixed(0) : String(value), path];
      return;
    case 'bigint':
      yield [value.toString(), path];
      return;
    case 'boolean':
      return;
    case 'object':
      break;
    default:
      return;
  }
  if (value === null) return;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) yield [value.toISOString(), path];
    return;
  }
  if (value instanceof Uint8Array) {
    const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
    if (printable(text)) yield [text, path];
    return;
  }
  const nested = depth < MAX_DEPTH;
  if (Array.isArray(value)) {
    for (const item of value) yield* valueTexts(item, path, depth + 1);
    return;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) yield* valueTexts(v, nested ? `${path}.${String(k)}` : path, depth + 1);
    return;
  }
  for (const [k, v] of Object.entries(value)) yield* valueTexts(v, nested ? `${path}.${k}` : path, depth + 1);
}
