/// <reference path="./untyped-modules.d.ts" />
import { Readable } from 'node:stream';
import type { AttachmentStream, MailParser as MailParserType } from 'mailparser';
import type { FieldInfo } from '../engine/locator.ts';
import { ScanStop } from '../limits.ts';
import { mboxMessages } from './mbox-splitter.ts';
import { scanStream } from './scan-stream.ts';
import { SegmentWriter } from './segments.ts';
import type { WalkContext } from './walk-context.ts';

/** HTML bodies longer than this are stripped of tags by a plain pattern instead of a parser. */
const MAX_HTML_TO_PARSE = 8 * 1024 * 1024;

/** The part of mailparser's internal MIME tree this reader walks for the text bodies. */
interface TreeNode {
  contentType?: string;
  textContent?: string;
  isAttachment?: boolean;
  node?: { partNr?: (number | string)[] };
  children?: TreeNode[];
}

function headerText(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'bigint') return [String(value)];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? [] : [value.toISOString()];
  if (Array.isArray(value)) return value.flatMap(headerText);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; value?: unknown; params?: Record<string, unknown> };
    if (typeof v.text === 'string') return [v.text];
    const params = v.params ? Object.values(v.params).flatMap(headerText) : [];
    return [...headerText(v.value), ...params];
  }
  return [];
}

async function htmlText(html: string): Promise<string> {
  if (html.length > MAX_HTML_TO_PARSE) return html.replace(/<[^>]*>/g, ' ');
  const { convert } = await import('html-to-text');
  return convert(html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] });
}

function* textParts(node: TreeNode | undefined): Generator<[TreeNode, string]> {
  if (!node) return;
  if (!node.isAttachment && typeof node.textContent === 'string') {
    const path = (node.node?.partNr ?? []).filter((n) => typeof n === 'number').join('.');
    yield [node, path || '1'];
  }
  for (const child of node.children ?? []) yield* textParts(child);
}

/**
 * Scans one RFC 5322 message: each header (decoded) located as `part: 'header:Subject'`, each
 * text or HTML body (HTML as text) by its MIME part path (`1`, `1.2`), and each attachment
 * through the format dispatcher one level deeper (depth and member count toward the archive
 * limits, `archive_path` the attachment's file name).
 */
async function readMessage(
  ctx: WalkContext,
  source: AsyncIterable<Uint8Array>,
  at: FieldInfo,
  depth: number,
  archivePath: string | undefined,
  attachmentPrefix: string | undefined,
): Promise<void> {
  const { MailParser } = await import('mailparser');
  const parser: MailParserType = new MailParser({
    skipImageLinks: true,
    skipTextLinks: true,
    skipTextToHtml: true,
    skipHtmlToText: true,
    checksumAlgo: false,
  } as never);
  let headers: Map<string, unknown> | undefined;
  let headerLines: readonly { key: string; line: string }[] = [];
  parser.on('headers', (h) => {
    headers = h as Map<string, unknown>;
  });
  parser.on('headerLines', (lines) => {
    headerLines = lines;
  });
  const input = Readable.from(source);
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  const writer = new SegmentWriter(ctx, archivePath);
  let headersDone = false;
  const writeHeaders = () => {
    headersDone = true;
    const names = new Map(headerLines.map((h) => [h.key, h.line.slice(0, h.line.indexOf(':')).trim()]));
    for (const [key, value] of headers ?? []) {
      const name = names.get(key) ?? key;
      for (const text of headerText(value))
        writer.write(text, { ...at, part: `header:${name}`, fieldName: name });
    }
  };
  let attachments = 0;
  try {
    for await (const part of parser as AsyncIterable<{ type: string } & Partial<AttachmentStream>>) {
      if (!headersDone) writeHeaders();
      if (part.type !== 'attachment') continue;
      const attachment = part as AttachmentStream;
      attachments++;
      const name = attachment.filename || `part-${(attachment as { partId?: string }).partId ?? attachments}`;
      const member = attachmentPrefix === undefined ? name : `${attachmentPrefix}!${name}`;
      try {
        ctx.countMember();
        ctx.enter(depth + 1);
        if (!ctx.engine.allowlist.allowsPath(member)) {
          await scanStream(ctx, attachment.content, name, depth + 1, member);
        }
      } catch (err) {
        if (!(err instanceof ScanStop) || err.partial) throw err;
        ctx.soft(err.reason, `attachment ${name}: ${err.message}`);
      } finally {
        attachment.content.resume();
        attachment.release?.();
      }
    }
    if (!headersDone) writeHeaders();
    for (const [node, path] of textParts((parser as unknown as { tree?: TreeNode }).tree)) {
      const text = node.contentType === 'text/html' ? await htmlText(node.textContent!) : node.textContent!;
      writer.write(text, { ...at, part: path });
    }
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
