import { describe, expect, it } from 'vitest';
import { genericSecret } from '../../src/detectors/generic-secrets.ts';
import { githubToken } from '../../src/detectors/github.ts';
import { CARRY_CHARS, CHUNK_BYTES, CONTEXT_CHARS } from '../../src/engine/text-scanner.ts';
import type { Detector, Finding } from '../../src/types.ts';
import { tokenChecksum } from '../../src/validators/github-checksum.ts';
import { pieces, scanner } from '../support.ts';

/** A GitHub token with a valid checksum (`bad`: with its last character changed). */
function ghToken(bad = false): string {
  const random = 'Q7vL2pX9kM4nR8tW1yZ3bC6dF0gH5j';
  const token = `ghp_${random}${tokenChecksum(random)}`;
  return bad ? token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A') : token;
}

const LEAD = 'Zk3Vq8Wm2Xp7Rt4Ys9Ua6Nb1Hc5Jd0Lf3Gh8Kj2Pq';

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const JWT = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"u81Tq2","iat":1712345678}')}.${'Xy9Kp2Lm4Nq7Rs1Tv3Wx5Yz8Ab0Cd6Ef2Gh4Ij7Kl9'}`;

const ids = (findings: readonly Finding[]) => findings.map((f) => f.detector);

describe('a generic detector gives way to a specific one at an overlapping span', () => {
  const s = scanner();

  it('reports a token inside a generic assignment once, as the token', async () => {
    const r = await s.scanText(`password = "${LEAD}-${ghToken()}"\n`);
    expect(ids(r.findings)).toEqual(['github-token']);
  });

  it('reports Basic credentials that are a JWT as a JWT only', async () => {
    const r = await s.scanText(`Authorization: Basic ${JWT}\n`);
    expect(ids(r.findings)).toEqual(['jwt']);
  });

  it('reports a token used as a URL password as the token only', async () => {
    const r = await s.scanText(`DATABASE_URL=postgres://app:${ghToken()}@db.internal.corp/app\n`);
    expect(ids(r.findings)).toEqual(['github-token']);
  });

  it('keeps the generic finding when the specific detector rejects the value', async () => {
    const r = await s.scanText(`password = "${LEAD}-ghp_${'ab'.repeat(18)}"\n`);
    expect(ids(r.findings)).toEqual(['generic-secret']);
  });

  it('keeps generic findings that overlap nothing, in order of their start', async () => {
    const text = `secret = "${LEAD}"\ntoken ${ghToken()}\npassword: ${LEAD.slice(3)}x9\n`;
    const r = await s.scanText(text);
    expect(ids(r.findings)).toEqual(['generic-secret', 'github-token', 'generic-secret']);
  });

  it('drops the generic finding when the specific one is hidden by the ignore marker', async () => {
    const r = await s.scanText(`password = "${LEAD}-${ghToken()}" # data-scanner:ignore\n`);
    expect(r.findings).toEqual([]);
  });
});

describe('across the chunk boundary', () => {
  it('reports the token once and no generic finding wherever the chunk is cut', async () => {
    const s = scanner();
    // The first chunk is CHUNK_BYTES long when written in pieces of that size; matches starting
    // before `cut` are its own, later ones the next chunk's.
    const cut = CHUNK_BYTES - CARRY_CHARS + CONTEXT_CHARS;
    const line = `password = "${LEAD}-${ghToken()}"`;
    const valueAt = line.indexOf(LEAD);
    for (let start = cut - LEAD.length - 8; start <= cut + 4; start++) {
      const lead = 'lorem ipsum dolor sit amet\n'
        .repeat(Math.ceil(start / 27) + 1)
        .slice(0, start - valueAt - 1);
      const bytes = Buffer.from(`${lead}\n${line}\n${'more text here\n'.repeat(10_000)}`);
      for (const size of [CHUNK_BYTES, 7777]) {
        const r = await s.scanObject(pieces(bytes, size), { name: 'a.txt' });
        expect(ids(r.findings), `value at ${start}, pieces of ${size}`).toEqual(['github-token']);
      }
    }
  });

  it('drops a generic match in the next chunk that overlaps a specific one reported before the cut', async () => {
    const blob: Detector = {
      id: 'test-blob',
      name: 'Test blob',
      category: 'credentials',
      severity: 'high',
      keywords: ['blob:'],
      pattern: /blob:[^\n]{20,300}/g,
      baseConfidence: 0.9,
    };
    const s = scanner({ detectors: [blob, genericSecret, githubToken] });
    const cut = CHUNK_BYTES - CARRY_CHARS + CONTEXT_CHARS;
    const line = `blob: ${'n'.repeat(60)} password = "${LEAD}"`;
    const valueAt = line.indexOf(LEAD);
    for (const start of [cut - 30, cut - 1, cut, cut + 1, cut + 30]) {
      const lead = 'lorem ipsum dolor sit amet\n'
        .repeat(Math.ceil(start / 27) + 1)
        .slice(0, start - valueAt - 1);
      const bytes = Buffer.from(`${lead}\n${line}\n${'more text here\n'.repeat(10_000)}`);
      const r = await s.scanObject(pieces(bytes, CHUNK_BYTES), { name: 'a.txt' });
      expect(ids(r.findings), `value at ${start}`).toEqual(['test-blob']);
    }
  });
});
