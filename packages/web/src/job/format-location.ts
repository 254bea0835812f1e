import type { Location } from '../api/types.ts';

/**
 * A finding's location in words: the JSON path, the CSV cell or the line/column, plus the page
 * and the member path inside an archive when there is one.
 */
export function formatLocation(loc: Location | undefined): string {
  if (!loc) return '–';
  const parts: string[] = [];
  if (loc.archive_path) parts.push(`in ${loc.archive_path}`);
  if (loc.page !== undefined) parts.push(`page ${loc.page}`);
  if (loc.json_path) {
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
