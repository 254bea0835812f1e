import { SaxesParser } from 'saxes';
import { ScanStop } from '../../limits.ts';
import { XmlNames } from './xml-names.ts';

/**
 * Receives one XML part's events: element names keep their prefix (`w:p`), the one Office
 * binds its namespace to whatever the document binds (`XmlNames`); attributes are plain.
 */
export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text(text: string): void;
  close(name: string): void;
}

/** Parses an XML part as it streams in (UTF-8), calling `handler`; bad XML is CORRUPT_DOCUMENT. */
export async function parseXml(
  source: AsyncIterable<Uint8Array>,
  handler: XmlHandler,
  part: string,
): Promise<void> {
  const parser = new SaxesParser();
  const names = new XmlNames();
  let failure: Error | undefined;
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    handler.open(names.open(tag.name, attributes), attributes);
  });
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  parser.on('closetag', (tag) => handler.close(names.close(tag.name)));
  parser.on('error', (err) => {
    failure ??= err;
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    if (failure) continue;
    parser.write(decoder.decode(chunk, { stream: true }));
  }
  if (!failure) parser.write(decoder.decode());
  if (!failure) parser.close();
  if (failure) throw new ScanStop('CORRUPT_DOCUMENT', `the document part ${part} is not well-formed XML`);
}

/**
 * Collects the text of the elements named in `inside` (any depth), joined as it appears. A
 * paragraph nested in another (a text box, a note) is collected apart between `begin` and `take`.
 */
export class TextCollector {
  private text = '';
  private depth = 0;
  private readonly outer: string[] = [];

  constructor(private readonly inside: ReadonlySet<string>) {}

  open(name: string): void {
    if (this.inside.has(name)) this.depth++;
  }

  close(name: string): void {
    if (this.inside.has(name)) this.depth--;
  }

  add(text: string): void {
    if (this.depth > 0) this.text += text;
  }

  /** Appends a separator (a tab, a line break) that an empty element stands for. */
  separator(s: string): void {
    this.text += s;
  }

  /** Starts a paragraph: the text collected so far is set aside until its `take`. */
  begin(): void {
    this.outer.push(this.text);
    this.text = '';
  }

  /** The text collected since the last `begin` (or `take`); the text set aside there resumes. */
  take(): string {
    const t = this.text;
    this.text = this.outer.pop() ?? '';
    return t;
  }
}
