import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

/** Every TypeScript module of the service, as a path relative to `src/`. */
function modules(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return modules(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path.relative(SRC, full)] : [];
  });
}

/** The modules of `src/` that `file` imports (static, re-exported or dynamic; type-only ones included). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.[^'"]+)['"]/gm)].map(
    (m) => m[1] as string,
  );
  return specifiers
    .map((s) => path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), s)))
    .filter((m) => !m.startsWith('..') && m.endsWith('.ts'));
}

const graph = new Map(modules().map((m) => [m, importsOf(m)]));

/** Modules that may use the HTTP edge: the edge itself and what composes or serves it. */
const ABOVE_API = /^(api|roles|lambda|cli)\//;

describe('module layering of the service', () => {
  it('sees the modules it checks', () => {
    expect(graph.get('api/app.ts')).toContain('api/route-app.ts');
    expect(graph.get('roles/api.ts')).toContain('api/api-runtime.ts');
  });

  it('has no module below the HTTP edge importing from api/', () => {
    const upward = [...graph].flatMap(([from, tos]) =>
      ABOVE_API.test(from) ? [] : tos.filter((to) => to.startsWith('api/')).map((to) => `${from} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (m: string, trail: string[]) => {
      if (state.get(m) === 'done') return;
      if (state.get(m) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(m)), m].join(' -> '));
        return;
      }
      state.set(m, 'open');
      for (const next of graph.get(m) ?? []) walk(next, [...trail, m]);
      state.set(m, 'done');
    };
    for (const m of graph.keys()) walk(m, []);
    expect(cycles).toEqual([]);
  });
});
