import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CustomDetectorError,
  compileCustomDetector,
  detectors,
  loadDetectorConfig,
  readDetectorConfigFile,
  Scanner,
} from '../../src/index.ts';

const ACME = {
  id: 'custom-acme-key',
  name: 'Acme API key',
  severity: 'critical',
  pattern: '\\b(acme_[A-Za-z0-9]{16}[A-Za-z0-9]{8})\\b',
  valueGroup: 1,
  keywords: ['acme_'],
  entropy: 3.5,
  validator: 'not-placeholder',
  contextWords: ['acme'],
  allowlist: ['^acme_Zz9'],
};
const LIVE = 'acme_Q7fLp2ZkR9sXw4NbT1vYh8Jc';

async function scan(catalogue: readonly import('../../src/index.ts').Detector[], text: string) {
  const scanner = new Scanner({ fingerprintKey: 'k', detectors: catalogue });
  return (await scanner.scanText(text, 'config.env')).findings;
}

function problemsOf(spec: unknown): readonly string[] {
  try {
    compileCustomDetector(spec);
  } catch (err) {
    if (err instanceof CustomDetectorError) return err.problems;
    throw err;
  }
  return [];
}

describe('a custom detector', () => {
  const acme = compileCustomDetector(ACME);

  it('finds its value near its keyword, with its severity and without the raw value', async () => {
    const findings = await scan([acme], `ACME_TOKEN=${LIVE}\n`);
    expect(findings.map((f) => [f.detector, f.severity])).toEqual([['custom-acme-key', 'critical']]);
    expect(JSON.stringify(findings)).not.toContain(LIVE);
  });

  it('drops values under its entropy floor, its validator and its allowlist', async () => {
    const low = 'acme_abcdabcdabcdabcdabcdabcd';
    const placeholder = 'acme_XXXXXXXXXXXXXXXXXXXXXXXX';
    const allowed = 'acme_Zz9Q7fLp2ZkR9sXw4NbT1vYk';
    expect(await scan([acme], `a=${low}\nb=${placeholder}\nc=${allowed}\n`)).toEqual([]);
    const noFloor = compileCustomDetector({
      ...ACME,
      entropy: undefined,
      validator: undefined,
      allowlist: [],
    });
    expect(await scan([noFloor], `a=${low}\nc=${allowed}\n`)).toHaveLength(2);
  });

  it('runs on the linear-time engine', () => {
    expect(acme.pattern.flags).toContain('l');
  });

  it.each([
    ['(a+)+$', '(a+)+'],
    ['(\\w+\\s?)+$', '(\\w+\\s?)+'],
    ['x(?:[a-z]{2,9})*y', '(?:[a-z]{2,9})*'],
  ])('rejects the catastrophic pattern %s, naming it and the repeated group', (pattern, group) => {
    const problems = problemsOf({ ...ACME, pattern });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`/${pattern}/ can backtrack catastrophically`);
    expect(problems[0]).toContain(group);
  });

  it('accepts a repeated group whose body repeats nothing', () => {
    expect(problemsOf({ ...ACME, pattern: 'acme_(?:[a-z0-9]-?){0,16}', valueGroup: 0 })).toEqual([]);
  });

  it.each([
    ['(a)x\\1', 'no backreferences'],
    ['acme_(?=x)[a-z]{4}', 'no lookahead'],
    ['acme_[a-z]{32}', 'counted repetition at most 16'],
  ])('rejects %s, which V8 cannot run in linear time', (pattern, reason) => {
    const [problem] = problemsOf({ ...ACME, pattern });
    expect(problem).toContain('cannot run in linear time');
    expect(problem).toContain(reason);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      id: 'aws-access-key-id',
      pattern: '([a-z',
      keywords: [],
      validator: 'md5',
      entropy: 12,
      colour: 'red',
    });
    expect(problems).toEqual([
      'unknown field "colour"',
      `id "aws-access-key-id" is a built-in detector's id`,
      expect.stringMatching(/^pattern \/\(\[a-z\/ does not compile: /),
      expect.stringContaining('keywords are missing'),
      'entropy floor must be a number of bits per character from 0 to 8',
      expect.stringMatching(/^unknown validator "md5": use one of .*luhn/),
    ]);
  });

  it('needs the custom- prefix on its id', () => {
    expect(problemsOf({ ...ACME, id: 'acme-key' })[0]).toContain('start with "custom-"');
  });
});

describe('a detector config', () => {
  it('disables and re-scores built-ins and appends custom detectors', async () => {
    const catalogue = loadDetectorConfig({
      detectors: [ACME],
      disable: ['email'],
      overrides: { 'aws-access-key-id': { severity: 'low', confidence: 0.5 } },
    });
    expect(catalogue).toHaveLength(detectors.length);
    expect(catalogue.some((d) => d.id === 'email')).toBe(false);
    expect(catalogue.at(-1)?.id).toBe('custom-acme-key');
    const text = 'mail jane.roe@northwind-traders.com\naws AKIAQYLPMN5HHHFPZAM2\n';
    const before = await scan(detectors, text);
    const after = await scan(catalogue, text);
    expect(before.map((f) => [f.detector, f.severity])).toEqual([
      ['email', 'low'],
      ['aws-access-key-id', 'high'],
    ]);
    expect(after.map((f) => [f.detector, f.severity])).toEqual([['aws-access-key-id', 'low']]);
    expect(after[0]!.confidence).toBeLessThan(before[0]!.confidence);
  });

  it('names every bad entry', () => {
    expect(() =>
      loadDetectorConfig(
        { detectors: [{ ...ACME, pattern: '(a+)+$' }, ACME, ACME], disable: ['nope'] },
        'x.json',
      ),
    ).toThrow(
      /^x\.json: disable: "nope" is not a built-in detector id; detectors\[0\]: custom detector "custom-acme-key": pattern \/\(a\+\)\+\$\/ can backtrack.*; detectors\[2\]: id "custom-acme-key" is used twice$/,
    );
  });

  it('reads a file and reports bad JSON by position only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'detector-config-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    await writeFile(good, JSON.stringify({ detectors: [ACME] }));
    await writeFile(bad, '{"detectors": [], "hunter2": 1,}');
    expect((await readDetectorConfigFile(good)).at(-1)?.id).toBe('custom-acme-key');
    await expect(readDetectorConfigFile(bad)).rejects.toThrow(
      /bad\.json: not valid JSON \(at position \d+\)$/,
    );
    await expect(readDetectorConfigFile(join(dir, 'missing.json'))).rejects.toThrow(
      /cannot read it \(ENOENT\)/,
    );
  });
});
