import type { CostEstimate } from './estimate.ts';
import type { SeedCost } from './usage.ts';

/** One row of the comparison: the seed's row with our figure beside it. */
export interface ComparedRow {
  readonly label: string;
  readonly seed: number | readonly [number, number] | undefined;
  readonly ours: number;
  readonly resources: string[];
}

/** Our estimate laid out in the seed's rows, with the verdict against the seed's total. */
export interface CostComparison {
  readonly rows: ComparedRow[];
  readonly seedTotal: number | readonly [number, number];
  readonly ours: number;
  /** Signed difference from the seed total (from the nearest end of a range), as a fraction. */
  readonly deviation: number;
  readonly withinTarget: boolean;
  /** Rows that differ by more than 10 % and a dollar, and the seed's notes on why. */
  readonly differences: string[];
  /**
   * Labels of the rows that differ by more than 10 % and a dollar and that no note explains. A note
   * explains a row when it starts with the row's name (its label up to any parenthesis) and a colon,
   * and names a price or amount (`$`).
   */
  readonly unexplained: string[];
}

const TARGET = 0.1;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Formats dollars as `$12.34`, and a range as `$365.00-595.00`. */
export function usd(v: number | readonly [number, number] | undefined): string {
  if (v === undefined) return '-';
  if (typeof v === 'number') return `$${v.toFixed(2)}`;
  return `$${v[0].toFixed(2)}-${v[1].toFixed(2)}`;
}

function deviationFrom(ours: number, seed: number | readonly [number, number]): number {
  const [lo, hi] = typeof seed === 'number' ? [seed, seed] : seed;
  if (ours >= lo && ours <= hi) return 0;
  const ref = ours < lo ? lo : hi;
  return ref === 0 ? (ours === 0 ? 0 : 1) : (ours - ref) / ref;
}

/** The name a note starts with to explain a row: the label up to any parenthesis. */
export function rowName(label: string): string {
  return label.replace(/\s*\(.*$/, '');
}

const NOT_IN_SEED = "Not in the seed's table";

/** Lays the estimate out in the seed's rows; what the seed has no row for goes under "Not in the seed's table". */
export function compareWithSeed(estimate: CostEstimate, seed: SeedCost): CostComparison {
  const used = new Set<number>();
  const rows: ComparedRow[] = seed.rows.map((row) => {
    const picked = estimate.lines
      .map((l, i) => ({ l, i }))
      .filter(({ l, i }) => !used.has(i) && row.categories.includes(l.category));
    for (const { i } of picked) used.add(i);
    return {
      label: row.label,
      seed: row.seed,
      ours: round2(picked.reduce((s, { l }) => s + l.monthly, 0)),
      resources: [...new Set(picked.map(({ l }) => l.service))],
    };
  });
  const rest = estimate.lines.filter((_, i) => !used.has(i));
  if (rest.length > 0) {
    rows.push({
      label: NOT_IN_SEED,
      seed: undefined,
      ours: round2(rest.reduce((s, l) => s + l.monthly, 0)),
      resources: [...new Set(rest.map((l) => l.service))],
    });
  }
  const differences: string[] = [];
  const unexplained: string[] = [];
  for (const r of rows) {
    const dev = r.seed === undefined ? 1 : deviationFrom(r.ours, r.seed);
    const gap =
      r.seed === undefined ? r.ours : Math.abs(r.ours - (typeof r.seed === 'number' ? r.seed : r.seed[0]));
    if (Math.abs(dev) > TARGET && gap >= 1) {
      differences.push(`${r.label}: ours ${usd(r.ours)} vs seed ${usd(r.seed)} (${r.resources.join(', ')})`);
      const name = `${rowName(r.label)}:`;
      if (!seed.notes.some((n) => n.startsWith(name) && n.includes('$'))) unexplained.push(r.label);
    }
  }
  const deviation = deviationFrom(estimate.total, seed.total);
  return {
    rows,
    seedTotal: seed.total,
    ours: estimate.total,
    deviation,
    withinTarget: Math.abs(deviation) <= TARGET,
    differences: [...differences, ...seed.notes],
    unexplained,
  };
}
