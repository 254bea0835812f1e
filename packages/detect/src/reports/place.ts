import type { Location } from '../types.ts';

/** Location fields of documents and data files, in the order reports list them. */
export const DOCUMENT_FIELDS = [
  'sheet',
  'cell',
  'page',
  'slide',
  'part',
  'paragraph',
  'row_group',
  'message_index',
] as const satisfies readonly (keyof Location)[];

/**
 * Where a finding sits in a document or data file, as a person reads it: `Customers!B7`,
 * `page 3`, `slide 2 · Title 1`, `record 18,442 · customer.email`, `document ¶4`,
 * `message 3 · header:Subject`. Empty for plain text, where line and column say it.
 */
export function documentPlace(l: Location): string {
  const parts: string[] = [];
  if (l.message_index !== undefined) parts.push(`message ${(l.message_index + 1).toLocaleString('en-US')}`);
  if (l.sheet !== undefined) parts.push(l.cell ? `${l.sheet}!${l.cell}` : l.sheet);
  if (l.page !== undefined) parts.push(`page ${l.page}`);
  if (l.slide !== undefined) parts.push(`slide ${l.slide}`);
  if (l.row_group !== undefined) parts.push(`row group ${l.row_group}`);
  if (l.record_index !== undefined) parts.push(`record ${l.record_index.toLocaleString('en-US')}`);
  if (l.part !== undefined) parts.push(l.paragraph !== undefined ? `${l.part} ¶${l.paragraph}` : l.part);
  else if (l.paragraph !== undefined) parts.push(`¶${l.paragraph}`);
  if (l.cell !== undefined && l.sheet === undefined) parts.push(l.cell);
  const field = l.json_path ?? (l.sheet === undefined ? l.column_name : undefined);
  if (field !== undefined && (parts.length > 0 || l.record_index !== undefined)) parts.push(field);
  return parts.join(' · ');
}
