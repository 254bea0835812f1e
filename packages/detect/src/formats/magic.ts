/**
 * Formats told apart by their first bytes (magic numbers), so a mislabelled object is read as
 * what it is. Plain text, gzip, zip and tar stay with `sniff`; these are the rest.
 */
export type MagicFormat =
  | 'pdf'
  | 'parquet'
  | 'avro'
  | 'orc'
  | 'ole2'
  | 'bzip2'
  | 'xz'
  | 'zstd'
  | 'email'
  | 'mbox'
  | 'rtf';

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (head[at + i] !== bytes[i]) return false;
  return true;
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Header fields that open an RFC 5322 message (the first line of a `.eml` file). */
const MESSAGE_START =
  /^(?:Return-Path|Received|Delivered-To|From|To|Date|Subject|Message-ID|MIME-Version|X-[A-Za-z0-9-]+|DKIM-Signature|Authentication-Results|ARC-[A-Za-z-]+|Reply-To|Sender|Content-Type):[ \t]/i;
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:[ \t]/;

function looksLikeMessage(text: string): boolean {
  const lines = text.split(/\r?\n/, 40);
  if (!MESSAGE_START.test(lines[0] ?? '')) return false;
  let headers = 0;
  for (const line of lines) {
    if (line === '') return headers >= 2;
    if (HEADER_LINE.test(line)) headers++;
    else if (!/^[ \t]/.test(line)) return false;
  }
  return headers >= 4;
}

/** The format a stream's first bytes announce, if it is one of the document or data formats. */
export function sniffMagic(head: Uint8Array): MagicFormat | undefined {
  if (startsWith(head, ascii('PAR1'))) return 'parquet';
  if (startsWith(head, [0x4f, 0x62, 0x6a, 0x01])) return 'avro';
  if (startsWith(head, ascii('ORC'))) return 'orc';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (
    startsWith(head, ascii('BZh')) &&
    head[3]! >= 0x31 &&
    head[3]! <= 0x39 &&
    startsWith(head, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4)
  )
    return 'bzip2';
  if (startsWith(head, ascii('{\\rtf'))) return 'rtf';
  // A PDF may carry a few bytes of junk before its header (readers look in the first 1 KiB).
  const start = Buffer.from(head.subarray(0, 1024)).indexOf('%PDF-');
  if (start !== -1) return 'pdf';
  const text = Buffer.from(head.subarray(0, 4096)).toString('latin1');
  if (/^From \S+ /.test(text) && looksLikeMessage(text.slice(text.indexOf('\n') + 1))) return 'mbox';
  if (looksLikeMessage(text)) return 'email';
  return undefined;
}

/** Legacy Office (OLE2 compound file) kinds by extension, for the reason detail. */
export function ole2Kind(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'doc':
    case 'dot':
      return 'legacy Word document (.doc)';
    case 'xls':
    case 'xlt':
      return 'legacy Excel workbook (.xls)';
    case 'ppt':
    case 'pps':
      return 'legacy PowerPoint presentation (.ppt)';
    case 'msg':
      return 'Outlook message (.msg)';
    default:
      return 'OLE2 compound file (legacy Office)';
  }
}

const ENCRYPTED_PACKAGE = Buffer.from('EncryptionInfo', 'utf16le');

/**
 * True when an OLE2 compound file is a password-protected OOXML document: Office wraps an
 * encrypted `.docx`/`.xlsx`/`.pptx` in OLE2 (`EncryptionInfo` and `EncryptedPackage` streams),
 * keeping its name; the stream names show when the directory is in the first bytes.
 */
export function isEncryptedOoxml(head: Uint8Array, name: string): boolean {
  if (/\.(?:docx|docm|dotx|xlsx|xlsm|xltx|xlsb|pptx|pptm|ppsx)$/i.test(name)) return true;
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes(ENCRYPTED_PACKAGE);
}

/** Kinds of document held in a zip, told by its first member (or, failing that, the name). */
export type ZipDocument = 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp';

/**
 * An office document inside a zip: ODF names its type in the stored `mimetype` first member;
 * OOXML opens with `[Content_Types].xml` and is told apart by the name (or later, by its parts).
 */
export function zipDocument(head: Uint8Array, name: string): ZipDocument | 'ooxml' | undefined {
  if (head.length >= 30) {
    const nameLength = head[26]! | (head[27]! << 8);
    const extraLength = head[28]! | (head[29]! << 8);
    const first = Buffer.from(head.subarray(30, 30 + nameLength)).toString('latin1');
    if (first === 'mimetype') {
      const at = 30 + nameLength + extraLength;
      const mime = Buffer.from(head.subarray(at, at + 60)).toString('latin1');
      if (mime.startsWith('application/vnd.oasis.opendocument.text')) return 'odt';
      if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
      if (mime.startsWith('application/vnd.oasis.opendocument.presentation')) return 'odp';
    }
    const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
    if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return 'docx';
    if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xltx') return 'xlsx';
    if (ext === 'pptx' || ext === 'pptm' || ext === 'ppsx') return 'pptx';
    if (ext === 'odt') return 'odt';
    if (ext === 'ods') return 'ods';
    if (ext === 'odp') return 'odp';
    if (first === '[Content_Types].xml') return 'ooxml';
  }
  return undefined;
}
