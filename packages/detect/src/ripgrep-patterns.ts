import type { Detector } from './types.ts';

/**
 * ripgrep searches line by line and refuses a literal line break outside a class: a break
 * becomes `$` (end of line), so multi-line patterns still match their first line.
 */
function withoutLineBreaks(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && next === 'r' && source.slice(i + 2, i + 5) === '?\\n') {
        out += '$';
        i += 4;
      } else if (!inClass && (next === 'n' || next === 'r')) {
        out += '$';
        i += 1;
      } else {
        out += c + next;
        i += 1;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

/**
 * The detectors' patterns in ripgrep's (Rust regex) syntax, one per detector; patterns that
 * use JavaScript-only constructs (lookaround, backreferences) are left out.
 */
export function ripgrepPatterns(detectors: readonly Detector[]): { id: string; pattern: string }[] {
  const out: { id: string; pattern: string }[] = [];
  for (const d of detectors) {
    const source = d.pattern.source;
    if (/\(\?<?[=!]|\\[1-9]/.test(source)) continue;
    let pattern = withoutLineBreaks(source)
      .replace(/\(\?<([A-Za-z_]\w*)>/g, '(?P<$1>')
      .replace(/\\\//g, '/');
    if (d.pattern.flags.includes('i')) pattern = `(?i)${pattern}`;
    out.push({ id: d.id, pattern });
  }
  return out;
}
