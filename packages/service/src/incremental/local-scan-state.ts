import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ObjectIdentity } from './object-identity.ts';
import { coverageId, type ScanCoverage } from './scan-coverage.ts';

/** Coverages kept per object at one identity (as in `object_scan_state`). */
const COVERAGES_KEPT = 8;

interface StoredObject {
  identity: string;
  engine: string;
  /** Ids of the coverages that scanned the object at this identity, newest first. */
  coverages: string[];
}

interface StateFile {
  version: 1;
  coverages: Record<string, ScanCoverage>;
  objects: Record<string, StoredObject>;
}

/**
 * The CLI's incremental state: a JSON file mapping each object's locator to the identity, engine and
 * coverages of its last complete scans (the CLI's counterpart of `object_scan_state`).
 */
export class LocalScanState {
  private constructor(
    private readonly file: string,
    private readonly state: StateFile,
  ) {}

  /** Reads `file` (a missing file is an empty state); throws a readable Error when it is not a state file. */
  static async load(file: string): Promise<LocalScanState> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return new LocalScanState(file, { version: 1, coverages: {}, objects: {} });
      }
      throw new Error(`cannot read the incremental state file ${file}: ${(err as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`the incremental state file ${file} is not JSON; delete it to scan everything again`);
    }
    const state = parsed as StateFile;
    if (state?.version !== 1 || typeof state.objects !== 'object' || typeof state.coverages !== 'object') {
      throw new Error(`${file} is not a data-scanner incremental state file (version 1)`);
    }
    return new LocalScanState(file, state);
  }

  /** True when the object's last complete scans at this identity ran every detector of `coverage` as it is now. */
  isUnchanged(identity: ObjectIdentity, coverage: ScanCoverage): boolean {
    const stored = this.state.objects[identity.locator];
    if (!stored || stored.identity !== identity.version || stored.engine !== coverage.engine) return false;
    if (stored.coverages.includes(coverageId(coverage))) return true;
    const ran = stored.coverages.map((id) => this.state.coverages[id]?.detectors ?? {});
    return Object.entries(coverage.detectors).every(([id, hash]) => ran.some((d) => d[id] === hash));
  }

  /** Records a complete scan with `coverage`. */
  remember(identity: ObjectIdentity, coverage: ScanCoverage): void {
    const id = coverageId(coverage);
    this.state.coverages[id] ??= coverage;
    const stored = this.state.objects[identity.locator];
    const same = stored && stored.identity === identity.version && stored.engine === coverage.engine;
    const kept = same ? stored.coverages.filter((c) => c !== id) : [];
    this.state.objects[identity.locator] = {
      identity: identity.version,
      engine: coverage.engine,
      coverages: [id, ...kept].slice(0, COVERAGES_KEPT),
    };
  }

  /** Writes the state (to a temporary file renamed over the old one, so a crash never leaves half a file). */
  async save(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.state));
    await rename(temporary, this.file);
  }
}
