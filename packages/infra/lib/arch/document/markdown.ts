/** Escapes text for a Markdown table cell. */
export function cell(value: unknown): string {
  const text = value === undefined || value === null || value === '' ? '-' : String(value);
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table; an empty body becomes a one-line note instead. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  empty = 'None.',
): string {
  if (rows.length === 0) return `${empty}\n`;
  const head = `| ${headers.join(' | ')} |`;
  const rule = `|${headers.map(() => '---').join('|')}|`;
  return `${[head, rule, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n')}\n`;
}

/** Formats seconds as the largest whole unit: `4 days`, `300 s`. */
export function duration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0 && seconds >= 600) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** `yes` / `no`. */
export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
