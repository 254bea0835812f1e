import type { Location } from '../api/types.ts';

/** Where a finding sits in a document or data file (`Customers!B7`, `slide 2 · Title 1`), if it does. */
function documentPlace(loc: Location): string | undefined {
  if (loc.sheet !== undefined) {
    return `${loc.sheet}!${loc.cell ?? ''}${loc.column_name ? ` (${loc.column_name})` : ''}`;
  }
  if (loc.slide !== undefined) return loc.part ? `slide ${loc.slide} · ${loc.part}` : `slide ${loc.slide}`;
  if (loc.row_group !== undefined && loc.record_index !== undefined) {
    const field = loc.json_path ?? loc.column_name;
    return `record ${loc.record_index.toLocaleString('en-US')}${field ? ` · ${field}` : ''}`;
  }
  if (loc.part !== undefined) {
    const part = loc.paragraph !== undefined ? `${loc.part} ¶${loc.paragraph}` : loc.part;
    return loc.cell ? `${part} · ${loc.cell}` : part;
  }
  return undefined;
}

/**
 * A finding's location in words: a document place (sheet and cell, slide, record, part), the JSON
 * path, the CSV cell or the line/column, plus the message, page and archive member when there is one.
 */
export function formatLocation(loc: Location | undefined): string {
  if (!loc) return '–';
  const parts: string[] = [];
  if (loc.archive_path) parts.push(`in ${loc.archive_path}`);
  if (loc.message_index !== undefined) parts.push(`message ${loc.message_index + 1}`);
  if (loc.page !== undefined) parts.push(`page ${loc.page}`);
  const place = documentPlace(loc);
  if (place !== undefined) parts.push(place);
  else if (loc.json_path) {
    parts.push(
      loc.record_index !== undefined ? `record ${loc.record_index}, ${loc.json_path}` : loc.json_path,
    );
  } else if (loc.row !== undefined) {
    const col = loc.column_name ?? (loc.column_index !== undefined ? `#${loc.column_index + 1}` : undefined);
    parts.push(col !== undefined ? `row ${loc.row}, column ${col}` : `row ${loc.row}`);
  } else {
    parts.push(`line ${loc.line}, column ${loc.column}`);
  }
  return parts.join(' · ');
}
