import type { FieldInfo } from '../../engine/locator.ts';
import type { XmlHandler } from './xml-parts.ts';

/**
 * Properties the producing program writes about itself (`LibreOffice/7.4.7.2$Linux…`, `15.0000`,
 * editing minutes): never personal data, and their version numbers read as IP addresses.
 */
const PRODUCER_FIELDS = new Set([
  'Application',
  'AppVersion',
  'TotalTime',
  'DocSecurity',
  'meta:generator',
  'meta:editing-duration',
  'meta:editing-cycles',
]);

/**
 * Document properties (`docProps/core.xml`, `app.xml`, `custom.xml`, ODF `meta.xml`): the text
 * of every element (author, last modified by, company, custom fields) as its own segment of the
 * `properties` part, except what the producing program says about itself.
 */
export class PropertiesHandler implements XmlHandler {
  private current = '';
  private producer = 0;

  constructor(private readonly emit: (text: string, field: FieldInfo) => void) {}

  open(name: string): void {
    this.flush();
    if (PRODUCER_FIELDS.has(name)) this.producer++;
  }

  text(t: string): void {
    if (this.producer === 0) this.current += t;
  }

  close(name: string): void {
    this.flush();
    if (PRODUCER_FIELDS.has(name)) this.producer--;
  }

  private flush(): void {
    if (this.current.trim() !== '') this.emit(this.current, { part: 'properties' });
    this.current = '';
  }
}
