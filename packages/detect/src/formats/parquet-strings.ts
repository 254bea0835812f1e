import type { ColumnMetaData, Compressors, PageHeader, SchemaElement } from 'hyparquet';

/** Where one page's values sit: `buffer[starts[k], ends[k])` is the value of row `rows[k]`. */
export interface StringPage {
  buffer: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Row of each value, counted from the column chunk's first row. */
  rows: Int32Array;
  count: number;
}

/** Encodings of data pages this reader walks itself; any other goes through hyparquet. */
const VALUE_ENCODINGS = new Set(['PLAIN', 'PLAIN_DICTIONARY', 'RLE_DICTIONARY']);

/**
 * True for a column whose values hyparquet would decode as strings: BYTE_ARRAY, plain or
 * annotated as UTF-8 text or an enum (not JSON, BSON, decimal or geometry).
 */
export function isStringColumn(element: SchemaElement): boolean {
  if (element.type !== 'BYTE_ARRAY') return false;
  const converted = element.converted_type;
  if (converted !== undefined && converted !== 'UTF8' && converted !== 'ENUM') return false;
  const logical = element.logical_type?.type;
  return logical === undefined || logical === 'STRING' || logical === 'ENUM';
}

interface Reader {
  view: DataView;
  offset: number;
}

function fail(what: string): never {
  throw new Error(`parquet string column: ${what}`);
}

/** Reads `count` PLAIN byte arrays of `page` from `reader`, as offsets into the page. */
function plainValues(reader: Reader, count: number, starts: Int32Array, ends: Int32Array): void {
  const view = reader.view;
  let at = reader.offset;
  for (let k = 0; k < count; k++) {
    if (at + 4 > view.byteLength) fail('a value runs past its page');
    const length = view.getUint32(at, true);
    at += 4;
    if (at + length > view.byteLength) fail('a value runs past its page');
    starts[k] = at;
    ends[k] = at + length;
    at += length;
  }
  reader.offset = at;
}

/**
 * Decodes one column chunk of a flat (not nested, not repeated) string column without making
 * an object per value: each page's values are returned as offsets into the page's bytes, with
 * the row each belongs to. Returns undefined when the chunk uses an encoding this reader does
 * not walk (the caller then reads it through hyparquet); throws on a malformed chunk.
 */
export async function readStringChunk(
  bytes: Uint8Array,
  meta: ColumnMetaData,
  optional: boolean,
  compressors: Compressors,
): Promise<StringPage[] | undefined> {
  const { parquetHeader } = await import('hyparquet/src/column.js');
  const { decompressPage } = await import('hyparquet/src/datapage.js');
  const { readRleBitPackedHybrid } = await import('hyparquet/src/encoding.js');
  const reader: Reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  const expected = Number(meta.num_values);
  const pages: StringPage[] = [];
  let dictionary: { buffer: Uint8Array; starts: Int32Array; ends: Int32Array } | undefined;
  let row = 0;
  while (row < expected && reader.offset < bytes.length) {
    const header: PageHeader = parquetHeader(reader);
    const size = header.compressed_page_size;
    if (reader.offset + size > bytes.length) fail('a page runs past its chunk');
    const raw = bytes.subarray(reader.offset, reader.offset + size);
    reader.offset += size;
    if (header.type === 'DICTIONARY_PAGE') {
      const count = header.dictionary_page_header?.num_values ?? fail('no dictionary page header');
      const page = decompressPage(raw, Number(header.uncompressed_page_size), meta.codec, compressors);
      const starts = new Int32Array(count);
      const ends = new Int32Array(count);
      plainValues(
        { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 },
        count,
        starts,
        ends,
      );
      dictionary = { buffer: page, starts, ends };
      continue;
    }
    let values: Uint8Array;
    let levels: Uint8Array | undefined;
    let entries: number;
    let encoding: string;
    if (header.type === 'DATA_PAGE') {
      const daph = header.data_page_header ?? fail('no data page header');
      entries = daph.num_values;
      encoding = daph.encoding;
      if (optional && daph.definition_level_encoding !== 'RLE') return undefined;
      values = decompressPage(raw, Number(header.uncompressed_page_size), meta.codec, compressors);
      if (optional) {
        levels = new Uint8Array(entries);
        const levelReader = {
          view: new DataView(values.buffer, values.byteOffset, values.byteLength),
          offset: 0,
        };
        readRleBitPackedHybrid(levelReader, 1, levels);
        values = values.subarray(levelReader.offset);
      }
    } else if (header.type === 'DATA_PAGE_V2') {
      const daph = header.data_page_header_v2 ?? fail('no data page v2 header');
      entries = daph.num_values;
      encoding = daph.encoding;
      const levelBytes = daph.definition_levels_byte_length + daph.repetition_levels_byte_length;
      if (optional) {
        levels = new Uint8Array(entries);
        const levelReader = {
          view: new DataView(raw.buffer, raw.byteOffset + daph.repetition_levels_byte_length, raw.byteLength),
          offset: 0,
        };
        readRleBitPackedHybrid(levelReader, 1, levels, daph.definition_levels_byte_length);
      }
      values = raw.subarray(levelBytes);
      const size = Number(header.uncompressed_page_size) - levelBytes;
      if (daph.is_compressed !== false && size)
        values = decompressPage(values, size, meta.codec, compressors);
    } else return undefined;
    if (!VALUE_ENCODINGS.has(encoding)) return undefined;
    let present = entries;
    if (levels) {
      present = 0;
      for (let k = 0; k < entries; k++) if (levels[k] === 1) present++;
    }
    const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
    const rows = new Int32Array(present);
    for (let k = 0, v = 0; k < entries; k++) if (!levels || levels[k] === 1) rows[v++] = row + k;
    row += entries;
    if (encoding === 'PLAIN') {
      const starts = new Int32Array(present);
      const ends = new Int32Array(present);
      plainValues({ view, offset: 0 }, present, starts, ends);
      pages.push({ buffer: values, starts, ends, rows, count: present });
      continue;
    }
    if (!dictionary) fail('a dictionary-encoded page without a dictionary');
    if (present === 0) continue;
    const width = view.getUint8(0);
    const indices = new Int32Array(present);
    if (width > 0) readRleBitPackedHybrid({ view, offset: 1 }, width, indices, values.byteLength - 1);
    const starts = new Int32Array(present);
    const ends = new Int32Array(present);
    const entriesInDictionary = dictionary.starts.length;
    for (let k = 0; k < present; k++) {
      const index = indices[k]!;
      if (index < 0 || index >= entriesInDictionary) fail('a dictionary index out of range');
      starts[k] = dictionary.starts[index]!;
      ends[k] = dictionary.ends[index]!;
    }
    pages.push({ buffer: dictionary.buffer, starts, ends, rows, count: present });
  }
  return pages;
}
