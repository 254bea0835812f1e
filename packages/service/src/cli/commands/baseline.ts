import { createBaseline } from '@data-scanner/detect/baseline';
import type { Command } from 'commander';
import { baselineEntries, writeBaselineFile } from '../baseline-file.ts';
import { FINGERPRINT_KEY_HELP } from '../cli-fingerprint-key.ts';
import { EXIT_INCOMPLETE } from '../exit-codes.ts';
import { addScanSetupOptions, prepareScan, type ScanSetupOptions, scanObjects } from '../scan-setup.ts';

/** Options of `data-scanner baseline create`. */
export interface BaselineCreateOptions extends ScanSetupOptions {
  output: string;
  force?: boolean;
  allowIncomplete?: boolean;
}

/**
 * Scans `target` and writes every finding's detector, keyed fingerprint, path (relative to the
 * target) and line as a baseline; never a value. Returns 0, or 2 when an object could not be read
 * (the baseline is still written, without that object's values) unless `allowIncomplete`.
 */
export async function createBaselineFile(target: string, options: BaselineCreateOptions): Promise<number> {
  const setup = await prepareScan(target, options);
  const objects = await scanObjects(setup);
  const baseline = createBaseline(setup.fingerprintKey, baselineEntries(objects));
  await writeBaselineFile(options.output, baseline, options.force === true);
  const values = new Set(baseline.entries.map((e) => `${e.detector}\0${e.fingerprint}`)).size;
  const aggregated = objects.reduce(
    (n, o) => n + (o.result.aggregates ?? []).reduce((m, a) => m + a.count, 0),
    0,
  );
  process.stderr.write(
    `data-scanner: baseline ${options.output}: ${baseline.entries.length} place(s) of ${values} value(s) in ${objects.length} object(s)` +
      (aggregated > 0
        ? `; ${aggregated} aggregated personal-data match(es) are not in it (no per-value fingerprint; raise --aggregate-threshold to list them)`
        : '') +
      '\n',
  );
  const failed = objects.filter((o) => o.result.status === 'FAILED');
  if (failed.length > 0 && !options.allowIncomplete) {
    process.stderr.write(
      `data-scanner: coverage incomplete: ${failed.length} object(s) could not be read, so their values are not in the baseline (first: ${failed[0]!.key}: ${failed[0]!.result.reason}); exit ${EXIT_INCOMPLETE} (--allow-incomplete exits 0)\n`,
    );
    return EXIT_INCOMPLETE;
  }
  return 0;
}

/** `data-scanner baseline create <path> --output <file>`: the values already known, so later scans report only new ones. */
export function register(program: Command): void {
  const baseline = program
    .command('baseline')
    .description('Record the values a scan finds now, so `scan --baseline` reports only new ones');
  const create = baseline
    .command('create')
    .description(
      'Scan a file, folder or s3://bucket/prefix and write a baseline: detector, keyed fingerprint, path and line of every finding, never a value',
    )
    .argument('<target>', 'file, folder, file:///abs/path or s3://bucket/prefix')
    .requiredOption('-o, --output <file>', 'the baseline file to write')
    .option('--force', 'replace the output file if it exists (without it, an existing file is refused)');
  addScanSetupOptions(create)
    .option(
      '--allow-incomplete',
      'exit 0 even when some object could not be read (its values are not in the baseline)',
    )
    .addHelpText(
      'after',
      `\nUse it with: data-scanner scan <target> --baseline <file> [--baseline-update]\nA value is in the baseline by detector and fingerprint, wherever it appears later; a new value on the same line is not.\nExit codes: 0 written, 2 error (the output exists without --force, bad options) or incomplete coverage.\n${FINGERPRINT_KEY_HELP} A baseline matches only under the key it was made with.`,
    )
    .action(async (target: string, options: BaselineCreateOptions) => {
      process.exitCode = await createBaselineFile(target, options);
    });
}
