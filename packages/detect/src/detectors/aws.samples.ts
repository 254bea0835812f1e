import { BASE64, chars, plant, UPPER } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'aws-access-key-id': {
    truePositives: [
      (r) =>
        plant(
          'aws_access_key_id',
          (v) => `aws_access_key_id = ${v}`,
          `AKIA${chars(r, `${UPPER}234567`, 16)}`,
        ),
    ],
    nearMisses: ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
  },
  'aws-secret-access-key': {
    truePositives: [
      (r) => plant('aws_secret_access_key', (v) => `aws_secret_access_key = ${v}`, chars(r, BASE64, 40)),
    ],
    nearMisses: [`aws_secret_access_key = ${'wJalrXUtnFEMI/K7MDENG/bPxRfiCY'}EXAMPLEKEY`],
  },
};
