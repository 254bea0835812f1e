import { detectors, ripgrepPatterns } from '@data-scanner/detect';
import type { Command } from 'commander';

/** `data-scanner detectors`: lists the catalogue, or exports its patterns for ripgrep. */
export function register(program: Command): void {
  program
    .command('detectors')
    .description('List the detector catalogue')
    .option('--export-patterns', 'print the patterns one per line, in a form `rg -f` accepts')
    .option('--json', 'print the catalogue as JSON')
    .action((options: { exportPatterns?: boolean; json?: boolean }) => {
      if (options.exportPatterns) {
        process.stdout.write(
          ripgrepPatterns(detectors)
            .map((p) => `${p.pattern}\n`)
            .join(''),
        );
      } else if (options.json) {
        const rows = detectors.map((d) => ({
          id: d.id,
          name: d.name,
          category: d.category,
          severity: d.severity,
          keywords: d.keywords,
          requires_context: d.requireContext === true,
        }));
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        const w = Math.max(...detectors.map((d) => d.id.length));
        const lines = detectors.map(
          (d) => `${d.id.padEnd(w)}  ${d.category.padEnd(11)}  ${d.severity.padEnd(8)}  ${d.name}`,
        );
        process.stdout.write(
          `${'ID'.padEnd(w)}  ${'CATEGORY'.padEnd(11)}  ${'SEVERITY'.padEnd(8)}  NAME\n${lines.join('\n')}\n${detectors.length} detectors\n`,
        );
      }
      process.exitCode = 0;
    });
}
