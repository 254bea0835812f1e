import { BASE64, UPPER } from '../../eval/random.ts';
import { carried, ref, secretChars } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'aws-access-key-id': {
    truePositives: carried((r) => `AKIA${secretChars(r, `${UPPER}234567`, 16)}`, 'aws_access_key_id', [
      (v) => `[default]\naws_access_key_id = ${v}`,
      (v) => `export AWS_ACCESS_KEY_ID=${v}`,
    ]),
    nearMisses: ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AKIAXXXXXXXXXXXXXXXX'],
  },
  'aws-secret-access-key': {
    truePositives: carried((r) => secretChars(r, BASE64, 40), 'aws_secret_access_key', [
      (v) => `aws_secret_access_key = ${v}`,
      (v) => `{"SecretAccessKey": "${v}"}`,
    ]),
    nearMisses: [
      `aws_secret_access_key = ${'wJalrXUtnFEMI/K7MDENG/bPxRfiCY'}EXAMPLEKEY`,
      `aws_secret_access_key = ${ref('AWS_SECRET')}`,
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
      (r) => `AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS${secretChars(r, BASE64, 20)}`,
      `AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS${'x'.repeat(80)}`,
    ],
  },
};
