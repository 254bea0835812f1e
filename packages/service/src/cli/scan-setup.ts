import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type AllowlistConfig,
  detectors as catalogue,
  DEFAULT_LIMITS,
  type Detector,
  type ObjectScanResult,
  type ReportObject,
  readAllowlistFile,
  readDetectorConfigFile,
  type ScanLimits,
  Scanner,
} from '@data-scanner/detect';
import { type Command, Option } from 'commander';
import { loadS3Config } from '../config.ts';
import { unknownDetectorIds } from '../detector-ids.ts';
import type { ObjectSource, SourceObject } from '../ports/object-source.ts';
import { createSource } from '../sources/create-source.ts';
import { rangeReader } from '../sources/range-reader.ts';
import { SourceError } from '../sources/source-error.ts';
import { cliFingerprintKey } from './cli-fingerprint-key.ts';

/** What to scan with and what to skip: the options `scan` and `baseline create` share. */
export interface ScanSetupOptions {
  /** Comma-separated detector ids (default: all). */
  detectors?: string;
  /** Globs of paths or keys to skip. */
  exclude?: string[];
  /** JSON detector config (`{"detectors": [...], "disable": [...], "overrides": {...}}`). */
  config?: string;
  /** JSON allowlist file (`{"patterns": [...], "fingerprints": [...], "paths": [...]}`). */
  allowlist?: string;
  /** Individual personal-data findings per detector and field before the rest are counted in an aggregate. */
  aggregateThreshold?: string;
}

/** Adds the options of `ScanSetupOptions` to a command. */
export function addScanSetupOptions(command: Command): Command {
  return command
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
    );
}

/** A source opened and a scanner built from `ScanSetupOptions`. */
export interface ScanSetup {
  /** `s3://...`, `file:...` or an absolute path. */
  uri: string;
  source: ObjectSource;
  scanner: Scanner;
  detectors: readonly Detector[];
  limits: Partial<ScanLimits>;
  allowlist: AllowlistConfig | undefined;
  /** The fingerprint key the scanner uses. */
  fingerprintKey: string;
  exclude: string[];
}

/** Parses `--aggregate-threshold`: a whole number of at least 1. */
function aggregateLimits(value: string | undefined): Partial<ScanLimits> {
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

/** The source URI of a command-line target: `s3://` and `file:` as given, a path made absolute. */
export function sourceUri(target: string): string {
  if (target.startsWith('s3://') || target.startsWith('file:')) return target;
  return path.resolve(target);
}

/** Checks the options, opens the source and builds the scanner. Throws with a one-line reason. */
export async function prepareScan(target: string, options: ScanSetupOptions): Promise<ScanSetup> {
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
  const fingerprintKey = await cliFingerprintKey();
  const scanner = new Scanner({ fingerprintKey, detectors, allowlist, limits });
  return {
    uri,
    source,
    scanner,
    detectors,
    limits,
    allowlist,
    fingerprintKey,
    exclude: options.exclude ?? [],
  };
}

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

/** Hooks of `scanObjects`, for incremental scans. */
export interface ScanObjectsHooks {
  /** True to leave an object out (not read, not in the result). */
  skip?(object: SourceObject): boolean;
  /** Called with each object's outcome. */
  scanned?(object: SourceObject, result: ObjectScanResult): void;
}

/**
 * Lists the source (minus `exclude`) and scans each object in turn, showing progress on a terminal.
 * An object that cannot be read is FAILED with its reason, never an exception.
 */
export async function scanObjects(setup: ScanSetup, hooks: ScanObjectsHooks = {}): Promise<ReportObject[]> {
  const { source, scanner } = setup;
  const progress = new Progress(process.stderr.isTTY === true);
  const objects: ReportObject[] = [];
  const listOptions = setup.exclude.length > 0 ? { exclude: setup.exclude } : {};
  for await (const object of source.list(listOptions)) {
    if (hooks.skip?.(object)) continue;
    let result: ObjectScanResult;
    const entry = object.unscannable;
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
    hooks.scanned?.(object, result);
    objects.push(
      object.bucket === undefined
        ? { key: object.key, result }
        : { bucket: object.bucket, key: object.key, result },
    );
  }
  progress.done();
  return objects;
}
