import { describe, expect, it } from 'vitest';
import { charClassCount, shannonEntropy } from '../../src/validators/entropy.ts';
import { base62, tokenChecksum, tokenChecksumValid } from '../../src/validators/github-checksum.ts';
import { decodeBase64Url, jwtValid } from '../../src/validators/jwt.ts';
import { isPlaceholder } from '../../src/validators/placeholder.ts';
import { looksRandom } from '../../src/validators/secret-quality.ts';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('GitHub/npm token checksum', () => {
  it('is base62 CRC32 of the random part in the last 6 characters', () => {
    expect(base62(0, 6)).toBe('000000');
    expect(base62(61, 2)).toBe('0z');
    expect(base62(62, 2)).toBe('10');
    const random = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1';
    const token = `ghp_${random}${tokenChecksum(random)}`;
    expect(token).toHaveLength(40);
    expect(tokenChecksumValid(token)).toBe(true);
    expect(tokenChecksumValid(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(tokenChecksumValid(`npm_${random}${tokenChecksum(random)}`)).toBe(true);
  });
});

describe('JWT', () => {
  it('needs a header that decodes to JSON with alg, and a JSON payload', () => {
    const sig = 'c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
    expect(jwtValid(`${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: '1' })}.${sig}`)).toBe(true);
    expect(jwtValid(`${b64({ typ: 'JWT' })}.${b64({ sub: '1' })}.${sig}`)).toBe(false);
    expect(jwtValid(`${b64({ alg: 'HS256' })}.bm90IGpzb24.${sig}`)).toBe(false);
    expect(jwtValid(`${b64([1, 2])}.${b64({ sub: '1' })}.${sig}`)).toBe(false);
    expect(decodeBase64Url('a')).toBeUndefined();
  });

  it('takes a token whose header was damaged in copying when it still opens a JSON object naming typ or alg', () => {
    const sig = 'c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
    const damaged = Buffer.from('{"alg":\'z","typ":"JWT"}', 'latin1').toString('base64url');
    expect(jwtValid(`${damaged}.${b64({ sub: '1' })}.${sig}`)).toBe(true);
    const noName = Buffer.from('{"xyz":\'z","abc":"JWT"}', 'latin1').toString('base64url');
    expect(jwtValid(`${noName}.${b64({ sub: '1' })}.${sig}`)).toBe(false);
    expect(jwtValid(`${damaged}.bm90IGpzb24.${sig}`)).toBe(false);
  });
});

describe('entropy', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(charClassCount('aB3-')).toBe(4);
    expect(charClassCount('abc')).toBe(1);
  });
});

describe('placeholder filter', () => {
  it.each([
    'AKIAIOSFODNN7EXAMPLE',
    'xxxxxxxxxxxx',
    'changeme',
    '<your-key>',
    ['$', '{API_KEY}'].join(''),
    '{{ token }}',
    '$SECRET',
    '%(password)s',
    'aaaaaaaa1',
    'abcdefgh',
    '12345678',
    'your_api_key_here',
    'REDACTED',
    'ababababababab',
  ])('flags %s', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each(['Zr8yOBHtbcVgNwfGgh', 'kJ2#mQ9!xP4v', 'wJ9fT2kQ7LmZ'])('keeps %s', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });

  it('looksRandom combines placeholder, class and entropy checks', () => {
    expect(looksRandom('Zr8yOBHtbcVgNwfGgh', { minEntropy: 3.5 })).toBe(true);
    expect(looksRandom('passwordpassword')).toBe(false);
    expect(looksRandom('EXAMPLEKEY123')).toBe(false);
  });
});
