import { BASE64, chars, plant, UPPER } from '../../eval/random.ts';
import { carried, ref, secretChars } from './sample-kit.ts';
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
    nearMisses: [
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      // CloudTrail's `userIdentity` of every event: a temporary key id with no secret beside it.
      (r) =>
        `"userIdentity":{"type":"AssumedRole","accountId":"123456789012","accessKeyId":"ASIA${chars(r, `${UPPER}234567`, 16)}","sessionContext":{}}`,
    ],
  },
  'aws-secret-access-key': {
    truePositives: [
      (r) => plant('aws_secret_access_key', (v) => `aws_secret_access_key = ${v}`, chars(r, BASE64, 40)),
    ],
    nearMisses: [
      `aws_secret_access_key = ${'wJalrXUtnFEMI/K7MDENG/bPxRfiCY'}EXAMPLEKEY`,
      // A plain `secret` with no key id beside it is not taken for AWS's (generic-secret may report it).
      (r) => `the secret is in the vault, rotate it: see ticket ${chars(r, BASE64, 40)}`,
    ],
  },
  'aws-session-token': {
    truePositives: carried((r) => `IQoJb3JpZ2luX2Vj${secretChars(r, BASE64, 600)}`, 'aws_session_token', [
      (v) => `[default]\naws_session_token = ${v}`,
      (v) => `{"Credentials": {"SessionToken": "${v}", "Expiration": "2024-05-01T12:00:00Z"}}`,
    ]).concat(
      carried((r) => `FwoGZXIvYXdzE${secretChars(r, BASE64, 300)}==`, 'aws_session_token', [
        (v) => `export AWS_SESSION_TOKEN="${v}"`,
      ]),
    ),
    nearMisses: ['aws_session_token = IQoJb3JpZ2luX2Vj...', `AWS_SESSION_TOKEN=${ref('AWS_SESSION_TOKEN')}`],
  },
  'aws-bedrock-api-key': {
    truePositives: carried(
      (r) => `ABSKQmVkcm9ja0FQSUtleS${secretChars(r, BASE64, 110)}=`,
      'aws_bearer_token_bedrock',
      [(v) => `export AWS_BEARER_TOKEN_BEDROCK=${v}`, (v) => `bedrock:\n  api_key: "${v}"`],
    ).concat(
      carried(
        (r) => `bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t${secretChars(r, BASE64, 900)}==`,
        'aws_bearer_token_bedrock',
        [(v) => `AWS_BEARER_TOKEN_BEDROCK="${v}"`],
      ),
    ),
    nearMisses: [
      'let bedrockKey = "bedrock-api-key-YmVkcm9jay ... (redacted for brevity) .... b249MQ=="',
      'AWS_BEARER_TOKEN_BEDROCK=ABSK...',
      (r) => `ABSKQmVkcm9ja0FQSUtleS${secretChars(r, BASE64, 20)} is too short`,
      `AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS${'x'.repeat(80)}`,
    ],
  },
};
