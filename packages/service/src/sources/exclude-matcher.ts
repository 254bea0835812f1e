import picomatch from 'picomatch';

/** Returns a predicate that is true for keys matching any of the `exclude` globs. */
export function excludeMatcher(exclude: string[] | undefined): (key: string) => boolean {
  if (!exclude || exclude.length === 0) return () => false;
  const isMatch = picomatch(exclude, { dot: true });
  return (key) => isMatch(key);
}
