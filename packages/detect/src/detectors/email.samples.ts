import { chars, LOWER, pick, plant } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  email: {
    truePositives: [
      (r) =>
        plant(
          'email',
          (v) => `contact: ${v}`,
          `${chars(r, LOWER, 6)}.${chars(r, LOWER, 7)}@${pick(r, ['gmail.com', 'acme-corp.io', 'mail.example-shop.de', 'outlook.com'])}`,
        ),
    ],
    nearMisses: [
      (r) => `contact: ${chars(r, LOWER, 6)}@example.com`,
      (r) => `Message-ID: <CAKh39Jb0yD${chars(r, LOWER, 12)}@mail.gmail.com>`,
      (r) => `In-Reply-To: <${chars(r, LOWER, 16)}.6043396484@outlook.com>`,
      (r) => `UID:${chars(r, LOWER, 26)}@google.com`,
    ],
  },
};
