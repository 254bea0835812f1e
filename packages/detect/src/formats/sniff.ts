/** Bytes read before the format of a stream is decided. */
export const SNIFF_BYTES = 8192;

export type SniffedFormat = 'gzip' | 'zip' | 'tar' | 'utf16le' | 'utf16be' | 'utf8' | 'binary';

/** Decides a stream's format from its first bytes (magic numbers, BOMs, control characters). */
export function sniff(head: Uint8Array): SniffedFormat {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 3 || head[2] === 5) &&
    (head[3] === 4 || head[3] === 6)
  )
    return 'zip';
  if (head.length >= 262 && Buffer.from(head.subarray(257, 262)).toString('latin1') === 'ustar') return 'tar';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary';
    if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  }
  return control > head.length / 10 ? 'binary' : 'utf8';
}

/** The structured text format a file name implies. */
export function textKind(name: string): 'csv' | 'tsv' | 'json' | 'jsonl' | 'plain' {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  return 'plain';
}
