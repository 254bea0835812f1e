/** Longest path followed into a nested value; deeper levels are written at this path. */
const MAX_DEPTH = 32;

function printable(text: string): boolean {
  return !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
}

/**
 * Calls `emit` with the scannable text of a decoded record value and the dotted path of each
 * piece: a struct's or map's fields add their name to the path, a list's items keep it.
 * Numbers are written as digits (a card number stored as a number is still found), dates in
 * ISO form, bytes as UTF-8 when they are printable text; nulls, booleans and binary bytes emit
 * nothing.
 */
export function valueTexts(
  value: unknown,
  path: string,
  emit: (text: string, path: string) => void,
  depth = 0,
): void {
  switch (typeof value) {
    case 'string':
      emit(value, path);
      return;
    case 'number':
      if (Number.isFinite(value)) emit(Number.isInteger(value) ? value.toFixed(0) : String(value), path);
      return;
    case 'bigint':
      emit(value.toString(), path);
      return;
    case 'object':
      break;
    default:
      return;
  }
  if (value === null) return;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) emit(value.toISOString(), path);
    return;
  }
  if (value instanceof Uint8Array) {
    const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
    if (printable(text)) emit(text, path);
    return;
  }
  const nested = depth < MAX_DEPTH;
  if (Array.isArray(value)) {
    for (const item of value) valueTexts(item, path, emit, depth + 1);
    return;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) valueTexts(v, nested ? `${path}.${String(k)}` : path, emit, depth + 1);
    return;
  }
  for (const k in value) {
    if (Object.hasOwn(value, k)) {
      valueTexts((value as Record<string, unknown>)[k], nested ? `${path}.${k}` : path, emit, depth + 1);
    }
  }
}
