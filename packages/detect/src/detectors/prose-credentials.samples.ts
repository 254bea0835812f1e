import { ALNUM, chars, LOWER } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

const password = (r: Rng) =>
  `${secretChars(r, ALNUM, 6)}${chars(r, '0123456789', 2)}${secretChars(r, ALNUM, 8)}`;

export const samples: FamilySamples = {
  'password-in-prose': {
    truePositives: carried(password, 'text', [
      (v) => `Reset done. Temporary password for the customer portal: ${v} (customer must change it)`,
      (v, r) => `migration user is \`${chars(r, LOWER, 8)}\` / \`${v}\` on orders-db, only until Friday`,
      (v) => `the wifi password is ${v}.`,
    ]),
    nearMisses: [
      'Password for the admin account: see the vault entry "orders-db".',
      'The password is stored in 1Password under "Orders DB".',
      'user is alice / please reset her password',
      'Password policy for all accounts: 12 characters minimum',
    ],
  },
};
