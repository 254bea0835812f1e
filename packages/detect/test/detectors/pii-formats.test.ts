import { describe, expect, it } from 'vitest';
import { createRng, digits, int, pick } from '../../eval/random.ts';
import { luhnCheckDigit } from '../../src/validators/luhn.ts';
import { findingFor, scan } from './helpers.ts';

/** Phone numbers as synthetic PII sets write them (Faker-style formats, several regions). */
const PHONES = [
  '(555)381-4972',
  '555-381-4972',
  '555.381.4972',
  '+1-555-381-4972',
  '001-212-555-0173',
  '+44 20 7946 0958',
  '020 7946 0958',
  '+33 1 42 68 53 00',
  '06 72 48 19 35',
  '+49 30 9026 4417',
  '+91 98461 37205',
  '(02) 9374 6518',
  '0412 739 406',
  '+61 412 739 406',
];

describe('phone numbers in every region', () => {
  it.each(PHONES)('finds %s in a sentence', async (phone) => {
    const findings = await scan(`You can reach Maria at ${phone} after five.\n`);
    expect(findingFor(findings, 'phone-number', phone), phone).toBeDefined();
  });

  it('finds a bare ten-digit number only next to a phone word', async () => {
    expect(findingFor(await scan('mobile: 4155550132\n'), 'phone-number', '4155550132')).toBeDefined();
    expect(findingFor(await scan('ref 4155550132\n'), 'phone-number', '4155550132')).toBeUndefined();
  });

  it.each([
    'ticket 011-295-6224',
    'NHS number: 508 997 8735',
    'order 0123456789',
    'version 1.2.3.4',
    'on 2024-03-15 at 10:30',
    'id 060744-7470',
  ])('does not take %s for a phone number', async (text) => {
    const findings = await scan(`${text}\n`);
    expect(findings.filter((f) => f.detector === 'phone-number')).toEqual([]);
  });
});

function card(prefix: string, length: number, seed: number): string {
  const rng = createRng(seed);
  const body = prefix + digits(rng, length - prefix.length - 1);
  return body + luhnCheckDigit(body);
}

describe('payment cards of every issuer and length', () => {
  it.each([
    ['maestro 12', '6759', 12],
    ['maestro 19', '5018', 19],
    ['legacy jcb 15', '2131', 15],
    ['legacy jcb 15 (1800)', '1800', 15],
    ['diners 14', '3056', 14],
    ['mir', '2201', 16],
    ['visa 13', '4', 13],
  ] as const)('%s', async (_, prefix, length) => {
    const n = card(prefix, length, length * 31 + prefix.length);
    const findings = await scan(`credit card number: ${n}\n`);
    expect(findingFor(findings, 'payment-card', n), n).toBeDefined();
  });

  it('does not report a UUID whose digit groups pass Luhn', async () => {
    const rng = createRng(5);
    let tested = 0;
    for (let i = 0; i < 2000 && tested < 5; i++) {
      const groups = `${pick(rng, ['4', '5'])}${digits(rng, 3)}-${digits(rng, 4)}-${digits(rng, 4)}-${digits(rng, 4)}`;
      if (!/^[0-9-]+$/.test(groups)) continue;
      const n = groups.replaceAll('-', '');
      if (luhnCheckDigit(n.slice(0, -1)) !== Number(n.at(-1))) continue;
      const uuid = `${digits(rng, 8)}-${groups}${digits(rng, 8)}`;
      expect(await scan(`request ${uuid} done\n`)).toEqual([]);
      tested++;
    }
    expect(tested).toBe(5);
  });

  it('needs a card word for 12-15 digit Maestro numbers', async () => {
    const n = card('6759', 12, int(createRng(9), 1, 99));
    expect(findingFor(await scan(`ref ${n}\n`), 'payment-card', n)).toBeUndefined();
    expect(findingFor(await scan(`maestro card ${n}\n`), 'payment-card', n)).toBeDefined();
  });
});
