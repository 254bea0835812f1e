/**
 * Masked preview of a raw value: keeps a few leading/trailing characters and stars the rest
 * (`AKIA************MPLE`). Short values keep less, so at least half is always hidden.
 */
export function mask(
  value: string,
  keep: { keepStart: number; keepEnd: number } = { keepStart: 4, keepEnd: 4 },
) {
  const chars = Array.from(value);
  const n = chars.length;
  const budget = Math.floor(n / 4);
  const start = Math.min(keep.keepStart, budget);
  const end = Math.min(keep.keepEnd, budget);
  const hidden = Math.min(n - start - end, 64);
  return `${chars.slice(0, start).join('')}${'*'.repeat(Math.max(hidden, 1))}${end > 0 ? chars.slice(n - end).join('') : ''}`;
}
