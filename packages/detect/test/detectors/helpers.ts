import { fingerprint } from '../../src/fingerprint.ts';
import { Scanner } from '../../src/scanner.ts';
import type { Finding } from '../../src/types.ts';

const KEY = 'detector-tests';

/** The real engine with the whole catalogue. */
export const scanner = new Scanner({ fingerprintKey: KEY });

/** Findings of the real engine on `text` (an object named `name`, which picks CSV/JSON handling). */
export async function scan(text: string, name = 'sample.txt'): Promise<Finding[]> {
  const result = await scanner.scanText(text, name);
  return result.findings;
}

/** The fingerprint the test scanner gives `value`. */
export function fingerprintOf(value: string): string {
  return fingerprint(KEY, value);
}

/** The finding of `detector` whose fingerprint is that of `value`, if any. */
export function findingFor(
  findings: readonly Finding[],
  detector: string,
  value: string,
): Finding | undefined {
  const fp = fingerprint(KEY, value);
  return findings.find((f) => f.detector === detector && f.fingerprint === fp);
}

/** Ids of the detectors with at least one finding. */
export function detectorIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.detector))].sort();
}
