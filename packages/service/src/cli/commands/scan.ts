import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  matchCount,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
  type ScanReport,
  summaryLine,
} from '@data-scanner/detect';
import { BaselineIndex } from '@data-scanner/detect/baseline';
import type { Command } from 'commander';
import { costModelConfig } from '../../estimate/scan-cost-model.ts';
import { estimateScan } from '../../estimate/scan-estimate.ts';
import { LocalScanState } from '../../incremental/local-scan-state.ts';
import { objectIdentity } from '../../incremental/object-identity.ts';
import { engineIdentity, scanCoverage } from '../../incremental/scan-coverage.ts';
import { FolderWatcher } from '../../watch/folder-watcher.ts';
import { applyBaseline, readBaselineFile, updatedBaseline, writeBaselineFile } from '../baseline-file.ts';
import { FINGERPRINT_KEY_HELP } from '../cli-fingerprint-key.ts';
import { EXIT_INCOMPLETE } from '../exit-codes.ts';
import {
  addScanSetupOptions,
  prepareScan,
  type ScanSetupOptions,
  scanObjects,
  sourceUri,
} from '../scan-setup.ts';

/** Options of `data-scanner scan`. */
export interface ScanCommandOptions extends ScanSetupOptions {
  format: string;
  output?: string;
  /** Exit 0/1 on findings alone even when some object could not be read. */
  allowIncomplete?: boolean;
  /** Baseline file: findings whose detector and fingerprint it holds are left out (and counted). */
  baseline?: string;
  /** After reporting, rewrite the baseline with this scan's findings (see `updatedBaseline`). */
  baselineUpdate?: boolean;
  /** Skip objects unchanged since their last complete scan; a string names the state file. */
  incremental?: boolean | string;
  /** List only and print the estimate (objects, bytes by format, hours, cost) as JSON. */
  dryRun?: boolean;
  /** After the first scan, follow the folder and scan what changes (incrementally) until stopped. */
  watch?: boolean;
}

/**
 * `scan <folder> --watch`: one incremental scan, then one more each time files under the folder
 * change (file-system notifications, settled for a second), each writing its own report. Runs
 * until SIGINT or SIGTERM.
 */
