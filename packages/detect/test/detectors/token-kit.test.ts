import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createRng, HEX } from '../../eval/random.ts';
import { secretChars } from '../../src/detectors/sample-kit.ts';
import { counted } from '../../src/detectors/token-kit.ts';
import { detectorIds, findingFor, scan } from './helpers.ts';

v8.setFlagsFromString('--enable-experimental-regexp-engine');

describe('counted', () => {
  it('spells counts above 16 with rep, so the pattern compiles under the linear-time engine', () => {
    const source = counted('dop_v1_[a-f0-9]{64}');
    expect(source).not.toMatch(/\{(?:1[7-9]|[2-9][0-9])/);
    const linear = 'l';
    expect(() => new RegExp('[a-f0-9]{64}', linear)).toThrow();
    expect(() => new RegExp(source, linear)).not.toThrow();
    const value = `dop_v1_${'ab12'.repeat(16)}`;
    expect(new RegExp(`^${source}$`).test(value)).toBe(true);
    expect(new RegExp(`^${source}$`).test(value.slice(0, -1))).toBe(false);
  });

  it('keeps classes holding brackets and ranges of lengths', () => {
    const source = counted('[A-Za-z0-9[\\]{}]{20,44}');
    expect(new RegExp(`^${source}$`).test('a'.repeat(44))).toBe(true);
    expect(new RegExp(`^${source}$`).test('a'.repeat(45))).toBe(false);
    expect(new RegExp(`^${source}$`).test('a'.repeat(19))).toBe(false);
  });
});

describe('a secret bound to its name', () => {
  it('is not taken from the next line when the assignment is empty', async () => {
    const token = secretChars(createRng(7), HEX, 64);
    expect(detectorIds(await scan(`LINODE_TOKEN=\n${token}\n`))).toEqual([]);
    expect(findingFor(await scan(`LINODE_TOKEN=${token}\n`), 'linode-api-token', token)).toBeDefined();
  });
});
