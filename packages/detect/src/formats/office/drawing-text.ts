import type { FieldInfo } from '../../engine/locator.ts';
import { TextCollector, type XmlHandler } from './xml-parts.ts';

/**
 * A DrawingML part outside slides: a worksheet's drawing (text boxes, shapes), a SmartArt
 * diagram's data or a chart (titles, and the cached values of its series and categories). One
 * segment per paragraph or chart value, located at `field`.
 */
export class DrawingTextHandler implements XmlHandler {
  private readonly collected = new TextCollector(new Set(['a:t', 'c:v']));

  constructor(
    private readonly field: FieldInfo,
    private readonly emit: (text: string, field: FieldInfo) => void,
  ) {}

  open(name: string): void {
    this.collected.open(name);
    if (name === 'a:br') this.collected.separator('\n');
  }

  text(t: string): void {
    this.collected.add(t);
  }

  close(name: string): void {
    this.collected.close(name);
    if (name === 'a:p' || name === 'c:v' || name === 'dgm:pt') {
      const text = this.collected.take();
      if (text.trim() !== '') this.emit(text, { ...this.field });
    }
  }
}

/** The part a DrawingML member is read as, or undefined (`xl/charts/chart2.xml` → `chart2`). */
export function drawingPart(member: string): string | undefined {
  return /^(?:xl\/drawings\/(drawing\d+)|(?:xl|word|ppt)\/(?:diagrams\/(data\d+)|charts\/(chart\d+)))\.xml$/
    .exec(member)
    ?.slice(1)
    .find((p) => p !== undefined);
}
