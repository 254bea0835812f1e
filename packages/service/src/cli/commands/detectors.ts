import { detectors, detectorTable, ripgrepPatterns } from '@data-scanner/detect';
import type { Command } from 'commander';

/**
 * `data-scanner detectors`: lists the catalogue (id, category, severity, name, what the
 * validator checks, the value's shape), as a Markdown table, as JSON, or exports its patterns
 * for ripgrep.
 */
export function register(program: Command): void {
  program
    .command('detectors')
    .description('List the detector catalogue')
    .option('--export-patterns', 'print the patterns one per line, in a form `rg -f` accepts')
    .option('--json', 'print the catalogue as JSON')
    .option('--markdown', 'print the catalogue as a Markdown table')
    .action((options: { exportPatterns?: boolean; json?: boolean; markdown?: boolean }) => {
      if (options.exportPatterns) {
        process.stdout.write(
          ripgrepPatterns(detectors)
            .map((p) => `${p.pattern}\n`)
            .join(''),
        );
      } else if (options.markdown) {
        process.stdout.write(detectorTable(detectors));
      } else if (options.json) {
        const rows = detectors.map((d) => ({
          id: d.id,
          name: d.name,
          category: d.category,
          severity: d.severity,
          keywords: d.keywords,
          requires_context: d.requireContext === true,
          validator: d.validator ?? null,
          example: d.example ?? null,
        }));
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        const width = (f: (d: (typeof detectors)[number]) => string) =>
          Math.max(...detectors.map((d) => f(d).length));
        const w = width((d) => d.id);
        const n = width((d) => d.name);
        const v = width((d) => d.validator ?? '-');
        const lines = detectors.map(
          (d) =>
            `${d.id.padEnd(w)}  ${d.category.padEnd(11)}  ${d.severity.padEnd(8)}  ${d.name.padEnd(n)}  ${(d.validator ?? '-').padEnd(v)}  ${d.example ?? '-'}`,
        );
        const header = `${'ID'.padEnd(w)}  ${'CATEGORY'.padEnd(11)}  ${'SEVERITY'.padEnd(8)}  ${'NAME'.padEnd(n)}  ${'VALIDATOR'.padEnd(v)}  EXAMPLE`;
        process.stdout.write(`${header}\n${lines.join('\n')}\n${detectors.length} detectors\n`);
      }
      process.exitCode = 0;
    });
}
