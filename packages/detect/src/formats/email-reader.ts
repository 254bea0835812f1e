/// <reference path="./untyped-modules.d.ts" />
import { once } from 'node:events';
import { Readable, type Transform } from 'node:stream';
import type { MimeNode } from '@zone-eu/mailsplit';
import type { FieldInfo } from '../engine/locator.ts';
import { ScanStop } from '../limits.ts';
import { ChunkQueue } from './chunk-queue.ts';
import { HtmlText } from './html-text.ts';
import { mboxMessages } from './mbox-splitter.ts';
import { scanStream } from './scan-stream.ts';
import { SegmentWriter } from './segments.ts';
import type { WalkContext } from './walk-context.ts';

/** Content types read as a message's text (as mailparser reads them); every other part is an attachment. */
const TEXT_TYPES = new Set(['text/plain', 'text/html', 'message/delivery-status']);

/** A part being read: its decoded bytes go to `write`, and `end` waits for what it started. */
interface OpenPart {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
}

function partPath(node: MimeNode): string {
  return ((node.partNr || []) as (number | string)[]).filter((n) => typeof n === 'number').join('.');
}

/** The decoded value of a header line (folding undone, encoded words decoded). */
function headerValue(line: string, decodeWords: (s: string) => string): string {
  const value = line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
  try {
    return decodeWords(value);
  } catch {
    return value;
  }
}

/**
 * Scans one RFC 5322 message as it streams: each header of the message (decoded) located as
 * `part: 'header:Subject'`, each text or HTML body (HTML as text) by its MIME part path (`1`,
 * `1.2`), and each attachment through the format dispatcher one level deeper (depth and member
 * count toward the archive limits, `archive_path` the attachment's file name). Bodies and
 * attachments are decoded and scanned piece by piece: none is held whole (an HTML body up to
 * {@link HtmlText}'s limit is, to convert it as a browser would show it).
 */
async function readMessage(
  ctx: WalkContext,
  source: AsyncIterable<Uint8Array>,
  at: FieldInfo,
  depth: number,
  archivePath: string | undefined,
  attachmentPrefix: string | undefined,
): Promise<void> {
  const { Splitter } = await import('@zone-eu/mailsplit');
  const { default: libmime } = await import('libmime');
  const splitter = new Splitter({ ignoreEmbedded: true });
  const input = Readable.from(source);
  input.on('error', (err) => splitter.destroy(err));
  input.pipe(splitter);
  const writer = new SegmentWriter(ctx, archivePath);
  let attachments = 0;
  let part: OpenPart | undefined;

  const attachment = (node: MimeNode, decoder: Transform): OpenPart => {
    attachments++;
    const name = (node.filename || '') as string;
    const label = name || `part-${partPath(node) || attachments}`;
    const member = attachmentPrefix === undefined ? label : `${attachmentPrefix}!${label}`;
    const queue = new ChunkQueue();
    decoder.on('data', (chunk: Buffer) => queue.push(chunk));
    const scanning = (async () => {
      try {
        ctx.countMember();
        ctx.enter(depth + 1);
        if (!ctx.engine.allowlist.allowsPath(member)) await scanStream(ctx, queue, label, depth + 1, member);
      } catch (err) {
        if (!(err instanceof ScanStop) || err.partial) throw err;
        ctx.soft(err.reason, `attachment ${label}: ${err.message}`);
      } finally {
        // Whatever the reader left unread is let go, so the message goes on.
        for await (const _ of queue);
      }
    })();
    // Surfaces at `end`; until then the rest of the message is still read.
    scanning.catch(() => {});
    return {
      async write(chunk) {
        decoder.write(chunk);
        await queue.drained();
      },
      async end() {
        decoder.end();
        if (!decoder.readableEnded) await once(decoder, 'end');
        queue.end();
        await scanning;
      },
    };
  };

  const body = (node: MimeNode, contentType: string, decoder: Transform): OpenPart => {
    const field: FieldInfo = { ...at, part: partPath(node) || '1' };
    const charset = libmime.createDecodeStream((node.charset || 'utf-8') as string);
    decoder.pipe(charset);
    const text = new TextDecoder();
    const html = contentType === 'text/html' ? new HtmlText(ctx) : undefined;
    writer.begin(field);
    charset.on('data', (chunk: Buffer) => {
      const piece = text.decode(chunk, { stream: true });
      if (html) html.write(piece, (t) => writer.append(t));
      else writer.append(piece);
    });
    return {
      async write(chunk) {
        if (!decoder.write(chunk)) await once(decoder, 'drain');
      },
      async end() {
        decoder.end();
        if (!charset.readableEnded) await once(charset, 'end');
        const rest = text.decode();
        if (html) await html.end(rest, (t) => writer.append(t));
        else writer.append(rest);
        writer.finish();
      },
    };
  };

  try {
    for await (const data of splitter as AsyncIterable<{ type: string; value?: Buffer } & MimeNode>) {
      if (data.type === 'node') {
        await part?.end();
        part = undefined;
        const node = data as MimeNode;
        if (node.root) {
          for (const { line } of (node.headers ? node.headers.getList() : []) as {
            key: string;
            line: string;
          }[]) {
            const name = line.slice(0, Math.max(0, line.indexOf(':'))).trim();
            const value = headerValue(line, (s) => libmime.decodeWords(s));
            if (name && value) writer.write(value, { ...at, part: `header:${name}`, fieldName: name });
          }
        }
        const contentType = ((node.contentType || (node.root ? 'text/plain' : '')) as string).toLowerCase();
        if (node.multipart) continue;
        let disposition = (node.disposition || '') as string;
        if (disposition && disposition !== 'attachment' && disposition !== 'inline')
          disposition = 'attachment';
        const isText = TEXT_TYPES.has(contentType);
        if (!disposition) disposition = isText ? 'inline' : 'attachment';
        const decoder = node.getDecoder() as Transform;
        part =
          isText && disposition === 'inline' ? body(node, contentType, decoder) : attachment(node, decoder);
        continue;
      }
      if (data.type === 'body' && part && data.value) await part.write(data.value);
    }
    await part?.end();
  } catch (err) {
    if (err instanceof ScanStop) throw err;
    throw new ScanStop('CORRUPT_EMAIL', `the message could not be parsed: ${(err as Error).message}`, false);
  } finally {
    writer.end();
    input.destroy();
  }
}

/**
 * Scans an e-mail message (`.eml`) or a mailbox (mbox: messages split on `From ` lines, each
 * located by its 0-based `message_index`; an attachment's archive path starts `message-3!`).
 */
export async function readMail(
  ctx: WalkContext,
  stream: AsyncIterable<Uint8Array>,
  kind: 'email' | 'mbox',
  depth: number,
  archivePath: string | undefined,
): Promise<void> {
  if (kind === 'email') {
    await readMessage(ctx, stream, {}, depth, archivePath, archivePath);
    return;
  }
  let index = 0;
  for await (const message of mboxMessages(stream)) {
    const label = `message-${index}`;
    await readMessage(
      ctx,
      message,
      { message_index: index },
      depth,
      archivePath,
      archivePath === undefined ? label : `${archivePath}!${label}`,
    );
    index++;
  }
}
