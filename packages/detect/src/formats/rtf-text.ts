/** Where a paragraph of an RTF document sits: the body, a header or footer, a note, a comment. */
export type RtfPart = 'document' | 'header' | 'footer' | 'footnotes' | 'comments' | 'properties';

/** Destinations that hold no text a reader shows: tables of fonts and styles, pictures, data. */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'pict',
  'objdata',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'generator',
  'xmlnstbl',
  'mmathPr',
  'sp',
  'pgdsctbl',
  'filetbl',
  'defchp',
  'defpap',
  'pnseclvl',
  'wgrffmtfilter',
  'ftnsep',
  'ftnsepc',
  'aftnsep',
  'aftnsepc',
  'bkmkstart',
  'bkmkend',
  'nonshppict',
  'atnid',
  'atndate',
  'atnauthor',
  'upr',
]);

/** `\*` destinations whose text is read; any other `\*` group is passed over, as RTF asks. */
const STARRED_READ = new Set([
  'annotation',
  'footnote',
  'shpinst',
  'shptxt',
  'fldinst',
  'company',
  'userprops',
  'propname',
  'staticval',
  'ud',
]);

const PARTS: Readonly<Record<string, RtfPart>> = {
  header: 'header',
  headerl: 'header',
  headerr: 'header',
  headerf: 'header',
  footer: 'footer',
  footerl: 'footer',
  footerr: 'footer',
  footerf: 'footer',
  footnote: 'footnotes',
  annotation: 'comments',
  info: 'properties',
  userprops: 'properties',
};

const SYMBOLS: Readonly<Record<string, string>> = {
  tab: '\t',
  cell: '\t',
  line: '\n',
  emdash: '\u2014',
  endash: '\u2013',
  bullet: '\u2022',
  lquote: '\u2018',
  rquote: '\u2019',
  ldblquote: '\u201c',
  rdblquote: '\u201d',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
};

/** Control words that end a paragraph. */
const BREAKS = new Set(['par', 'row', 'sect', 'page']);

/** Groups nested deeper than this are counted, not kept (a file of `{{{{…` holds no memory). */
const MAX_DEPTH = 256;

/** A paragraph longer than this is handed on in pieces (an RTF without `\par`). */
const MAX_PARAGRAPH = 1 << 20;

interface Group {
  skip: boolean;
  part: RtfPart;
  /** Fallback characters after `\uN` in this group (`\ucN`). */
  uc: number;
  /** The text of the enclosing part, set aside while this group (a note, a header) is read. */
  outer: string | undefined;
}

const TEXT = 0;
const ESCAPE = 1;
const WORD = 2;
const PARAM = 3;
const HEX = 4;
const BINARY = 5;

/**
 * The text of an RTF document as it streams in, paragraph by paragraph with its part: control
 * words, font and style tables, pictures and embedded object data are dropped, `\'hh` and `\uN`
 * escapes decoded (in the document's `\ansicpg` code page), formatting groups inside a word
 * joined (`ghp_ab}{\b cd` reads `ghp_abcd`). Takes the file as Latin-1 characters (one per byte).
 */
export class RtfText {
  private readonly groups: Group[] = [{ skip: false, part: 'document', uc: 1, outer: undefined }];
  private state = TEXT;
  private word = '';
  private param = '';
  private hex = '';
  private binaryLeft = 0;
  /** A `\*` was read: the next control word names a destination that may be passed over. */
  private starred = false;
  /** At the start of a group: its first control word may be a destination. */
  private groupStart = false;
  private ucLeft = 0;
  private closedDocument = false;
  /** Groups opened past `MAX_DEPTH`: read as part of the deepest kept one. */
  private overflow = 0;
  private bytes: number[] = [];
  private text = '';
  private decoder = new TextDecoder('windows-1252');

  constructor(private readonly emit: (text: string, part: RtfPart) => void) {}

  private get group(): Group {
    return this.groups[this.groups.length - 1]!;
  }

