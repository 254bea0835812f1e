import type { Locator } from '../engine/locator.ts';
import { TextScanner } from '../engine/text-scanner.ts';
import { CsvLocator } from './csv-locator.ts';
import { JsonLocator } from './json-locator.ts';
import { textKind } from './sniff.ts';
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

/**
 * Scans a text stream: UTF-8 (a BOM is dropped) or UTF-16 LE/BE with BOM, transcoded to UTF-8
 * for the engine. CSV/TSV and JSON/JSON Lines names add their locator.
 */
export async function readText(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  name: string,
  encoding: 'utf8' | 'utf16le' | 'utf16be',
  archivePath: string | undefined,
): Promise<void> {
  const locator = locatorFor(name);
  const options: { locator?: Locator; archivePath?: string } = {};
  if (locator) options.locator = locator;
  if (archivePath !== undefined) options.archivePath = archivePath;
  const scanner = new TextScanner(ctx.engine, ctx.sink, options);
  let first = true;
  const decoder =
    encoding === 'utf8' ? undefined : new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
  try {
    for await (const raw of stream) {
      let chunk = raw;
      if (first && encoding === 'utf8' && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        chunk = chunk.subarray(3);
      }
      first = false;
      if (decoder) scanner.write(Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
      else scanner.write(chunk);
    }
    if (decoder) scanner.write(Buffer.from(decoder.decode(), 'utf8'));
    scanner.end();
  } finally {
    ctx.bytesScanned += scanner.bytesScanned;
  }
}
