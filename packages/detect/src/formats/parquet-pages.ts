import type { ColumnMetaData, PageHeader } from 'hyparquet';

const count = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function problem(header: PageHeader, room: number, rows: number): string | undefined {
  if (header.type === undefined) return 'unknown page type';
  if (!count(header.compressed_page_size) || header.compressed_page_size > room)
    return 'bad compressed page size';
  if (!count(header.uncompressed_page_size)) return 'bad uncompressed page size';
  const v1 = header.data_page_header;
  if (header.type === 'DATA_PAGE' && (!v1 || !count(v1.num_values) || v1.encoding === undefined))
    return 'bad data page header';
  const dict = header.dictionary_page_header;
  if (header.type === 'DICTIONARY_PAGE' && (!dict || !count(dict.num_values)))
    return 'bad dictionary page header';
  const v2 = header.data_page_header_v2;
  if (header.type === 'DATA_PAGE_V2') {
    if (!v2 || v2.encoding === undefined) return 'bad data page v2 header';
    const { num_values, num_nulls, num_rows, definition_levels_byte_length, repetition_levels_byte_length } =
      v2;
    if (
      ![num_values, num_nulls, num_rows, definition_levels_byte_length, repetition_levels_byte_length].every(
        count,
      )
    ) {
      return 'bad data page v2 header';
    }
    if (num_rows > rows || num_nulls > num_values) return 'data page v2 counts out of range';
    if (definition_levels_byte_length + repetition_levels_byte_length > header.compressed_page_size) {
      return 'data page v2 level lengths exceed the page';
    }
  }
  return undefined;
}

/**
 * Checks the page headers of one column chunk (its bytes as stored) before hyparquet decodes
 * it: a bit flip in a header can make a decoder loop for a very long time over nonsense counts,
 * so headers whose fields are missing, of the wrong type or out of range are refused here.
 * Returns what is wrong, or undefined when the headers are sound.
 */
export async function checkPageHeaders(
  bytes: Uint8Array,
  meta: ColumnMetaData,
  rows: number,
): Promise<string | undefined> {
  const { parquetHeader } = await import('hyparquet/src/column.js');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = { view, offset: 0 };
  const expected = Number(meta.num_values);
  let values = 0;
  while (values < expected && reader.offset < bytes.length) {
    let header: PageHeader;
    try {
      header = parquetHeader(reader);
    } catch {
      return `unreadable page header at byte ${reader.offset}`;
    }
    const wrong = problem(header, bytes.length - reader.offset, rows);
    if (wrong) return wrong;
    if (header.type === 'DATA_PAGE') values += header.data_page_header!.num_values;
    if (header.type === 'DATA_PAGE_V2') values += header.data_page_header_v2!.num_values;
    reader.offset += header.compressed_page_size;
  }
  return values < expected ? `the pages hold ${values} of ${expected} values` : undefined;
}
