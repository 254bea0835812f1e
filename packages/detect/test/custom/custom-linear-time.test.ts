import { describe, expect, it } from 'vitest';
import { compileCustomDetector, type Detector, Scanner } from '../../src/index.ts';
import { hostileFamilies } from '../engine/hostile-inputs.ts';
import { countingRegExpClass, StepCounter, StepLedger } from '../engine/regex-steps.ts';

const N = 4096;
const GROWTH = 5;
const SLACK = 1000;

/** A custom catalogue as a user would write it: a prefixed token and a keyword-bound number. */
const custom = [
  compileCustomDetector({
    id: 'custom-acme-key',
    pattern: '\\b(acme_[A-Za-z0-9]{16}[A-Za-z0-9]{0,16})(?:[^A-Za-z0-9]|$)',
    valueGroup: 1,
    keywords: ['acme_'],
    entropy: 3,
  }),
  compileCustomDetector({
    id: 'custom-employee-number',
    category: 'personal',
    pattern: '[Ee][Mm][Pp][-_ ]?[Nn][Oo][:= ]{1,3}([0-9]{6,9})\\b',
    valueGroup: 1,
    keywords: ['emp'],
    validator: 'luhn',
  }),
];

const ledger = new StepLedger(50_000_000);
/** Each pattern as irregexp (the `g` flag alone) would run it, counting its steps: the worst case. */
const counted: Detector[] = custom.map((d) => ({
  ...d,
  pattern: new (countingRegExpClass(ledger, d.id))(d.pattern.source, 'g'),
}));
const scanner = new Scanner({
  fingerprintKey: 'linear-time',
  detectors: counted,
  limits: { aggregateThreshold: 1e9 },
});

const repeat = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const families = [
  ...hostileFamilies([]),
  { name: 'acme prefix storm', make: repeat('acme_') },
  { name: 'acme value starts', make: repeat('acme_Q7fLp2Zk-') },
  { name: 'acme run', make: repeat('acme_Q7fLp2ZkR9sXw4Nb') },
  { name: 'employee number storm', make: repeat('EMP NO: 1234 ') },
  { name: 'employee keyword runs', make: repeat('emp_no:=') },
];

async function work(text: string): Promise<number> {
  ledger.reset();
  const result = await scanner.scanText(text, 'hostile.txt');
  expect(ledger.errors).toEqual([]);
  expect(result.status).toBe('COMPLETE');
  return ledger.total();
}

describe('custom detectors grow linearly with hostile input', () => {
  it.each(families.map((f) => [f.name, f] as const))('%s', async (_, family) => {
    const small = await work(family.make(N));
    const large = await work(family.make(4 * N));
    expect(large).toBeLessThanOrEqual(GROWTH * small + SLACK);
  });

  it('wakes the custom patterns on their own families', async () => {
    expect(await work(repeat('acme_Q7fLp2ZkR9sXw4Nb')(N))).toBeGreaterThan(N);
  });

  it('would see the blow-up of the nested repetition the compiler refuses', () => {
    const counter = new StepCounter('acme_(\\w+\\s?)+$');
    const steps = (n: number) => counter.search(`acme_${'a'.repeat(n)}!`, 0).steps;
    expect(() =>
      compileCustomDetector({ id: 'custom-x', pattern: 'acme_(\\w+\\s?)+$', keywords: ['acme_'] }),
    ).toThrow(/can backtrack catastrophically/);
    expect(steps(16) / steps(8)).toBeGreaterThan(100);
  });
});
