import { useCallback, useState } from 'react';

/** Cursor history for keyset pagination: the current cursor and a stack to go back. */
export interface Keyset {
  cursor: string | undefined;
  /** 1-based number of the page shown. */
  page: number;
  hasPrevious: boolean;
  next(cursor: string): void;
  previous(): void;
  reset(): void;
}

/** Keeps a `Keyset` in component state. */
export function useKeyset(): Keyset {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const cursor = stack[stack.length - 1];
  const next = useCallback((c: string) => setStack((s) => [...s, c]), []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack([undefined]), []);
  return { cursor, page: stack.length, hasPrevious: stack.length > 1, next, previous, reset };
}
