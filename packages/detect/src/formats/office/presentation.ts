import type { FieldInfo } from '../../engine/locator.ts';
import { TextCollector, type XmlHandler } from './xml-parts.ts';

/**
 * A PresentationML slide, notes page or comment part: one segment per paragraph, located by
 * the slide number and the shape's name (`Title 1`, `Table 3`) or `notes`.
 */
export class SlideHandler implements XmlHandler {
  private readonly collected = new TextCollector(new Set(['a:t', 'p:text']));
  private shape: string | undefined;

  constructor(
    private readonly slide: number,
    private readonly kind: 'slide' | 'notes' | 'comments',
    private readonly emit: (text: string, field: FieldInfo) => void,
  ) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.collected.open(name);
    if (name === 'p:cNvPr' && attributes.name) this.shape = attributes.name;
    else if (name === 'a:br') this.collected.separator('\n');
    else if (name === 'a:tab') this.collected.separator('\t');
  }

  text(t: string): void {
    this.collected.add(t);
  }

  close(name: string): void {
    this.collected.close(name);
    if (name === 'a:p' || name === 'p:cm') {
      const part = this.kind === 'slide' ? (this.shape ?? 'slide') : this.kind;
      this.emit(this.collected.take(), { slide: this.slide, part });
    }
  }
}

/** Slide number and kind of a PresentationML member (`ppt/notesSlides/notesSlide3.xml` → 3, notes). */
export function slidePart(
  member: string,
): { slide: number; kind: 'slide' | 'notes' | 'comments' } | undefined {
  const m =
    /^ppt\/(slides\/slide|notesSlides\/notesSlide|comments\/comment|comments\/modernComment_?[0-9A-Fa-f_]*?)(\d+)\.xml$/.exec(
      member,
    );
  if (!m) return undefined;
  const kind = m[1]!.startsWith('slides') ? 'slide' : m[1]!.startsWith('notes') ? 'notes' : 'comments';
  return { slide: Number(m[2]), kind };
}
