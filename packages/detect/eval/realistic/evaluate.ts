import { detectorById } from '../../src/detectors/index.ts';
import { fingerprint } from '../../src/fingerprint.ts';
import { Scanner } from '../../src/scanner.ts';
import type { Finding } from '../../src/types.ts';
import { buildRealisticCorpus } from './corpus.ts';
import { ANY_CREDENTIAL, type RealisticLabel } from './labels.ts';

const KEY = 'realistic-eval-key';

/** Found / missed counts of a group of labels, and the findings no label explains. */
export interface Tally {
  name: string;
  found: number;
  missed: number;
  falsePositives: number;
  recall: number;
  precision: number;
}

export interface RealisticResult {
  /** Per detector: true positives credited to it, and its unexplained findings. */
  perDetector: Tally[];
  /** Per kind of file (shell profile, framework settings, ...). */
  perFileKind: Tally[];
  /** Per kind of planted secret (password, aws secret, framework key, ...). */
  perSecretKind: Tally[];
  overall: Tally;
  /** Planted credentials only (personal data left out), against credentials false positives. */
  credentials: Tally;
  files: number;
  labels: number;
  /** `file: detector redacted` of every false positive, for reading (never a raw value). */
  falsePositiveList: string[];
  /** `file: kind` of every missed label. */
  missedList: string[];
}

function tally(name: string, found: number, missed: number, falsePositives: number): Tally {
  return {
    name,
    found,
    missed,
    falsePositives,
    recall: found + missed === 0 ? 1 : found / (found + missed),
    precision: found + falsePositives === 0 ? 1 : found / (found + falsePositives),
  };
}

function accepts(label: RealisticLabel, finding: Finding): boolean {
  if (label.accept === ANY_CREDENTIAL) return finding.category === 'credentials';
  return label.accept.includes(finding.detector);
}

/** True when `finding` is the planted value of `label` (by HMAC fingerprint, or line for blocks). */
function explains(label: RealisticLabel, finding: Finding, fp: string): boolean {
  if (!accepts(label, finding)) return false;
  if (label.line !== undefined) return finding.location.line === label.line;
  return finding.fingerprint === fp;
}

/**
 * Scans every realistic file with the real Scanner (the file name picks its reader) and scores
 * findings against the labels: a label is found when an accepted detector reports its value (by
 * HMAC fingerprint, as the synthetic eval does); a finding that matches no label of its file is
 * a false positive, except a credentials finding on a planted value under another detector's id.
 */
export async function runRealisticEval(seed?: number): Promise<RealisticResult> {
  const corpus = buildRealisticCorpus(seed);
  const scanner = new Scanner({ fingerprintKey: KEY });
  const kindOfFile = new Map(corpus.files.map((f) => [f.name, f.fileKind]));
  const foundLabels = new Set<RealisticLabel>();
  const fpByDetector = new Map<string, number>();
  const tpByDetector = new Map<string, number>();
  const fpByFileKind = new Map<string, number>();
  const falsePositiveList: string[] = [];
  for (const file of corpus.files) {
    const labels = corpus.labels
      .filter((l) => l.file === file.name)
      .map((l) => ({ l, fp: fingerprint(KEY, l.value) }));
    const result = await scanner.scanText(file.text, file.name);
    for (const finding of result.findings) {
      const match = labels.find(({ l, fp }) => explains(l, finding, fp));
      if (match) {
        if (!foundLabels.has(match.l))
          tpByDetector.set(finding.detector, (tpByDetector.get(finding.detector) ?? 0) + 1);
        foundLabels.add(match.l);
        continue;
      }
      const plantedElsewhere =
        labels.some(({ fp }) => fp === finding.fingerprint) && finding.category === 'credentials';
      if (plantedElsewhere) continue;
      fpByDetector.set(finding.detector, (fpByDetector.get(finding.detector) ?? 0) + 1);
      fpByFileKind.set(file.fileKind, (fpByFileKind.get(file.fileKind) ?? 0) + 1);
      falsePositiveList.push(`${file.name}:${finding.location.line} ${finding.detector} ${finding.redacted}`);
    }
  }
  const group = (key: (l: RealisticLabel) => string, fps: Map<string, number>): Tally[] => {
    const names = new Set([...corpus.labels.map(key), ...fps.keys()]);
    return [...names].sort().map((name) => {
      const ls = corpus.labels.filter((l) => key(l) === name);
      const found = ls.filter((l) => foundLabels.has(l)).length;
      return tally(name, found, ls.length - found, fps.get(name) ?? 0);
    });
  };
  const detectorIds = [...new Set([...tpByDetector.keys(), ...fpByDetector.keys()])].sort();
  const perDetector = detectorIds.map((id) =>
    tally(detectorById(id)?.id ?? id, tpByDetector.get(id) ?? 0, 0, fpByDetector.get(id) ?? 0),
  );
  const totalFp = [...fpByDetector.values()].reduce((a, b) => a + b, 0);
  const isCredential = (l: RealisticLabel) =>
    l.accept === ANY_CREDENTIAL || l.accept.every((id) => detectorById(id)?.category === 'credentials');
  const credentialLabels = corpus.labels.filter(isCredential);
  const credentialsFound = credentialLabels.filter((l) => foundLabels.has(l)).length;
  const credentialFp = [...fpByDetector].reduce(
    (n, [id, count]) => n + (detectorById(id)?.category === 'credentials' ? count : 0),
    0,
  );
  return {
    perDetector,
    perFileKind: group((l) => kindOfFile.get(l.file) ?? '?', fpByFileKind),
    perSecretKind: group((l) => l.kind, new Map()),
    overall: tally('overall', foundLabels.size, corpus.labels.length - foundLabels.size, totalFp),
    credentials: tally(
      'credentials only',
      credentialsFound,
      credentialLabels.length - credentialsFound,
      credentialFp,
    ),
    files: corpus.files.length,
    labels: corpus.labels.length,
    falsePositiveList,
    missedList: corpus.labels.filter((l) => !foundLabels.has(l)).map((l) => `${l.file}: ${l.kind}`),
  };
}
