import { detectors, detectorTable, readDetectorConfigFile, ripgrepPatterns } from '@data-scanner/detect';
import { type Command, Option } from 'commander';

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
    .addOption(
      new Option(
        '-c, --config <file>',
        'JSON detector config: list custom detectors too, without disabled ones',
      ).env('DATA_SCANNER_CONFIG'),
    )
    .action(
      async (options: { exportPatterns?: boolean; json?: boolean; markdown?: boolean; config?: string }) => {
        const list = options.config ? await readDetectorConfigFile(options.config) : detectors;
        if (options.exportPatterns) {
          process.stdout.write(
            ripgrepPatterns(list)
              .map((p) => `${p.pattern}\n`)
              .join(''),
          );
        } else if (options.markdown) {
          process.stdout.write(detectorTable(list));
        } else if (options.json) {
          const rows = list.map((d) => ({
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
          const width = (f: (d: (typeof list)[number]) => string) =>
            Math.max(...list.map((d) => f(d).length));
          const w = width((d) => d.id);
          const n = width((d) => d.name);
          const v = width((d) => d.validator ?? '-');
          const lines = list.map(
            (d) =>
              `${d.id.padEnd(w)}  ${d.category.padEnd(11)}  ${d.severity.padEnd(8)}  ${d.name.padEnd(n)}  ${(d.validator ?? '-').padEnd(v)}  ${d.example ?? '-'}`,
          );
          const header = `${'ID'.padEnd(w)}  ${'CATEGORY'.padEnd(11)}  ${'SEVERITY'.padEnd(8)}  ${'NAME'.padEnd(n)}  ${'VALIDATOR'.padEnd(v)}  EXAMPLE`;
          process.stdout.write(`${header}\n${lines.join('\n')}\n${list.length} detectors\n`);
        }
        process.exitCode = 0;
      },
    );
}
