interface Frame {
  start: number;
  repeats: boolean;
}

/** `{max, length}` of the quantifier at `i`, or undefined; max is Infinity for open ones. */
function quantifierAt(source: string, i: number): { max: number; length: number } | undefined {
  const c = source[i];
  let max: number;
  let length: number;
  if (c === '*' || c === '+') [max, length] = [Number.POSITIVE_INFINITY, 1];
  else if (c === '?') [max, length] = [1, 1];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    length = m[0].length;
  } else return undefined;
  if (source[i + length] === '?') length++;
  return { max, length };
}

function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === ']') j++;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}

function skipGroupPrefix(source: string, i: number): number {
  if (source[i] !== '?') return i;
  if (source[i + 1] === '<' && source[i + 2] !== '=' && source[i + 2] !== '!') {
    const close = source.indexOf('>', i);
    return close === -1 ? source.length : close + 1;
  }
  return i + (source[i + 1] === '<' ? 3 : 2);
}

/**
 * The first repeated group of `source` whose body holds a repetition of its own (`(a+)+`,
 * `(\w+\s?)*`, `(?:x{2,9})+`), as its source text, or undefined. On a backtracking engine such
 * a group can split one run of text in exponentially many ways before failing.
 */
export function nestedQuantifier(source: string): string | undefined {
  const stack: Frame[] = [{ start: 0, repeats: false }];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let closed: Frame | undefined;
    if (c === '\\') i += 2;
    else if (c === '[') i = skipClass(source, i);
    else if (c === '(') {
      stack.push({ start: i, repeats: false });
      i = skipGroupPrefix(source, i + 1);
      continue;
    } else if (c === ')') {
      closed = stack.length > 1 ? stack.pop() : undefined;
      i++;
    } else i++;
    const top = stack[stack.length - 1]!;
    const q = quantifierAt(source, i);
    if (q && q.max > 1) {
      if (closed?.repeats) return source.slice(closed.start, i + q.length);
      top.repeats = true;
    } else if (closed?.repeats) top.repeats = true;
    if (q) i += q.length;
  }
  return undefined;
}
