import type { AsyncBuffer, FileMetaData, SchemaTree } from 'hyparquet';
import { ScanStop } from '../limits.ts';
import { checkPageHeaders } from './parquet-pages.ts';
import { isStringColumn, readStringChunk, type StringPage } from './parquet-strings.ts';
import type { RandomAccess } from './random-access.ts';
import { spoolToFile } from './random-access.ts';
import { type LazyField, SegmentWriter } from './segments.ts';
import { valueTexts } from './value-text.ts';
import type { WalkContext } from './walk-context.ts';

/**
 * Largest column chunk (one top-level column of one row group: its stored bytes plus its
 * uncompressed size) read into memory, lower when the decompressed-size limit or the object's
 * held-bytes bound is. The reader holds one such chunk at a time (counted in `ctx.held`), so
 * this bounds its memory; a larger chunk is skipped (PARTIAL, OBJECT_TOO_LARGE).
 */
export const MAX_PARQUET_CHUNK_BYTES = 256 * 1024 * 1024;

/** A top-level column whose values are single primitives (no list, map or struct). */
function isFlat(child: SchemaTree): boolean {
  return child.children.length === 0 && child.element.repetition_type !== 'REPEATED';
}

/** Bytes fetched from the end for the footer; a larger footer costs a second read. */
const FOOTER_FETCH_BYTES = 64 * 1024;

/** Bytes already fetched (a column chunk being checked), served to hyparquet without a second read. */
interface Held {
  start: number;
  bytes: Uint8Array;
}

function asyncBuffer(random: RandomAccess, held: Held[]): AsyncBuffer {
  return {
    byteLength: random.size,
    async slice(start, end = random.size) {
      const hit = held.find((h) => start >= h.start && end <= h.start + h.bytes.length);
      const bytes = hit
        ? hit.bytes.subarray(start - hit.start, end - hit.start)
        : await random.read(start, end);
      if (!hit && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
        return bytes.buffer as ArrayBuffer;
      }
      return bytes.slice().buffer as ArrayBuffer;
    },
  };
}

/**
 * Scans a Parquet file: reads the footer, then each row group one top-level column at a time
 * by byte range, writing every value as text located by its record index (0-based across the
 * file), column path (nested fields dotted) and row group. With `random` (a top-level object
 * whose source serves ranges) only the needed bytes are fetched; otherwise the stream is
 * spooled to a temporary file first. A corrupt file ends CORRUPT_PARQUET, PARTIAL when some
 * row groups were read.
 */
export async function readParquet(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  random: RandomAccess | undefined,
  archivePath: string | undefined,
): Promise<void> {
  if (random) {
    await readFrom(ctx, random, archivePath);
    return;
  }
  const spooled = await spoolToFile(stream, ctx.limits.maxDecompressedBytes, 'a Parquet file');
  try {
    await readFrom(ctx, spooled.random, archivePath);
  } finally {
    await spooled.close();
  }
}

async function readFrom(
  ctx: WalkContext,
  random: RandomAccess,
  archivePath: string | undefined,
): Promise<void> {
  const { parquetMetadataAsync, parquetRead, parquetSchema } = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  const held: Held[] = [];
  const file = asyncBuffer(random, held);
  let metadata: FileMetaData;
  let schema: SchemaTree[];
  try {
    metadata = await parquetMetadataAsync(file, { initialFetchSize: FOOTER_FETCH_BYTES });
    schema = parquetSchema(metadata).children;
  } catch (err) {
    throw new ScanStop('CORRUPT_PARQUET', `the Parquet footer could not be read: ${message(err)}`, false);
  }
  const writer = new SegmentWriter(ctx, archivePath);
  const chunkLimit = Math.min(MAX_PARQUET_CHUNK_BYTES, ctx.limits.maxDecompressedBytes);
  let record = 0;
  let groupStart = 0;
  try {
    for (let group = 0; group < metadata.row_groups.length; group++) {
      const rowGroup = metadata.row_groups[group]!;
      const rows = Number(rowGroup.num_rows);
      for (const child of schema) {
        const column = child.element.name;
        const flat = isFlat(child);
        // Evaluated when a match needs it, long after the loop moved on: captures its own group and column.
        const located: LazyField = Object.assign(
          (index: number) => ({
            record_index: index,
            row_group: group,
            column_name: column,
            fieldName: column,
          }),
          { fieldName: column },
        );
        const emit = (text: string, path: string) => {
          if (path === column) writer.write(text, located, record);
          else
            writer.write(text, {
              record_index: record,
              row_group: group,
              column_name: path,
              fieldName: path,
            });
        };
        const size = rowGroup.columns
          .filter((c) => c.meta_data?.path_in_schema[0] === column)
          .reduce((n, c) => {
            const meta = c.meta_data;
            return (
              n +
              Math.max(Number(meta?.total_uncompressed_size ?? 0n), Number(meta?.total_compressed_size ?? 0n))
            );
          }, 0);
        if (size > chunkLimit || !ctx.held.fits(size)) {
          ctx.soft(
            'OBJECT_TOO_LARGE',
            `column ${column} of row group ${group} holds ${size} bytes uncompressed, above the ${Math.min(chunkLimit, ctx.held.limit - ctx.held.current)}-byte chunk limit`,
          );
          continue;
        }
        const chunks: { data: ArrayLike<unknown>; rowStart: number }[] = [];
        const strings = flat && isStringColumn(child.element);
        let pages: StringPage[] | undefined;
        ctx.held.hold(size, `column ${column} of row group ${group}`);
        try {
          try {
            held.length = 0;
            for (const chunk of rowGroup.columns) {
              const meta = chunk.meta_data;
              if (!meta || meta.path_in_schema[0] !== column) continue;
              const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
              const bytes = await random.read(start, start + Number(meta.total_compressed_size));
              const wrong = await checkPageHeaders(bytes, meta, rows);
              if (wrong) throw new Error(`${meta.path_in_schema.join('.')}: ${wrong}`);
              held.push({ start, bytes });
              // A flat string column is walked here, its values left in the page bytes.
              if (strings)
                pages = await readStringChunk(
                  bytes,
                  meta,
                  child.element.repetition_type !== 'REQUIRED',
                  compressors,
                );
            }
            if (!pages)
              await parquetRead({
                file,
                metadata,
                columns: [column],
                rowStart: groupStart,
                rowEnd: groupStart + rows,
                compressors,
                onChunk: (chunk) => {
                  if (chunk.columnName === column)
                    chunks.push({ data: chunk.columnData, rowStart: chunk.rowStart });
                },
              });
          } catch (err) {
            if (err instanceof ScanStop) throw err;
            throw new ScanStop(
              'CORRUPT_PARQUET',
              `row group ${group}, column ${column} could not be read: ${message(err)}`,
              group > 0,
            );
          }
          for (const page of pages ?? []) {
            const { buffer, starts, ends, rows, count } = page;
            for (let k = 0; k < count; k++) {
              record = groupStart + rows[k]!;
              writer.writeRange(buffer, starts[k]!, ends[k]!, located, record);
            }
          }
          for (const { data, rowStart } of chunks) {
            for (let i = 0; i < data.length; i++) {
              const value = data[i];
              record = rowStart + i;
              if (value === null || value === undefined) continue;
              if (typeof value === 'string') writer.write(value, located, record);
              else valueTexts(value, column, emit);
            }
          }
        } finally {
          chunks.length = 0;
          ctx.held.release(size);
        }
      }
      held.length = 0;
      groupStart += rows;
    }
  } finally {
    writer.end();
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
