interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
}

interface Line {
  text: string;
  /** Where its first text starts and its last ends, in page units; undefined without positions. */
  startX: number | undefined;
  endX: number | undefined;
  /** Width of its first word (over the items it spans), and whether that word has ended. */
  firstWord: number;
  firstWordDone: boolean;
}

/** Lines starting within this many units of each other are one column of text. */
const SAME_START = 2;
/** A line that is one token this long, reaching the margin, is a token broken by the layout. */
const LONG_TOKEN = 16;
/** A token this close to the margin (of a column this wide) ends at it. */
function tolerance(width: number): number {
  return Math.max(8, 0.03 * width);
}

/** Lines of words ending within this share of their column's width of its longest end at one margin (ragged right). */
const RAGGED = 0.1;

/**
 * A page's text in reading order: items on one line joined, a space where pdf.js left a gap.
 * A line the layout wrapped (the next line's first word would not have fitted before the
 * column's right margin) runs on into the next with a space, so `aws_secret_access_key =` finds
 * its value on the next line; a lone token that reaches the page's margin, broken across lines,
 * is joined whole. Other line ends (a code block's, a list's) stay line breaks.
 */
export function pageText(items: readonly unknown[]): string {
  const lines: Line[] = [];
  let line = emptyLine();
  let lastEnd: number | undefined;
  let lastY: number | undefined;
  for (const raw of items) {
    const item = raw as TextItem;
    if (typeof item.str !== 'string') continue;
    const x = item.transform?.[4];
    const y = item.transform?.[5];
    if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 1 && line.text !== '') {
      lines.push(line);
      line = emptyLine();
    } else if (
      lastEnd !== undefined &&
      x !== undefined &&
      x > lastEnd + 1 &&
      line.text !== '' &&
      !/\s$/.test(line.text)
    ) {
      line.text += ' ';
      line.firstWordDone = true;
    }
    if (item.str !== '') {
      if (line.text === '' && x !== undefined) line.startX = x;
      if (!line.firstWordDone) {
        const word = /^\S*/.exec(line.text === '' ? item.str.trimStart() : item.str)![0];
        line.firstWord += ((item.width ?? 0) * word.length) / item.str.length;
        if (word.length < item.str.length) line.firstWordDone = true;
      }
      line.text += item.str;
      line.endX = x !== undefined ? x + (item.width ?? 0) : undefined;
    }
    if (item.hasEOL && line.text !== '') {
      lines.push(line);
      line = emptyLine();
    }
    lastEnd = x !== undefined ? x + (item.width ?? 0) : undefined;
    lastY = y;
  }
  if (line.text !== '') lines.push(line);
  const edges = new RightEdges(lines);
  let out = lines[0]?.text ?? '';
  for (let i = 1; i < lines.length; i++) {
    out += separator(lines[i - 1]!, lines[i]!, edges) + lines[i]!.text;
  }
  return out;
}

function emptyLine(): Line {
  return { text: '', startX: undefined, endX: undefined, firstWord: 0, firstWordDone: false };
}

/** What joins two lines: a line break, or a space or nothing where the layout wrapped. */
function separator(line: Line, next: Line, edges: RightEdges): string {
  if (line.startX === undefined || line.endX === undefined || next.startX === undefined) return '\n';
  if (Math.abs(next.startX - line.startX) > SAME_START || next.firstWord <= 0) return '\n';
  const trimmed = line.text.trim();
  if (trimmed.length >= LONG_TOKEN && !/\s/.test(trimmed)) {
    // A lone token runs on only where it ends at the page's margin: broken there, not ended
    // short (a code line) or drawn past it (clipped).
    const margin = edges.page;
    if (margin === undefined) return '\n';
    // The longest line of words may end a word short of the true margin, so a token may pass it.
    const width = margin - line.startX;
    const reaches =
      line.endX >= margin - tolerance(width) &&
      line.endX <= margin + Math.max(tolerance(width), 0.05 * width);
    return reaches ? '' : '\n';
  }
  const edge = edges.of(line);
  if (edge === undefined || line.endX + next.firstWord <= edge) return '\n';
  return /\s$/.test(line.text) ? '' : ' ';
}

/**
 * Right margins told by lines of words. Per column (lines starting at one x): the end of its
 * longest line of words when another ends near it (justified text, ragged right text), so that a
 * code block of lone tokens shows none and a token drawn past the margin counts for nothing. For
 * the page: the furthest such margin.
 */
class RightEdges {
  /** Line ends by the rounded start of their line, and whether the line is words (has a space). */
  private readonly buckets = new Map<number, { end: number; words: boolean }[]>();
  /** Per column: its margin and how many line ends show it. */
  private readonly edges = new Map<number, { edge: number; lines: number } | undefined>();
  /** The page's right margin, where text columns end; undefined when no column shows one. */
  readonly page: number | undefined;

  constructor(lines: readonly Line[]) {
    for (const l of lines) {
      if (l.startX === undefined || l.endX === undefined) continue;
      const key = Math.round(l.startX / SAME_START);
      const end = { end: l.endX, words: /\S\s+\S/.test(l.text) };
      const ends = this.buckets.get(key);
      if (ends) ends.push(end);
      else this.buckets.set(key, [end]);
    }
    let page: number | undefined;
    for (const key of this.buckets.keys()) {
      const edge = this.edge(key)?.edge;
      if (edge !== undefined && (page === undefined || edge > page)) page = edge;
    }
    this.page = page;
  }

  /**
   * The margin a line of words wraps at: its column's where three or more lines show it (a
   * column of text), else the page's (a few table rows or a short paragraph show no margin).
   */
  of(line: Line): number | undefined {
    const column = this.edge(Math.round(line.startX! / SAME_START));
    return column !== undefined && column.lines >= 3 ? column.edge : this.page;
  }

  private edge(key: number): { edge: number; lines: number } | undefined {
    if (this.edges.has(key)) return this.edges.get(key);
    const start = key * SAME_START;
    // Lines of words only: a lone token may end anywhere (a code line) or past the margin (clipped).
    const ends = [key - 1, key, key + 1]
      .flatMap((k) => this.buckets.get(k) ?? [])
      .filter((e) => e.words)
      .map((e) => e.end)
      .sort((a, b) => b - a);
    const top = ends[0];
    let found: { edge: number; lines: number } | undefined;
    if (top !== undefined) {
      const lines = ends.filter((e) => top - e <= RAGGED * (top - start)).length;
      if (lines >= 2) found = { edge: top, lines };
    }
    this.edges.set(key, found);
    return found;
  }
}
