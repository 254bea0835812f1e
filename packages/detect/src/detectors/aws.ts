import type { Detector, MatchContext } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { ci, ciAny, QUOTES, re, rep } from './pattern-kit.ts';

const SECRET_WORDS = [
  'aws_secret_access_key',
  'secret_access_key',
  'secretaccesskey',
  'aws_secret_key',
  'aws_secret',
  'aws secret',
  'secret access key',
] as const;

/** Pairing: an access key id (or its variable name) within the context window. */
/** One of `SECRET_WORDS` right before the value (with its quotes and separator). */
const AWS_SECRET_NAME = new RegExp(
  `(?:${SECRET_WORDS.map((w) => w.replaceAll(' ', '[ _]')).join('|')})[\\\\"'\`]{0,3}[ \t]*(?:[:=]|=>|:=)?[ \t]*[\\\\"'\`]{0,3}$`,
);

function accessKeyIdNear(ctx: MatchContext): boolean {
  const text = `${ctx.before} ${ctx.after}`;
  return /(?:akia|asia)[a-z2-7]{8}|[a-z2-7]{12}\s|access_key_id|accesskeyid/.test(text);
}

/** AWS access key id (long-term `AKIA`, temporary `ASIA`, and other IAM unique-id prefixes). */
/**
 * A temporary (`ASIA`) key id is worth nothing without its secret and session token, and
 * CloudTrail writes one into nearly every event's `userIdentity`: it is reported only beside them.
 */
function secretNear(ctx: MatchContext): boolean {
  return /secret_?access_?key|secret_?key|session_?token|security_?token/.test(`${ctx.before} ${ctx.after}`);
}

export const awsAccessKeyId: Detector = {
  id: 'aws-access-key-id',
  name: 'AWS access key ID',
  category: 'credentials',
  severity: 'high',
  keywords: ['akia', 'asia', 'abia', 'acca'],
  pattern: re(`\\b(?:AKIA|ASIA|ABIA|ACCA)${rep('[A-Z2-7]', 16)}\\b`),
  validate: (value, ctx) =>
    looksRandom(value.slice(4), { minEntropy: 2.5, minClasses: 1 }) &&
    (!value.startsWith('ASIA') || secretNear(ctx)),
  contextWords: ['aws', 'access_key', 'access key', 'accesskeyid', 'key_id', 'iam'],
  baseConfidence: 0.85,
  validator: 'entropy of the body',
  example: '`AKIA` (or `ASIA`, `ABIA`, `ACCA`) + 16 of A-Z2-7',
  mask: { keepStart: 4, keepEnd: 4 },
  description: 'An IAM access key id; dangerous together with its secret access key.',
};

/**
 * AWS secret access key: 40 base64 characters after a secret-key name. Confidence rises to
 * 0.95 when an access key id (or `aws_access_key_id`) sits in the same context window.
 */
export const awsSecretAccessKey: Detector = {
  id: 'aws-secret-access-key',
  name: 'AWS secret access key',
  category: 'credentials',
  severity: 'critical',
  keywords: [
    'secret_access_key',
    'secretaccesskey',
    'aws_secret',
    'aws secret',
    'secret access key',
    'secret',
  ],
  pattern: re(
    `(?:${ciAny(SECRET_WORDS)}|(?:^|[^A-Za-z])${ci('secret')}(?:[_ ]?${ci('key')})?)${QUOTES}(?:[ \\t]{0,4}(?:[:=]|=>|:=)[ \\t]{0,4}|[ \\t]{1,4})${QUOTES}(${rep('[A-Za-z0-9/+]', 40)})(?:[^A-Za-z0-9/+=]|$)`,
  ),
  valueGroup: 1,
  validate: (value, ctx) => {
    if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/[0-9]/.test(value)) return false;
    if (!looksRandom(value, { minEntropy: 4, minClasses: 3 })) return false;
    // A plain `secret` or `secret_key` (Grafana's `[external_image_storage.s3]`, a chat message
    // "use AKIA... with secret ...") counts only beside a key id.
    if (!AWS_SECRET_NAME.test(ctx.before) && !/(?:akia|asia)[a-z2-7]{16}/.test(`${ctx.before} ${ctx.after}`))
      return false;
    return { valid: true, confidence: accessKeyIdNear(ctx) ? 0.95 : 0.8 };
  },
  contextWords: ['aws', 'akia', 'asia', 'access_key_id'],
  baseConfidence: 0.8,
  validator: 'mixed case and digits, entropy; higher confidence beside a key id',
  example:
    '40 base64 characters assigned to `aws_secret_access_key` (or after it, as `aws configure set` takes it)',
  mask: { keepStart: 2, keepEnd: 2 },
  description: 'An IAM secret access key; reported with higher confidence when paired with a key id.',
};

