import type { Detector } from '../types.ts';

/** A table cell: one line, `|` escaped. */
function cell(text: string | undefined): string {
  return (text ?? '-').replace(/\s+/g, ' ').replaceAll('|', '\\|');
}

/**
 * The catalogue as a Markdown table (the README's coverage table): id, name, category,
 * severity, what the validator checks, and the value's shape (never a live-looking value).
 */
export function detectorTable(catalogue: readonly Detector[]): string {
  const rows = catalogue.map(
    (d) =>
      `| \`${d.id}\` | ${cell(d.name)} | ${d.category} | ${d.severity} | ${cell(d.validator)} | ${cell(d.example)} |`,
  );
  return [
    '| ID | Name | Category | Severity | Validator | Example shape |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