  /** Reads the next characters of the file. */
  write(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      switch (this.state) {
        case BINARY:
          this.binaryLeft--;
          if (this.binaryLeft <= 0) this.state = TEXT;
          break;
        case HEX:
          this.hex += c;
          if (this.hex.length === 2) {
            this.state = TEXT;
            const byte = Number.parseInt(this.hex, 16);
            if (Number.isNaN(byte)) break;
            if (this.ucLeft > 0) this.ucLeft--;
            else if (!this.group.skip) this.bytes.push(byte);
          }
          break;
        case WORD:
          if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            this.word += c;
            break;
          }
          if (c === '-' || (c >= '0' && c <= '9')) {
            this.param = c;
            this.state = PARAM;
            break;
          }
          this.controlWord();
          if (c !== ' ') i--;
          break;
        case PARAM:
          if (c >= '0' && c <= '9') {
            this.param += c;
            break;
          }
          this.controlWord();
          if (c !== ' ') i--;
          break;
        case ESCAPE:
          this.state = TEXT;
          if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            this.word = c;
            this.param = '';
            this.state = WORD;
          } else if (c === "'") {
            this.hex = '';
            this.state = HEX;
          } else if (c === '*') {
            this.starred = true;
          } else if (c === '\n' || c === '\r') {
            this.paragraphEnd();
          } else {
            this.groupStart = false;
            if (this.ucLeft > 0) this.ucLeft--;
            else if (!this.group.skip)
              this.add(c === '~' ? ' ' : c === '_' ? '-' : c === '-' || c === ':' ? '' : c);
          }
          break;
        default:
          if (c === '\\') this.state = ESCAPE;
          else if (c === '{') this.open();
          else if (c === '}') this.close();
          else if (c !== '\n' && c !== '\r') {
            this.groupStart = false;
            if (this.ucLeft > 0) this.ucLeft--;
            else if (!this.group.skip) {
              const code = c.charCodeAt(0);
              if (code < 0x80) this.add(c);
              else this.bytes.push(code);
            }
          }
      }
    }
  }

  /**
   * Hands on the text still held. False when the document was cut short: it ended inside a
   * group (the whole document is one), or in the middle of binary data.
   */
  end(): boolean {
    const whole =
      this.groups.length === 1 && this.overflow === 0 && this.closedDocument && this.state !== BINARY;
    if (this.state === WORD || this.state === PARAM) this.controlWord();
    while (this.groups.length > 1) this.close();
    this.flushBytes();
    this.flush(this.group.part);
    return whole;
  }

  private open(): void {
    this.flushBytes();
    this.groupStart = true;
    this.starred = false;
    if (this.groups.length >= MAX_DEPTH) {
      this.overflow++;
      return;
    }
    const g = this.group;
    this.groups.push({ skip: g.skip, part: g.part, uc: g.uc, outer: undefined });
  }

  private close(): void {
    if (this.overflow > 0) {
      this.overflow--;
      this.groupStart = false;
      return;
    }
    if (this.groups.length <= 1) return;
    this.flushBytes();
    const g = this.groups.pop()!;
    if (this.groups.length === 1) this.closedDocument = true;
    if (g.outer !== undefined) {
      this.flush(g.part);
      this.text = g.outer;
    } else if (g.part === 'properties' && !g.skip && this.text !== '' && !this.text.endsWith('\n')) {
      this.text += '\n';
    }
    this.groupStart = false;
    this.starred = false;
    this.ucLeft = 0;
  }

  private controlWord(): void {
    this.state = TEXT;
    const word = this.word;
    const param = this.param;
    const g = this.group;
    if (this.groupStart) {
      this.groupStart = false;
      const starred = this.starred;
      this.starred = false;
      if (word === 'ud') g.skip = false;
      else if (SKIPPED.has(word) || (starred && !STARRED_READ.has(word))) g.skip = true;
      const part = PARTS[word];
      if (part !== undefined && !g.skip) {
        this.flushBytes();
        g.outer = this.text;
        this.text = '';
        g.part = part;
      }
      if (g.skip) return;
    }
    switch (word) {
      case 'u': {
        if (g.skip) return;
        const n = Number(param);
        this.flushBytes();
        this.add(String.fromCharCode(n < 0 ? n + 65536 : n));
        this.ucLeft = g.uc;
        return;
      }
      case 'uc':
        g.uc = Math.min(8, Math.max(0, Number(param) || 0));
        return;
      case 'bin':
        this.binaryLeft = Number(param) || 0;
        if (this.binaryLeft > 0) this.state = BINARY;
        return;
      case 'ansicpg':
        this.decoder = codePage(param);
        return;
    }
    if (g.skip) return;
    if (BREAKS.has(word)) this.paragraphEnd();
    else {
      const symbol = SYMBOLS[word];
      if (symbol !== undefined) {
        this.flushBytes();
        this.add(symbol);
      }
    }
  }

  private add(s: string): void {
    if (this.bytes.length > 0) this.flushBytes();
    this.text += s;
    if (this.text.length > MAX_PARAGRAPH) this.flush(this.group.part);
  }

  private flushBytes(): void {
    if (this.bytes.length === 0) return;
    const bytes = Uint8Array.from(this.bytes);
    this.bytes = [];
    this.text += this.decoder.decode(bytes);
  }

  private paragraphEnd(): void {
    this.flushBytes();
    this.flush(this.group.part);
  }

  private flush(part: RtfPart): void {
    const text = this.text;
    this.text = '';
    if (text.trim() !== '') this.emit(text, part);
  }
}

/** Code pages that the Encoding Standard names otherwise than `windows-N`. */
const CODE_PAGES: Readonly<Record<string, string>> = {
  '932': 'shift_jis',
  '936': 'gbk',
  '949': 'euc-kr',
  '950': 'big5',
  '10000': 'macintosh',
  '65001': 'utf-8',
};

/** The decoder of an `\ansicpgN` code page, or Windows-1252 when this runtime has none. */
function codePage(n: string): TextDecoder {
  try {
    return new TextDecoder(CODE_PAGES[n] ?? `windows-${n}`);
  } catch {
    return new TextDecoder('windows-1252');
  }
}
