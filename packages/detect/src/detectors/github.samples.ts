import { ALNUM, chars, HEX, pick, plant } from '../../eval/random.ts';
import { tokenChecksum } from '../validators/github-checksum.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'github-token': {
    truePositives: [
      (r) => {
        const random = chars(r, ALNUM, 30);
        return plant(
          'token',
          (v) => `GITHUB_TOKEN=${v}`,
          `${pick(r, ['ghp', 'gho', 'ghu', 'ghs', 'ghr'])}_${random}${tokenChecksum(random)}`,
        );
      },
    ],
    nearMisses: [
      `token: ghp_${'x'.repeat(36)}`,
      (r) => `commit ${chars(r, HEX, 40)} sha256:${chars(r, HEX, 64)}`,
    ],
  },
  'github-fine-grained-pat': {
    truePositives: [
      (r) => plant('token', (v) => `token: ${v}`, `github_pat_${chars(r, ALNUM, 22)}_${chars(r, ALNUM, 59)}`),
    ],
    nearMisses: [
      (r) => `token: github_pat_${chars(r, ALNUM, 22)}_${chars(r, ALNUM, 58)}`,
      (r) => `token: github_pat_${chars(r, ALNUM, 22)}_${chars(r, ALNUM, 60)}`,
      ...['X', 'x', '0'].map((c) => `token: github_pat_${c}${'A'.repeat(21)}_${'x'.repeat(59)}`),
    ],
  },
};
