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
/** A line's last word this long, alone on a line that wraps, is a token broken by the layout. */
const LONG_TOKEN = 16;

/**
 * A page's text in reading order: items on one line joined, a space where pdf.js left a gap.
 * A line the layout wrapped (the next line's first word would not have fitted after it) runs on
 * into the next with a space, so `aws_secret_access_key =` finds its value on the next line; a
 * token longer than the line, broken across lines, is joined whole. Other line ends stay line
 * breaks. `view`: the page's box `[x0, y0, x1, y1]`, for the right margin of a lone column.
 */
export function pageText(items: readonly unknown[], view?: readonly number[]): string {
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
    } else if (lastEnd !== undefined && x !== undefined && x > lastEnd + 1 && !/\s$/.test(line.text)) {
      line.text += ' ';
      if (line.text.trim() !== '') line.firstWordDone = true;
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
  const edges = new RightEdges(lines, view);
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
  const edge = edges.of(line);
  if (edge === undefined || line.endX + next.firstWord <= edge) return '\n';
  if (/\s$/.test(line.text)) return '';
  const trimmed = line.text.trim();
  return trimmed.length >= LONG_TOKEN && !/\s/.test(trimmed) ? '' : ' ';
}

/**
 * The right edge of each column of lines (lines starting at one x): where at least two of its
 * lines end, one of them words (justified text, a ragged column's longest lines; a column of
 * lone tokens of one length shows no margin), or else the page's width less the column's left
 * margin; undefined where neither can be told.
 */
class RightEdges {
  /** Line ends by the rounded start of their line, and whether the line is words (has a space). */
  private readonly buckets = new Map<number, { end: number; words: boolean }[]>();
  private readonly edges = new Map<number, number | undefined>();

  constructor(
    lines: readonly Line[],
    private readonly view: readonly number[] | undefined,
  ) {
    for (const l of lines) {
      if (l.startX === undefined || l.endX === undefined) continue;
      const key = Math.round(l.startX / SAME_START);
      const end = { end: l.endX, words: /\S\s+\S/.test(l.text) };
      const ends = this.buckets.get(key);
      if (ends) ends.push(end);
      else this.buckets.set(key, [end]);
    }
  }

  of(line: Line): number | undefined {
    const start = line.startX!;
    const key = Math.round(start / SAME_START);
    if (this.edges.has(key)) return this.edges.get(key);
    const ends = [key - 1, key, key + 1]
      .flatMap((k) => this.buckets.get(k) ?? [])
      .sort((a, b) => b.end - a.end);
    let edge: number | undefined;
    const widest = ends[0]?.end;
    const near = widest === undefined ? [] : ends.filter((e) => e.end >= widest - 0.03 * (widest - start));
    if (near.length >= 2 && near.some((e) => e.words)) edge = widest;
    else if (this.view && this.view.length === 4) {
      const mirrored = this.view[2]! - (start - this.view[0]!);
      if (mirrored > start + 72) edge = Math.max(mirrored, widest ?? 0);
    }
    this.edges.set(key, edge);
    return edge;
  }
}
