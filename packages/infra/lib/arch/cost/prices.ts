import { readFileSync } from 'node:fs';

/** One price of the table, with where it comes from and when it was read. */
export interface Price {
  readonly usd: number;
  readonly unit: string;
  readonly source: string;
  readonly date: string;
  /** Monthly quantity covered by an always-free tier, if any. */
  readonly free?: number;
}

/** The us-east-1 on-demand price table. */
export interface PriceTable {
  readonly region: string;
  readonly currency: string;
  readonly note: string;
  readonly prices: Readonly<Record<string, Price>>;
}

/** Location of the committed price table. */
export const PRICES_FILE = new URL('../../../data/prices.json', import.meta.url);

/**
 * Loads and checks a price table: every entry needs a non-negative `usd`, a `unit`, a `source`
 * URL and an ISO `date`. Throws once, listing every bad entry.
 */
export function loadPrices(file: URL | string = PRICES_FILE): PriceTable {
  const table = JSON.parse(readFileSync(file, 'utf8')) as PriceTable;
  const problems: string[] = [];
  for (const [key, p] of Object.entries(table.prices ?? {})) {
    if (typeof p.usd !== 'number' || !(p.usd >= 0)) problems.push(`${key}: usd must be a number >= 0`);
    if (!p.unit) problems.push(`${key}: unit is missing`);
    if (!/^https:\/\//.test(p.source ?? '')) problems.push(`${key}: source must be an https URL`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.date ?? '')) problems.push(`${key}: date must be YYYY-MM-DD`);
  }
  if (problems.length > 0)
    throw new Error(`Invalid price table ${String(file)}:\n- ${problems.join('\n- ')}`);
  return table;
}

/** Looks a price up, with an error that names the missing key. */
export function price(table: PriceTable, key: string): Price {
  const p = table.prices[key];
  if (!p)
    throw new Error(`No price for "${key}" in the price table: add it to packages/infra/data/prices.json`);
  return p;
}
