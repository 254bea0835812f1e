import { type RtfPart, RtfText } from './rtf-text.ts';
import { SegmentWriter } from './segments.ts';
import type { WalkContext } from './walk-context.ts';

/**
 * Reads an RTF document as it streams (`RtfText`): one segment per paragraph, located by part
 * (`document`, `header`, `footer`, `footnotes`, `comments`) and its paragraph in that part; the
 * `\info` group (title, author, company) as `properties`. A document cut short is read as far as
 * it goes and marked PARTIAL `CORRUPT_DOCUMENT`.
 */
export async function readRtf(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  archivePath: string | undefined,
): Promise<void> {
  const writer = new SegmentWriter(ctx, archivePath);
  const paragraphs = new Map<RtfPart, number>();
  const rtf = new RtfText((text, part) => {
    if (part === 'properties') {
      writer.write(text, { part });
      return;
    }
    const paragraph = (paragraphs.get(part) ?? 0) + 1;
    paragraphs.set(part, paragraph);
    writer.write(text, { part, paragraph });
  });
  try {
    for await (const chunk of stream)
      rtf.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
    if (!rtf.end()) ctx.soft('CORRUPT_DOCUMENT', 'the RTF document ends before its last group closes');
  } finally {
    writer.end();
  }
}
