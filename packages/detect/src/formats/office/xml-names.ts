const OOXML = 'http://schemas.openxmlformats.org/';
const STRICT = 'http://purl.oclc.org/ooxml/';
const ODF = 'urn:oasis:names:tc:opendocument:xmlns:';

/**
 * The prefix the handlers know each namespace by ('' for unprefixed): Excel, LibreOffice and
 * Word write these, but a document may bind its own (the Open XML SDK writes `x:c` for `c`,
 * Strict OOXML other URIs, a generator `xmlns="…wordprocessingml…"` for `w:`).
 */
const CANONICAL = new Map<string, string>([
  [`${OOXML}spreadsheetml/2006/main`, ''],
  [`${STRICT}spreadsheetml/main`, ''],
  [`${OOXML}package/2006/relationships`, ''],
  [`${OOXML}officeDocument/2006/extended-properties`, ''],
  [`${STRICT}officeDocument/extendedProperties`, ''],
  [`${OOXML}wordprocessingml/2006/main`, 'w'],
  [`${STRICT}wordprocessingml/main`, 'w'],
  [`${OOXML}drawingml/2006/main`, 'a'],
  [`${STRICT}drawingml/main`, 'a'],
  [`${OOXML}presentationml/2006/main`, 'p'],
  [`${STRICT}presentationml/main`, 'p'],
  [`${OOXML}drawingml/2006/chart`, 'c'],
  [`${STRICT}drawingml/chart`, 'c'],
  [`${OOXML}drawingml/2006/diagram`, 'dgm'],
  [`${STRICT}drawingml/diagram`, 'dgm'],
  [`${OOXML}officeDocument/2006/relationships`, 'r'],
  [`${STRICT}officeDocument/relationships`, 'r'],
  [`${OOXML}markup-compatibility/2006`, 'mc'],
  [`${ODF}office:1.0`, 'office'],
  [`${ODF}text:1.0`, 'text'],
  [`${ODF}table:1.0`, 'table'],
  [`${ODF}drawing:1.0`, 'draw'],
  [`${ODF}presentation:1.0`, 'presentation'],
  [`${ODF}meta:1.0`, 'meta'],
]);

/** Document prefix → known prefix, for the prefixes bound otherwise than the handlers name them. */
type Frame = ReadonlyMap<string, string>;

const IDENTITY: Frame = new Map();

/**
 * Renames elements and attributes to the prefixes the handlers know (`CANONICAL`), following
 * the namespace declarations of the elements open. Names in a namespace not listed, or with an
 * undeclared prefix, are left as written. A part whose root element binds every namespace as
 * Office does (as Office parts declare them all there) is passed through untouched.
 */
export class XmlNames {
  private readonly frames: Frame[] = [];
  /** Undefined before the root element; false when it bound nothing otherwise than Office. */
  private tracking: boolean | undefined;

  /** The element's name as handlers know it; `attributes` are renamed in place. Call once per element. */
  open(name: string, attributes: Record<string, string>): string {
    if (this.tracking === false) return name;
    let frame = this.frames.at(-1) ?? IDENTITY;
    for (const key in attributes) {
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
      const known = CANONICAL.get(attributes[key]!);
      const prefix = key === 'xmlns' ? '' : key.slice(6);
      if (known === undefined ? !frame.has(prefix) : (frame.get(prefix) ?? prefix) === known) continue;
      const next = new Map(frame);
      if (known === undefined || known === prefix) next.delete(prefix);
      else next.set(prefix, known);
      frame = next;
    }
    if (this.tracking === undefined) {
      this.tracking = frame.size > 0;
      if (!this.tracking) return name;
    }
    this.frames.push(frame);
    if (frame.size === 0) return name;
    for (const key of Object.keys(attributes)) {
      const colon = key.indexOf(':');
      if (colon === -1 || key.startsWith('xmlns')) continue;
      const renamed = rename(frame, key, colon);
      if (renamed !== key) {
        attributes[renamed] = attributes[key]!;
        delete attributes[key];
      }
    }
    return rename(frame, name, name.indexOf(':'));
  }

  /** The closing element's name as `open` gave it. */
  close(name: string): string {
    if (!this.tracking) return name;
    const frame = this.frames.pop() ?? IDENTITY;
    return frame.size === 0 ? name : rename(frame, name, name.indexOf(':'));
  }
}

function rename(frame: Frame, name: string, colon: number): string {
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const known = frame.get(prefix);
  if (known === undefined) return name;
  const local = colon === -1 ? name : name.slice(colon + 1);
  return known === '' ? local : `${known}:${local}`;
}
