import type { WalkContext } from './walk-context.ts';

/**
 * Characters of an HTML body held to convert it to text with a parser (as a browser shows it);
 * a longer body is stripped of its tags piece by piece instead, holding nothing.
 */
export const MAX_HTML_TO_PARSE = 256 * 1024;

/**
 * Turns an HTML body that arrives in pieces into text: held whole (counted in `ctx.held`, two
 * bytes a character) and converted by html-to-text while it stays under
 * {@link MAX_HTML_TO_PARSE} characters; past that, tags are replaced by a space as the pieces
 * come, so a large body is never held whole.
 */
export class HtmlText {
  private held: string[] = [];
  private heldChars = 0;
  private streaming = false;
  private inTag = false;

  constructor(private readonly ctx: WalkContext) {}

  /** Adds a piece of HTML; `emit` receives text once the body is too long to hold. */
  write(piece: string, emit: (text: string) => void): void {
    if (this.streaming) {
      emit(this.strip(piece));
      return;
    }
    if (this.heldChars + piece.length <= MAX_HTML_TO_PARSE) {
      this.ctx.held.hold(2 * piece.length, 'an HTML body');
      this.held.push(piece);
      this.heldChars += piece.length;
      return;
    }
    this.streaming = true;
    const held = this.held;
    this.release();
    for (const h of held) emit(this.strip(h));
    emit(this.strip(piece));
  }

  /** Ends the body with its last piece: a held body is converted and emitted whole. */
  async end(last: string, emit: (text: string) => void): Promise<void> {
    this.write(last, emit);
    if (this.streaming) return;
    const html = this.held.join('');
    this.release();
    if (html === '') return;
    const { convert } = await import('html-to-text');
    emit(convert(html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] }));
  }

  private release(): void {
    this.ctx.held.release(2 * this.heldChars);
    this.held = [];
    this.heldChars = 0;
  }

  private strip(piece: string): string {
    let out = '';
    let i = 0;
    while (i < piece.length) {
      if (this.inTag) {
        const close = piece.indexOf('>', i);
        if (close === -1) return out;
        this.inTag = false;
        out += ' ';
        i = close + 1;
        continue;
      }
      const open = piece.indexOf('<', i);
      if (open === -1) return out + piece.slice(i);
      out += piece.slice(i, open);
      this.inTag = true;
      i = open + 1;
    }
    return out;
  }
}
