import type { KeyedValueFinder, Locator } from '../engine/locator.ts';
import { TextScanner } from '../engine/text-scanner.ts';
import { countLines, splitBinary } from './binary-split.ts';
import { CsvKeyedCells } from './csv-keyed-cells.ts';
import { CsvLocator } from './csv-locator.ts';
import { JsonLocator } from './json-locator.ts';
import { textKind } from './sniff.ts';
import { SqlKeyedValues } from './sql-keyed-values.ts';
import type { WalkContext } from './walk-context.ts';

function locatorFor(name: string): Locator | undefined {
  switch (textKind(name)) {
    case 'csv':
      return new CsvLocator(',');
    case 'tsv':
      return new CsvLocator('\t');
    case 'json':
      return new JsonLocator(false);
    case 'jsonl':
      return new JsonLocator(true);
    default:
      return undefined;
  }
}

/** The finder of values named only by their column, for CSV/TSV and SQL dumps. */
function keyedFinderFor(name: string): KeyedValueFinder | undefined {
  switch (textKind(name)) {
    case 'csv':
      return new CsvKeyedCells(',');
    case 'tsv':
      return new CsvKeyedCells('\t');
    default:
      return name.toLowerCase().endsWith('.sql') ? new SqlKeyedValues() : undefined;
  }
}

/** How much of a stream was text (scanned) and binary (passed over). */
export interface TextOutcome {
  textBytes: number;
  binaryBytes: number;
}

/**
 * Scans a text stream: UTF-8 (a BOM is dropped) or UTF-16 LE/BE with BOM, transcoded to UTF-8
 * for the engine. CSV/TSV and JSON/JSON Lines names add their locator. UTF-8 is judged block by
 * block (`splitBinary`): binary stretches are passed over and every text stretch is scanned,
 * with byte offsets and line numbers of the whole stream; `startsBinary` when the head sniffed
 * as binary.
 */
export async function readText(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  name: string,
  encoding: 'utf8' | 'utf16le' | 'utf16be',
  archivePath: string | undefined,
  startsBinary = false,
): Promise<TextOutcome> {
  const outcome: TextOutcome = { textBytes: 0, binaryBytes: 0 };
  const open = (start?: { byte: number; line: number }) => {
    const locator = locatorFor(name);
    const options: ConstructorParameters<typeof TextScanner>[2] = {};
    if (locator) options.locator = locator;
    const keyed = keyedFinderFor(name);
    if (keyed) options.keyed = keyed;
    if (archivePath !== undefined) options.archivePath = archivePath;
    if (start) options.start = start;
    return new TextScanner(ctx.engine, ctx.sink, options);
  };
  if (encoding !== 'utf8') {
    const scanner = open();
    const decoder = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
    try {
      for await (const chunk of stream) {
        outcome.textBytes += chunk.length;
        scanner.write(Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
      }
      scanner.write(Buffer.from(decoder.decode(), 'utf8'));
      scanner.end();
    } finally {
      ctx.bytesScanned += scanner.bytesScanned;
    }
    return outcome;
  }
  let scanner: TextScanner | undefined;
  let offset = 0;
  let line = 1;
  const close = () => {
    const current = scanner;
    if (!current) return;
    scanner = undefined;
    try {
      current.end();
    } finally {
      ctx.bytesScanned += current.bytesScanned;
    }
    line = current.lineNumber;
  };
  try {
    for await (const part of splitBinary(stream, startsBinary)) {
      let bytes = part.bytes;
      if (part.binary) {
        close();
        line += countLines(bytes);
        outcome.binaryBytes += bytes.length;
      } else {
        // A BOM is dropped; offsets count from the byte after it.
        if (offset === 0 && !scanner && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
          bytes = bytes.subarray(3);
        }
        scanner ??= open({ byte: offset, line });
        scanner.write(bytes);
        outcome.textBytes += part.bytes.length;
      }
      offset += bytes.length;
    }
    close();
  } finally {
    if (scanner) ctx.bytesScanned += scanner.bytesScanned;
  }
  return outcome;
}
