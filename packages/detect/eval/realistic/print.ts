import type { RealisticResult, Tally } from './evaluate.ts';

function row(t: Tally, withRecall: boolean): string {
  return [
    t.name.padEnd(34),
    String(t.found).padStart(5),
    String(t.falsePositives).padStart(5),
    (withRecall ? String(t.missed) : '-').padStart(5),
    t.precision.toFixed(3).padStart(9),
    (withRecall ? t.recall.toFixed(3) : '-').padStart(7),
  ].join(' ');
}

function table(title: string, rows: Tally[], withRecall: boolean): string[] {
  const header = `${title.padEnd(34)} ${'TP'.padStart(5)} ${'FP'.padStart(5)} ${'FN'.padStart(5)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`;
  return [header, '-'.repeat(header.length), ...rows.map((t) => row(t, withRecall)), ''];
}

/** The realistic eval as text: per detector, per file kind, per secret kind, overall, and the misses and false positives. */
export function formatRealistic(result: RealisticResult): string {
  const lines = [
    ...table('detector', result.perDetector, false),
    ...table('file kind', result.perFileKind, true),
    ...table('planted secret kind', result.perSecretKind, true),
    row(result.credentials, true),
    row(result.overall, true),
    '',
    `${result.files} files, ${result.labels} planted values; ${result.overall.falsePositives} false positives`,
    ...result.missedList.map((m) => `missed: ${m}`),
    ...result.falsePositiveList.map((m) => `false positive: ${m}`),
  ];
  return `${lines.join('\n')}\n`;
}
