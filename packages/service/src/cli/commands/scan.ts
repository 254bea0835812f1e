import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  detectors as catalogue,
  DEFAULT_LIMITS,
  type Detector,
  matchCount,
  type ObjectScanResult,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportObject,
  readAllowlistFile,
  readDetectorConfigFile,
  renderReport,
  Scanner,
  summaryLine,
} from '@data-scanner/detect';
import { type Command, Option } from 'commander';
import { loadS3Config } from '../../config.ts';
import { unknownDetectorIds } from '../../detector-ids.ts';
import { costModelConfig } from '../../estimate/scan-cost-model.ts';
import { estimateScan } from '../../estimate/scan-estimate.ts';
import { LocalScanState } from '../../incremental/local-scan-state.ts';
import { objectIdentity } from '../../incremental/object-identity.ts';
import { engineIdentity, scanCoverage } from '../../incremental/scan-coverage.ts';
import { createSource } from '../../sources/create-source.ts';
import { rangeReader } from '../../sources/range-reader.ts';
import { SourceError } from '../../sources/source-error.ts';
import { FolderWatcher } from '../../watch/folder-watcher.ts';

/** Used when no key is configured and no key file can be written (fingerprints then only group within one machine's default). */
export const DEFAULT_FINGERPRINT_KEY = 'data-scanner-default-fingerprint-key';

/**
 * The CLI's fingerprint key: `DATA_SCANNER_FINGERPRINT_KEY`, else the key file
 * (`DATA_SCANNER_KEY_FILE`, default `$XDG_CONFIG_HOME/data-scanner/fingerprint-key` or
 * `~/.config/...`), created with 32 random bytes (mode 0600) on first use; if it can be
 * neither read nor created, the documented default key.
 */
export async function cliFingerprintKey(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.DATA_SCANNER_FINGERPRINT_KEY;
  if (fromEnv) return fromEnv;
  const file =
    env.DATA_SCANNER_KEY_FILE ??
    path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'data-scanner', 'fingerprint-key');
  try {
    const key = (await readFile(file, 'utf8')).trim();
    if (key) return key;
  } catch {
    // Created below.
  }
  try {
    const key = randomBytes(32).toString('hex');
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    try {
      const key = (await readFile(file, 'utf8')).trim();
      if (key) return key;
    } catch {
      // Falls back to the default.
    }
    return DEFAULT_FINGERPRINT_KEY;
  }
}

/** Options of `data-scanner scan`. */
export interface ScanCommandOptions {
  format: string;
  output?: string;
  detectors?: string;
  exclude?: string[];
  /** JSON detector config (`{"detectors": [...], "disable": [...], "overrides": {...}}`). */
  config?: string;
  /** JSON allowlist file (`{"patterns": [...], "fingerprints": [...], "paths": [...]}`). */
  allowlist?: string;
  /** Exit 0/1 on findings alone even when some object could not be read. */
  allowIncomplete?: boolean;
  /** Individual personal-data findings per detector and field before the rest are counted in an aggregate. */
  aggregateThreshold?: string;
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

/** Exit code when an object could not be read (FAILED) and `--allow-incomplete` is not given. */
export const EXIT_INCOMPLETE = 2;

/** The outcome of an object that could not be opened or read to the end. */
function failedResult(err: unknown): ObjectScanResult {
  const code = err instanceof SourceError ? err.code : undefined;
  return {
    status: 'FAILED',
    reason: code === 'ACCESS_DENIED' || code === 'NOT_FOUND' || code === 'OUTSIDE_ROOT' ? code : 'READ_ERROR',
    reason_detail: err instanceof SourceError ? err.message : 'the object could not be read',
    findings: [],
    bytes_read: 0,
    bytes_scanned: 0,
  };
}

/** Parses `--aggregate-threshold`: a whole number of at least 1. */
function aggregateLimits(value: string | undefined): { aggregateThreshold?: number } {
  if (value === undefined) return {};
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`--aggregate-threshold must be a whole number of at least 1, not '${value}'`);
  }
  return { aggregateThreshold: n };
}

function pickDetectors(ids: string | undefined, base: readonly Detector[]): readonly Detector[] {
  if (!ids) return base;
  const wanted = ids
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = new Set(base.map((d) => d.id));
  const unknown =
    base === catalogue ? unknownDetectorIds(wanted) : [...new Set(wanted.filter((id) => !known.has(id)))];
  if (unknown.length > 0) {
    throw new Error(`unknown detector(s): ${unknown.join(', ')} (see 'data-scanner detectors' and --config)`);
  }
  return base.filter((d) => wanted.includes(d.id));
}

function sourceUri(target: string): string {
  if (target.startsWith('s3://') || target.startsWith('file:')) return target;
  return path.resolve(target);
}

class Progress {
  private objects = 0;
  private bytes = 0;
  private readonly started = Date.now();
  private last = 0;

  constructor(private readonly enabled: boolean) {}

  add(bytes: number): void {
    this.objects++;
    this.bytes += bytes;
    const now = Date.now();
    if (this.enabled && now - this.last > 200) {
      this.last = now;
      const mib = this.bytes / 1048576;
      const rate = mib / Math.max(0.001, (now - this.started) / 1000);
      process.stderr.write(
        `\rscanned ${this.objects} objects, ${mib.toFixed(1)} MiB, ${rate.toFixed(1)} MiB/s `,
      );
    }
  }

