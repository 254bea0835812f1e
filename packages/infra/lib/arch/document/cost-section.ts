import { type CostComparison, usd } from '../cost/compare.ts';
import type { CostEstimate } from '../cost/estimate.ts';
import type { PriceTable } from '../cost/prices.ts';
import { DEFAULT_USAGE, type SeedCost, type Usage } from '../cost/usage.ts';
import { table } from './markdown.ts';

/** What the cost command and the document's cost section need. */
export interface CostView {
  readonly estimate: CostEstimate;
  readonly usage: Usage;
  readonly prices: PriceTable;
  readonly seed: SeedCost | undefined;
  readonly comparison: CostComparison | undefined;
}

function usageLines(usage: Usage): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(usage)) {
    const def = (DEFAULT_USAGE as unknown as Record<string, unknown>)[key];
    if (key === 'taskHours') {
      for (const [svc, hours] of Object.entries(value as Record<string, number>))
        out.push(`${svc} tasks: ${hours} task-hours`);
      continue;
    }
    if (JSON.stringify(value) !== JSON.stringify(def) || ['hours', 'natGb', 'logsGb'].includes(key))
      out.push(`${key}: ${value}`);
  }
  return out;
}

/** The monthly cost section: the seed's layout with its figures beside ours, every line, and why they differ. */
export function costSection(view: CostView): string {
  const { estimate, comparison, seed, prices } = view;
  const out = ['## Monthly cost', ''];
  out.push(
    `Estimated from what the templates deploy, at ${prices.region} on-demand prices (\`packages/infra/data/prices.json\`, each with its source and date), under these usage assumptions: ${usageLines(view.usage).join('; ')}.`,
    '',
  );
  if (seed && comparison) {
    out.push(`### In the seed's layout (${seed.file}, "${seed.title}")`, '');
    out.push(
      table(
        ['Seed row', 'What deploys', 'Ours (USD/month)', 'Seed (USD/month)'],
        [
          ...comparison.rows.map((r) => [r.label, r.resources.join(', ') || '-', usd(r.ours), usd(r.seed)]),
          ['**Total**', '', `**${usd(comparison.ours)}**`, `**${usd(comparison.seedTotal)}**`],
        ],
      ),
    );
    const pct = `${comparison.deviation >= 0 ? '+' : ''}${(comparison.deviation * 100).toFixed(1)} %`;
    out.push(
      comparison.withinTarget
        ? `Ours is within ±10 % of the seed's total (${pct}).`
        : `Ours is outside ±10 % of the seed's total (${pct}); the lines below say which price or quantity differs and why.`,
      '',
    );
    if (comparison.differences.length > 0) {
      out.push('Differences from the seed:', '', ...comparison.differences.map((d) => `- ${d}`), '');
    }
    if (comparison.unexplained.length > 0) {
      out.push(`No note explains: ${comparison.unexplained.join('; ')}.`, '');
    }
  } else {
    out.push(`The seed gives no cost table for this env. Total: **${usd(estimate.total)}** a month.`, '');
  }
  out.push('### Every line', '');
  out.push(
    table(
      ['Service', 'Resource', 'Quantity', 'Unit price', 'Monthly'],
      estimate.lines.map((l) => [
        l.service,
        l.resource,
        `${l.quantity} ${l.unit}`,
        `$${l.unitPrice} (${l.priceKey})`,
        usd(l.monthly),
      ]),
    ),
  );
  if (estimate.omitted.length > 0)
    out.push('Not included:', '', ...estimate.omitted.map((o) => `- ${o}`), '');
  return out.join('\n');
}

/** The cost view as plain text for the terminal. */
export function costText(title: string, view: CostView): string {
  const { estimate, comparison, seed } = view;
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  const lines = [`Monthly cost: ${title}`, ''];
  if (seed && comparison) {
    lines.push(`Seed ${seed.file}, "${seed.title}"`, `${pad('Seed row', 44)}${pad('Ours', 12)}Seed`);
    for (const r of comparison.rows) lines.push(`${pad(r.label, 44)}${pad(usd(r.ours), 12)}${usd(r.seed)}`);
    lines.push(`${pad('TOTAL', 44)}${pad(usd(comparison.ours), 12)}${usd(comparison.seedTotal)}`);
    const pct = `${comparison.deviation >= 0 ? '+' : ''}${(comparison.deviation * 100).toFixed(1)} %`;
    lines.push(
      '',
      comparison.withinTarget ? `Within ±10 % of the seed (${pct}).` : `Outside ±10 % of the seed (${pct}):`,
    );
    for (const d of comparison.differences) lines.push(`- ${d}`);
    if (comparison.unexplained.length > 0)
      lines.push(`No note explains: ${comparison.unexplained.join('; ')}`);
  } else {
    lines.push('The seed gives no cost table for this env.');
  }
  lines.push('', 'Lines:');
  for (const l of estimate.lines)
    lines.push(
      `  ${pad(l.service, 30)} ${pad(`${l.quantity} ${l.unit}`, 26)} ${usd(l.monthly)}  ${l.resource}`,
    );
  lines.push(`Total: ${usd(estimate.total)}`);
  for (const o of estimate.omitted) lines.push(`Not included: ${o}`);
  return `${lines.join('\n')}\n`;
}
