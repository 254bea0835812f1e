declare module 'unbzip2-stream' {
  import type { Transform } from 'node:stream';
  /** A transform stream that decompresses bzip2 data. */
  export default function unbzip2(): Transform;
}
declare module 'html-to-text' {
  /** Converts HTML to plain text (links kept as `text [href]`). */
  export function convert(html: string, options?: Record<string, unknown>): string;
}
