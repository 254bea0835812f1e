import { Scanner, type ScannerOptions } from '../src/index.ts';

/** Values the catalogue reports, planted by the engine/format tests. */
export const EMAIL = 'jane.roe@northwind-traders.com';
export const PASSWORD_LINE = 'password = "Xk9#mQ2$vL7pR4tZ"';
export const PASSWORD = 'Xk9#mQ2$vL7pR4tZ';

export function scanner(options: Partial<ScannerOptions> = {}): Scanner {
  return new Scanner({ fingerprintKey: 'test-key', ...options });
}

/** Yields `text` as UTF-8 in pieces of `size` bytes. */
export async function* pieces(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
