import type { Rng } from '../random.ts';

/** Any detector of the credentials category counts for this label. */
export const ANY_CREDENTIAL = 'any credentials detector';

/** One planted value: the file it sits in, the raw value, and which detectors may report it. */
export interface RealisticLabel {
  file: string;
  value: string;
  accept: readonly string[] | typeof ANY_CREDENTIAL;
  /** What kind of secret it is, for the per-kind table (`aws`, `password`, `framework key`...). */
  kind: string;
  /** For a multi-line value (a PEM key): a finding of an accepted detector on this line counts. */
  line?: number;
}

/** A file being written: its text is built by the caller; `plant` records what it holds. */
export class FileBuilder {
  readonly labels: RealisticLabel[] = [];

  constructor(
    readonly name: string,
    readonly rng: Rng,
  ) {}

  /** Records `value` as a true secret of `kind` and returns it, for use inside the file text. */
  plant(value: string, kind: string, accept: RealisticLabel['accept'] = ANY_CREDENTIAL): string {
    this.labels.push({ file: this.name, value, accept, kind });
    return value;
  }

  /** Records personal data (an email address in a CSV export) that `detector` must report. */
  pii(value: string, detector: string): string {
    this.labels.push({ file: this.name, value, accept: [detector], kind: detector });
    return value;
  }

  /** Records a multi-line value by the line it starts on, once the text is known. */
  plantBlock(text: string, block: string, kind: string, accept: readonly string[]): void {
    const at = text.indexOf(block);
    if (at === -1) throw new Error(`block not in ${this.name}`);
    const line = text.slice(0, at).split('\n').length;
    this.labels.push({ file: this.name, value: block, accept, kind, line });
  }
}

/** A realistic file: its name (which picks the reader), the kind of file, and its text. */
export interface RealisticFile {
  name: string;
  fileKind: string;
  text: string;
}