  done(): void {
    if (this.enabled) process.stderr.write('\r\x1b[K');
  }
}

/** Runs a scan and writes the report; returns 1 when there are findings, else 0. Throws on usage/source errors. */
export async function runScan(target: string, options: ScanCommandOptions): Promise<number> {
  const format = options.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) {
    throw new Error(`unknown format '${options.format}' (use ${REPORT_FORMATS.join(', ')})`);
  }
  const base = options.config ? await readDetectorConfigFile(options.config) : catalogue;
  const detectors = pickDetectors(options.detectors, base);
  const limits = aggregateLimits(options.aggregateThreshold);
  const uri = sourceUri(target);
  const local = uri.startsWith('s3://') ? [] : [uri.startsWith('file:') ? new URL(uri).pathname : uri];
  for (const p of local) {
    await stat(p).catch(() => {
      throw new Error(`${p} does not exist or is not readable`);
    });
  }
  const allowlist = options.allowlist ? await readAllowlistFile(options.allowlist) : undefined;
  // The region stays the SDK's own choice (AWS_REGION, the profile); only a custom endpoint is passed.
  const { endpoint, forcePathStyle } = uri.startsWith('s3://') ? loadS3Config() : { endpoint: undefined };
  const source = await createSource(uri, {
    roots: local,
    ...(endpoint ? { s3: { endpoint, forcePathStyle } } : {}),
  });
  const scanner = new Scanner({ fingerprintKey: await cliFingerprintKey(), detectors, allowlist, limits });
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
  const progress = new Progress(process.stderr.isTTY === true);
  const objects: ReportObject[] = [];
  const listOptions = options.exclude && options.exclude.length > 0 ? { exclude: options.exclude } : {};
  const stateFile =
    typeof options.incremental === 'string'
      ? options.incremental
      : options.incremental
        ? defaultStateFile()
        : undefined;
  const state = stateFile ? await LocalScanState.load(stateFile) : undefined;
  const coverage = scanCoverage(detectors, engineIdentity({ allowlist, limits }));
  let unchanged = 0;
  for await (const object of source.list(listOptions)) {
    let result: ObjectScanResult;
    const entry = object.unscannable;
    const identity = objectIdentity(object);
    if (state && identity && state.isUnchanged(identity, coverage)) {
      unchanged++;
      continue;
    }
    if (entry) {
      result = {
        status: entry.status,
        reason: entry.reason,
        reason_detail: entry.detail,
        findings: [],
        aggregates: [],
        bytes_read: 0,
        bytes_scanned: 0,
      };
    } else {
      try {
        const { stream } = await source.read(object);
        const random = rangeReader(source, object, object.size);
        result = await scanner.scanObject(stream, { name: object.key, size: object.size, random });
      } catch (err) {
        result = failedResult(err);
      }
    }
    progress.add(result.bytes_read);
    if (state && identity && result.status === 'COMPLETE') state.remember(identity, coverage);
    objects.push(
      object.bucket === undefined
        ? { key: object.key, result }
        : { bucket: object.bucket, key: object.key, result },
    );
  }
  progress.done();
  if (state && stateFile) {
    await state.save();
    process.stderr.write(
      `data-scanner: incremental: ${unchanged} unchanged object(s) skipped (state ${stateFile})\n`,
    );
  }
  const report = { source: source.uri, objects, detectors, limits: scanner.limits };
  const text = renderReport(format, report);
  if (options.output) await writeFile(options.output, text);
  else process.stdout.write(text);
  // The table ends with this line already; other formats get it on stderr, out of the data.
  if (format !== 'table' || options.output) process.stderr.write(`${summaryLine(report)}\n`);
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
  program
    .command('scan')
    .description('Scan a file, a folder (recursively) or s3://bucket/prefix for secrets and personal data')
    .argument('<target>', 'file, folder, file:///abs/path or s3://bucket/prefix')
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join('|')}`, 'table')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-d, --detectors <ids>', 'comma-separated detector ids to run (default: all)')
    .option('-e, --exclude <globs...>', 'globs of paths/keys to skip (repeatable)')
    .option(
      '--aggregate-threshold <n>',
      'personal-data findings listed per detector and field of a file before the rest are counted in one aggregate (credentials are always listed)',
      String(DEFAULT_LIMITS.aggregateThreshold),
    )
    .addOption(
      new Option(
        '-a, --allowlist <file>',
        'JSON file of accepted values and places: {"patterns": [regex], "fingerprints": [hex], "paths": [glob]}',
      ).env('DATA_SCANNER_ALLOWLIST'),
    )
    .addOption(
      new Option(
        '-c, --config <file>',
        'JSON detector config: {"detectors": [custom detector], "disable": [id], "overrides": {"<id>": {"severity", "confidence"}}}',
      ).env('DATA_SCANNER_CONFIG'),
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
      '\nExit codes: 0 no findings, 1 findings, 2 error or incomplete coverage (an object could not be read: FAILED in the report).\nFingerprint key: DATA_SCANNER_FINGERPRINT_KEY, else ~/.config/data-scanner/fingerprint-key (created on first use).',
    )
    .action(async (target: string, options: ScanCommandOptions) => {
      process.exitCode = options.watch ? await watchScan(target, options) : await runScan(target, options);
    });
}
