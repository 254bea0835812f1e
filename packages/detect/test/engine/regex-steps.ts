/**
 * A backtracking matcher for the regular-expression subset the detectors use, which counts its
 * steps: one per character or assertion tested, one per backtrack, one per start position tried.
 * It explores alternatives in the same order as V8's irregexp (leftmost start, greedy or lazy
 * quantifiers, ordered alternation), so its step count is the work a backtracking engine does
 * on the same input; `CountingRegExp` checks every answer against the real engine.
 */

type Cont = (pos: number) => boolean;
type Matcher = (pos: number, k: Cont) => boolean;

interface State {
  text: string;
  steps: number;
  budget: number;
}

type Node =
  | { kind: 'set'; test: (c: number) => boolean }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; atom: Node; min: number; max: number; greedy: boolean }
  | { kind: 'assert'; what: 'start' | 'end' | 'word' | 'notWord' };

/** Raised when a search needs more steps than the budget allows. */
export class StepBudgetExceeded extends Error {}

const WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);
const isSpace = (c: number) => WHITESPACE.has(c) || (c >= 0x2000 && c <= 0x200a);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

const CLASS_ESCAPES: Record<string, (c: number) => boolean> = {
  d: isDigit,
  D: (c) => !isDigit(c),
  w: isWord,
  W: (c) => !isWord(c),
  s: isSpace,
  S: (c) => !isSpace(c),
};
const CONTROL_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };

