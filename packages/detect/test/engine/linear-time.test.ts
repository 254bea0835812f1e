import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectors, Scanner } from '../../src/index.ts';
import { hostileFamilies } from './hostile-inputs.ts';
import { countingRegExpClass, StepCounter, StepLedger } from './regex-steps.ts';

/** Input sizes compared: the work on 4n characters must stay within about 4 times the work on n. */
const N = 8192;
const GROWTH = 5;
/** Absorbs a few extra boundary steps when a family barely wakes a detector. */
const SLACK = 1000;
/**
 * Steps per input character, all detectors and engine searches together, on any hostile family.
 * A digit-dense family wakes every structural detector (about 3.5 steps a character each, 45 of
 * them since the national-id breadth), so the bound is set for the catalogue, not for one pattern.
 */
const MAX_STEPS_PER_CHAR = 200;
/** A search that needs more than this (per label, per scan) is stopped and fails the test. */
const BUDGET = 50_000_000;

const ledger = new StepLedger(BUDGET);
let recording = false;

/** The catalogue with each pattern replaced by a step-counting copy (the engine keeps the class). */
const counted = detectors.map((d) => ({
  ...d,
  pattern: new (countingRegExpClass(ledger, d.id))(d.pattern.source, d.pattern.flags),
}));
const scanner = new Scanner({
  fingerprintKey: 'linear-time',
  detectors: counted,
  limits: { aggregateThreshold: 1e9 },
});

/**
 * Besides the detectors' patterns, the engine searches text natively (line breaks, IPv6
 * colons, CSV quotes, delimiters); that is counted too, by wrapping the built-ins it uses.
 * Digit-run candidates come out of the keyword automaton's pass, one table step a byte: its
 * bytes are the engine's own share.
 */
const real = {
  indexOf: String.prototype.indexOf,
  lastIndexOf: String.prototype.lastIndexOf,
};
const TEXT_SEARCH = 'engine: text searches';

beforeAll(() => {
  String.prototype.indexOf = function indexOf(this: string, search: string, position?: number) {
    const found = real.indexOf.call(this, search, position);
    if (recording) {
      const from = Math.min(Math.max(0, Math.trunc(position ?? 0)), this.length);
      ledger.add(TEXT_SEARCH, (found === -1 ? this.length : found + search.length) - from + 1);
    }
    return found;
  };
  String.prototype.lastIndexOf = function lastIndexOf(this: string, search: string, position?: number) {
    const found = real.lastIndexOf.call(this, search, position);
    if (recording) {
      const from = Math.min(Math.max(0, Math.trunc(position ?? this.length)), this.length);
      ledger.add(TEXT_SEARCH, from - (found === -1 ? 0 : found) + 1);
    }
    return found;
  };
});

afterAll(() => {
  String.prototype.indexOf = real.indexOf;
  String.prototype.lastIndexOf = real.lastIndexOf;
});

/** Work per label for one scan of `text`, with the automaton's bytes as the engine's own share. */
async function work(text: string, file: string): Promise<Map<string, number>> {
  ledger.reset();
  scanner.resetStats();
  recording = true;
  let result: Awaited<ReturnType<Scanner['scanText']>>;
  try {
    result = await scanner.scanText(text, file);
  } finally {
    recording = false;
  }
  expect(ledger.errors).toEqual([]);
  expect(result.status, result.reason_detail).toBe('COMPLETE');
  const steps = new Map(ledger.steps);
  steps.set('engine: keyword prefilter', scanner.stats.prefilterBytes);
  return steps;
}

describe('the step counter', () => {
  it('sees the quadratic work of an open run that every word boundary restarts', () => {
    const counter = new StepCounter('\\beyJ[A-Za-z0-9_-]{8}[A-Za-z0-9_-]*\\.eyJ');
    const steps = (n: number) => counter.search('eyJaaaaaaaa-'.repeat(n / 12), 0).steps;
    expect(steps(4 * N) / steps(N)).toBeGreaterThan(12);
  });

  it('agrees with V8 on where every detector matches', () => {
    const probe = new StepLedger(BUDGET);
    for (const d of detectors) {
      const re = new (countingRegExpClass(probe, d.id))(d.pattern.source, d.pattern.flags);
      const text = `x ${d.keywords.join(' ')} AKIA${'B'.repeat(16)} eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.${'c'.repeat(20)} 123-45-6789 a@b.io`;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) if (m[0] === '') re.lastIndex++;
    }
    expect(probe.errors).toEqual([]);
    expect(probe.total()).toBeGreaterThan(0);
  });
});

describe('engine work grows linearly with hostile input', () => {
  it.each(hostileFamilies(detectors).map((f) => [f.name, f] as const))('%s', async (_, family) => {
    const file = family.file ?? 'hostile.txt';
    const small = await work(family.make(N), file);
    const large = await work(family.make(4 * N), file);
    const superLinear = [...large]
      .filter(([label, w]) => w > GROWTH * (small.get(label) ?? 0) + SLACK)
      .map(([label, w]) => `${label}: ${small.get(label) ?? 0} steps on ${N} chars, ${w} on ${4 * N}`);
    expect(superLinear).toEqual([]);
    let total = 0;
    for (const w of large.values()) total += w;
    expect(total).toBeGreaterThanOrEqual(4 * N);
    expect(total / (4 * N)).toBeLessThanOrEqual(MAX_STEPS_PER_CHAR);
  });
});