const B64 = '[A-Za-z0-9+/]';

/** Long tokens that open with their keyword: the pattern runs on the whole base64 run after it. */
const LONG_BASE64 = { before: 'A-Za-z0-9', maxBefore: 0, after: 'A-Za-z0-9+/=', maxAfter: 4096 };

/**
 * AWS session token (STS): base64 that opens with the token's fixed header (`IQoJb3JpZ2lu...`
 * today, `FwoGZXIvYXdz`/`FQoGZXIvYXdz`/`AQoDYXdz` in older ones). It grants the session's role
 * until it expires, together with its ASIA key id and secret.
 */
export const awsSessionToken: Detector = {
  id: 'aws-session-token',
  name: 'AWS session token',
  category: 'credentials',
  severity: 'high',
  keywords: ['iqojb3jpz2lu', 'fwogzxivyxdz', 'fqogzxivyxdz', 'aqodyxdz'],
  pattern: re(
    `\\b(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz|AQoDYXdz)${rep(B64, 100, Number.POSITIVE_INFINITY)}={0,2}`,
  ),
  validate: (value) => looksRandom(value.slice(12), { minEntropy: 4.5, minClasses: 3 }),
  span: LONG_BASE64,
  contextWords: ['aws_session_token', 'sessiontoken', 'aws_security_token', 'sts'],
  baseConfidence: 0.9,
  mask: { keepStart: 4, keepEnd: 4 },
  validator: 'entropy of the body',
  example: '`IQoJb3JpZ2lu` (or `FwoGZXIvYXdz`, `FQoGZXIvYXdz`, `AQoDYXdz`) + 100 or more base64',
  description: 'A temporary AWS session token (STS); valid with its key pair until it expires.',
};

/**
 * Amazon Bedrock API key: long-term (`ABSK` + base64 of `BedrockAPIKey-...`) or short-term
 * (`bedrock-api-key-` + base64 of a presigned `bedrock.amazonaws.com` request).
 */
export const awsBedrockApiKey: Detector = {
  id: 'aws-bedrock-api-key',
  name: 'Amazon Bedrock API key',
  category: 'credentials',
  severity: 'high',
  keywords: ['abskqmvkcm9ja0fqsutles', 'bedrock-api-key-ymvkcm9jay5hbwf6b25hd3muy29t'],
  pattern: re(
    `\\b(?:ABSKQmVkcm9ja0FQSUtleS${rep(B64, 40, Number.POSITIVE_INFINITY)}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t${rep(B64, 80, Number.POSITIVE_INFINITY)})={0,2}`,
  ),
  validate: (value) =>
    looksRandom(value.slice(value.startsWith('ABSK') ? 22 : 44), { minEntropy: 4, minClasses: 3 }),
  span: LONG_BASE64,
  contextWords: ['bedrock', 'aws_bearer_token_bedrock', 'api_key'],
  baseConfidence: 0.95,
  mask: { keepStart: 4, keepEnd: 4 },
  validator: 'entropy of the body',
  example:
    '`ABSKQmVkcm9ja0FQSUtleS` + 40 or more base64, or `bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t` + 80 or more',
  description: 'An Amazon Bedrock API key: model invocations billed to its AWS account.',
};

export const awsDetectors: readonly Detector[] = [
  awsAccessKeyId,
  awsSecretAccessKey,
  awsSessionToken,
  awsBedrockApiKey,
];