export async function watchScan(target: string, options: ScanCommandOptions): Promise<number> {
  const uri = sourceUri(target);
  if (uri.startsWith('s3://'))
    throw new Error('--watch follows local folders; S3 uploads are watched by the service');
  const folder = uri.startsWith('file:') ? new URL(uri).pathname : uri;
  const scanOptions = { ...options, incremental: options.incremental ?? true, watch: false };
  await runScan(target, scanOptions);
  const watcher = new FolderWatcher(folder, {
    onChanges: async () => {
      await runScan(target, scanOptions);
    },
    onError: (err) => process.stderr.write(`data-scanner: watch: ${(err as Error).message}\n`),
  });
  process.stderr.write(`data-scanner: watching ${folder} (Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watcher.close();
  return 0;
}

/** The CLI's incremental state file: `$XDG_STATE_HOME/data-scanner/incremental.json` (or `~/.local/state/...`). */
export function defaultStateFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME || path.join(homedir(), '.local', 'state');
  return path.join(base, 'data-scanner', 'incremental.json');
}

/**
 * Runs a scan and writes the report; returns 1 when there are findings (not counting those a
 * baseline suppressed), else 0. Throws on usage, source and baseline errors.
 */
export async function runScan(target: string, options: ScanCommandOptions): Promise<number> {
  const format = options.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) {
    throw new Error(`unknown format '${options.format}' (use ${REPORT_FORMATS.join(', ')})`);
  }
  if (options.baselineUpdate && !options.baseline)
    throw new Error('--baseline-update needs --baseline <file>');
  const setup = await prepareScan(target, options);
  const { source, detectors, allowlist, limits, scanner } = setup;
  if (options.dryRun) {
    const problems: string[] = [];
    const costModel = costModelConfig(process.env, problems);
    if (problems.length > 0) throw new Error(problems.join('; '));
    const estimate = await estimateScan(source, {
      exclude: options.exclude,
      costModel,
      maxObjects: Infinity,
    });
    const text = `${JSON.stringify(estimate, null, 2)}\n`;
    if (options.output) await writeFile(options.output, text);
    else process.stdout.write(text);
    return 0;
  }
  const baseline = options.baseline
    ? await readBaselineFile(options.baseline, setup.fingerprintKey)
    : undefined;
  const stateFile =
    typeof options.incremental === 'string'
      ? options.incremental
      : options.incremental
        ? defaultStateFile()
        : undefined;
  const state = stateFile ? await LocalScanState.load(stateFile) : undefined;
  const coverage = scanCoverage(detectors, engineIdentity({ allowlist, limits }));
  let unchanged = 0;
  const scanned = await scanObjects(setup, {
    skip: (object) => {
      const identity = objectIdentity(object);
      const skip = state !== undefined && identity !== undefined && state.isUnchanged(identity, coverage);
      if (skip) unchanged++;
      return skip;
    },
    scanned: (object, result) => {
      const identity = objectIdentity(object);
      if (state && identity && result.status === 'COMPLETE') state.remember(identity, coverage);
    },
  });
  if (state && stateFile) {
    await state.save();
    process.stderr.write(
      `data-scanner: incremental: ${unchanged} unchanged object(s) skipped (state ${stateFile})\n`,
    );
  }
  const { objects, suppressed } = baseline
    ? applyBaseline(scanned, new BaselineIndex(baseline))
    : { objects: scanned, suppressed: 0 };
  const report: ScanReport = {
    source: source.uri,
    objects,
    detectors,
    limits: scanner.limits,
    ...(options.baseline ? { baseline: { file: options.baseline, suppressed } } : {}),
  };
  const text = renderReport(format, report);
  if (options.output) await writeFile(options.output, text);
  else process.stdout.write(text);
  // The table ends with this line already; other formats get it on stderr, out of the data.
  if (format !== 'table' || options.output) process.stderr.write(`${summaryLine(report)}\n`);
  if (baseline && options.baseline && options.baselineUpdate) {
    const next = updatedBaseline(baseline, scanned, setup.fingerprintKey);
    await writeBaselineFile(options.baseline, next, true);
    process.stderr.write(
      `data-scanner: baseline ${options.baseline} updated: ${next.entries.length} entr(ies), was ${baseline.entries.length}\n`,
    );
  }
  const failed = objects.filter((o) => o.result.status === 'FAILED').length;
  if (failed > 0 && !options.allowIncomplete) {
    process.stderr.write(
      `data-scanner: coverage incomplete: ${failed} object(s) could not be read (FAILED in the report); ` +
        `exit ${EXIT_INCOMPLETE} (--allow-incomplete exits on findings alone)\n`,
    );
    return EXIT_INCOMPLETE;
  }
  return objects.some((o) => matchCount(o.result) > 0) ? 1 : 0;
}

/** `data-scanner scan <path | s3://bucket/prefix>`: scans files, folders or a bucket prefix. */
export function register(program: Command): void {
  const command = program
    .command('scan')
    .description('Scan a file, a folder (recursively) or s3://bucket/prefix for secrets and personal data')
    .argument('<target>', 'file, folder, file:///abs/path or s3://bucket/prefix')
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join('|')}`, 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout');
  addScanSetupOptions(command)
    .option(
      '--baseline <file>',
      "report only findings whose detector and fingerprint are not in this baseline (from 'data-scanner baseline create'); every format states how many it suppressed, and the exit code counts only the rest",
    )
    .option(
      '--baseline-update',
      'after reporting, rewrite the --baseline file with every finding of this scan (reported and suppressed); entries of places this scan did not read to the end (excluded, failed, skipped, unchanged under --incremental) are kept, values gone from a place read completely are dropped',
    )
    .option(
      '--incremental [state-file]',
      'skip files and objects unchanged (size, mtime, inode; S3 etag, version, size) since their last complete scan with the same detectors; the state lives in state-file (default $XDG_STATE_HOME/data-scanner/incremental.json)',
    )
    .option(
      '--dry-run',
      'list only (read no object) and print the estimate as JSON: objects, bytes by format, excluded entries, hours and USD on DATA_SCANNER_PROFILE (default local)',
    )
    .option(
      '--watch',
      'after the first scan, follow the folder and scan changed files as they are written (incremental) until stopped',
    )
    .option('--allow-incomplete', 'exit 0/1 on findings alone even when some object could not be read')
    .addHelpText(
      'after',
      `\nExit codes: 0 no findings, 1 findings (not counting those a baseline suppressed), 2 error (also a baseline that is malformed or made under another key) or incomplete coverage (an object could not be read: FAILED in the report).\n${FINGERPRINT_KEY_HELP}\nAggregated personal data (past --aggregate-threshold) has no per-value fingerprint, so a baseline never suppresses it.`,
    )
    .action(async (target: string, options: ScanCommandOptions) => {
      process.exitCode = options.watch ? await watchScan(target, options) : await runScan(target, options);
    });
}
