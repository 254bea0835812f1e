declare module 'unbzip2-stream/lib/bzip2.js' {
  const bzip2: Bzip2Decoder;
  export default bzip2;
}
declare module 'unbzip2-stream/lib/bit_iterator.js' {
  /** Reads `n` bits (or aligns to a byte with `null`) from buffers handed out by `next`. */
  export default function bitIterator(next: () => Uint8Array | undefined): BitReader;
}
/** Reads `n` bits; `bytesRead` counts the bytes started. */
interface BitReader {
  (n: number | null): number;
  bytesRead: number;
}
/** unbzip2-stream's block decoder: a stream header, then one block per call (null at the end marker). */
interface Bzip2Decoder {
  header(bits: BitReader): number;
  decompress(
    bits: BitReader,
    write: (byte: number) => void,
    buf: Int32Array,
    bufsize: number,
    streamCrc: number | null,
  ): number | null;
}
declare module 'html-to-text' {
  /** Converts HTML to plain text (links kept as `text [href]`). */
  export function convert(html: string, options?: Record<string, unknown>): string;
}