/** Parses `source` (flags `g` only; no lookaround, no backreferences) into a tree. */
function parse(source: string): Node {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`regex-steps: ${what} at ${i} in /${source}/`);
  };
  const escapedChar = (): number | ((c: number) => boolean) => {
    const e = source[i++] ?? fail('dangling escape');
    if (CLASS_ESCAPES[e]) return CLASS_ESCAPES[e];
    if (e in CONTROL_ESCAPES) return CONTROL_ESCAPES[e]!;
    if (e === 'x' || e === 'u') {
      const len = e === 'x' ? 2 : 4;
      const hex = source.slice(i, i + len);
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) fail('bad hex escape');
      i += len;
      return Number.parseInt(hex, 16);
    }
    if (/[A-Za-z1-9]/.test(e)) fail(`unsupported escape \\${e}`);
    return e.charCodeAt(0);
  };
  const charClass = (): Node => {
    let negate = false;
    if (source[i] === '^') {
      negate = true;
      i++;
    }
    const parts: ((c: number) => boolean)[] = [];
    const ranges: [number, number][] = [];
    while (source[i] !== ']') {
      if (i >= source.length) fail('unterminated class');
      let lo: number | ((c: number) => boolean);
      if (source[i] === '\\') {
        i++;
        lo = escapedChar();
      } else lo = source.charCodeAt(i++);
      if (typeof lo === 'function') {
        parts.push(lo);
        continue;
      }
      if (source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length) {
        i++;
        let hi: number | ((c: number) => boolean);
        if (source[i] === '\\') {
          i++;
          hi = escapedChar();
        } else hi = source.charCodeAt(i++);
        if (typeof hi === 'function') fail('class escape as a range end');
        ranges.push([lo, hi as number]);
      } else ranges.push([lo, lo]);
    }
    i++;
    const ascii = new Uint8Array(128);
    const inSet = (c: number) => ranges.some(([a, b]) => c >= a && c <= b) || parts.some((p) => p(c));
    for (let c = 0; c < 128; c++) ascii[c] = inSet(c) !== negate ? 1 : 0;
    return { kind: 'set', test: (c) => (c < 128 ? ascii[c] === 1 : inSet(c) !== negate) };
  };
  const atom = (): Node => {
    const c = source[i++]!;
    if (c === '(') {
      if (source[i] === '?') {
        if (source[i + 1] !== ':') fail('lookaround or named group');
        i += 2;
      }
      const inner = alternation();
      if (source[i++] !== ')') fail('unbalanced group');
      return inner;
    }
    if (c === '[') return charClass();
    if (c === '.') return { kind: 'set', test: (x) => !isLineBreak(x) };
    if (c === '^') return { kind: 'assert', what: 'start' };
    if (c === '$') return { kind: 'assert', what: 'end' };
    if (c === '\\') {
      if (source[i] === 'b' || source[i] === 'B') {
        const what = source[i++] === 'b' ? 'word' : 'notWord';
        return { kind: 'assert', what };
      }
      const e = escapedChar();
      if (typeof e === 'function') return { kind: 'set', test: e };
      return { kind: 'set', test: (x) => x === e };
    }
    if ('*+?{'.includes(c) && c !== '{') fail('nothing to repeat');
    const code = c.charCodeAt(0);
    return { kind: 'set', test: (x) => x === code };
  };
  const quantified = (): Node => {
    let node = atom();
    for (;;) {
      const c = source[i];
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
      else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (!m) return node;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
        i += m[0].length - 1;
      } else return node;
      i++;
      let greedy = true;
      if (source[i] === '?') {
        greedy = false;
        i++;
      }
      if (node.kind === 'assert') fail('quantified assertion');
      node = { kind: 'repeat', atom: node, min, max, greedy };
    }
  };
  const sequence = (): Node => {
    const items: Node[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') items.push(quantified());
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  };
  const alternation = (): Node => {
    const options = [sequence()];
    while (source[i] === '|') {
      i++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  };
  const tree = alternation();
  if (i !== source.length) fail('unbalanced parenthesis');
  return tree;
}

function compile(node: Node, s: State): Matcher {
  const tick = (n = 1) => {
    s.steps += n;
    if (s.steps > s.budget) throw new StepBudgetExceeded(`more than ${s.budget} steps`);
  };
  switch (node.kind) {
    case 'set': {
      const test = node.test;
      return (pos, k) => {
        tick();
        return pos < s.text.length && test(s.text.charCodeAt(pos)) && k(pos + 1);
      };
    }
    case 'assert': {
      const what = node.what;
      return (pos, k) => {
        tick();
        const t = s.text;
        let ok: boolean;
        if (what === 'start') ok = pos === 0;
        else if (what === 'end') ok = pos === t.length;
        else {
          const before = pos > 0 && isWord(t.charCodeAt(pos - 1));
          const after = pos < t.length && isWord(t.charCodeAt(pos));
          ok = (before !== after) === (what === 'word');
        }
        return ok && k(pos);
      };
    }
    case 'seq': {
      const parts = node.items.map((n) => compile(n, s));
      return parts.reduceRight<Matcher>(
        (next, part) => (pos, k) => part(pos, (p) => next(p, k)),
        (pos, k) => k(pos),
      );
    }
    case 'alt': {
      const options = node.options.map((n) => compile(n, s));
      return (pos, k) => {
        for (const option of options) if (option(pos, k)) return true;
        return false;
      };
    }
    case 'repeat': {
      const { min, max, greedy } = node;
      if (node.atom.kind === 'set') {
        // A loop over one character class: scan the run, then give characters back one at a time.
        const test = node.atom.test;
        return (pos, k) => {
          const t = s.text;
          let n = 0;
          if (greedy) {
            while (n < max && pos + n < t.length && test(t.charCodeAt(pos + n))) n++;
            tick(n + 1);
            for (let c = n; c >= min; c--) {
              if (k(pos + c)) return true;
              tick();
            }
            return false;
          }
          while (n < min) {
            tick();
            if (pos + n >= t.length || !test(t.charCodeAt(pos + n))) return false;
            n++;
          }
          for (;;) {
            if (k(pos + n)) return true;
            tick();
            if (n >= max || pos + n >= t.length || !test(t.charCodeAt(pos + n))) return false;
            n++;
          }
        };
      }
      const atom = compile(node.atom, s);
      const loop = (pos: number, count: number, k: Cont): boolean => {
        const more = () =>
          count < max && atom(pos, (p) => (p === pos && count >= min ? false : loop(p, count + 1, k)));
        if (!greedy && count >= min) {
          if (k(pos)) return true;
          tick();
          return more();
        }
        if (more()) return true;
        tick();
        return count >= min && k(pos);
      };
      return (pos, k) => loop(pos, 0, k);
    }
  }
}

/** A compiled pattern whose searches count their steps. */
export class StepCounter {
  private readonly state: State = { text: '', steps: 0, budget: Number.POSITIVE_INFINITY };
  private readonly matcher: Matcher;

  constructor(source: string) {
    this.matcher = compile(parse(source), this.state);
  }

  /**
   * Searches `text` from `from` like `RegExp.prototype.exec` with the `g` flag; returns the
   * match's `[start, end)` or null, and the steps it took.
   */
  search(
    text: string,
    from: number,
    budget = Number.POSITIVE_INFINITY,
  ): { match: [number, number] | null; steps: number } {
    const s = this.state;
    s.text = text;
    s.steps = 0;
    s.budget = budget;
    let end = -1;
    const accept: Cont = (p) => {
      end = p;
      return true;
    };
    for (let start = from; start <= text.length; start++) {
      s.steps++;
      if (this.matcher(start, accept)) return { match: [start, end], steps: s.steps };
    }
    return { match: null, steps: s.steps };
  }
}

/** Steps taken per regex (keyed by a label such as a detector id), and what went wrong. */
export class StepLedger {
  readonly steps = new Map<string, number>();
  readonly errors: string[] = [];

  constructor(
    /** Steps one label may take in all before its searches are stopped. */
    readonly budget: number,
  ) {}

  add(label: string, steps: number): void {
    this.steps.set(label, (this.steps.get(label) ?? 0) + steps);
  }

  get(label: string): number {
    return this.steps.get(label) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.steps.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.steps.clear();
    this.errors.length = 0;
  }
}

/**
 * A RegExp subclass whose `exec` also runs the step-counting matcher and books its steps in
 * `ledger` under `label`. A disagreement with V8 or an exhausted budget is recorded in
 * `ledger.errors` (and thrown, which ends the scan), so the counts always describe the real regex.
 */
export function countingRegExpClass(ledger: StepLedger, label: string): RegExpConstructor {
  class CountingRegExp extends RegExp {
    private counter: StepCounter | undefined;

    override exec(text: string): RegExpExecArray | null {
      this.counter ??= new StepCounter(this.source);
      const from = this.lastIndex;
      let found: ReturnType<StepCounter['search']>;
      try {
        found = this.counter.search(text, from, Math.max(0, ledger.budget - ledger.get(label)));
      } catch (err) {
        ledger.add(label, ledger.budget);
        ledger.errors.push(`${label}: ${(err as Error).message}`);
        throw err;
      }
      ledger.add(label, found.steps);
      const real = super.exec(text);
      const { match } = found;
      const same =
        real === null
          ? match === null
          : match !== null && match[0] === real.index && match[1] === real.index + real[0].length;
      if (!same) {
        const message = `${label}: regex-steps disagrees with V8 on /${this.source}/ from ${from}`;
        ledger.errors.push(message);
        throw new Error(message);
      }
      return real;
    }
  }
  return CountingRegExp as unknown as RegExpConstructor;
}

function sets(node: Node, out: ((c: number) => boolean)[]): void {
  if (node.kind === 'set') out.push(node.test);
  else if (node.kind === 'seq') for (const n of node.items) sets(n, out);
  else if (node.kind === 'alt') for (const n of node.options) sets(n, out);
  else if (node.kind === 'repeat') sets(node.atom, out);
}

/** The printable ASCII characters that some character test of the pattern accepts. */
export function acceptedChars(source: string): Set<string> {
  const tests: ((c: number) => boolean)[] = [];
  sets(parse(source), tests);
  const out = new Set<string>();
  for (let c = 32; c < 127; c++) if (tests.some((t) => t(c))) out.add(String.fromCharCode(c));
  return out;
}
