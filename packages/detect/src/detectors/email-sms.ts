import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { keyedSecret, prefixedToken } from './keyed-secret.ts';
import { ci, ciAny, contextHas, nearText, re, rep } from './pattern-kit.ts';

const HEX = '[0-9a-f]';
const SEP = '[_.-]?';
const UUID = `${rep(HEX, 8)}-${rep(HEX, 4)}-${rep(HEX, 4)}-${rep(HEX, 4)}-${rep(HEX, 12)}`;

/** Mailchimp API key: 32 hex and the data-centre suffix (`-us21`). */
export const mailchimpApiKey = prefixedToken({
  id: 'mailchimp-api-key',
  name: 'Mailchimp API key',
  severity: 'high',
  keywords: ['-us1', '-us2', '-us3', '-us4', '-us5', '-us6', '-us7', '-us8', '-us9'],
  pattern: `\\b${rep(HEX, 32)}-us[0-9]{1,2}\\b`,
  prefixLength: 0,
  contextWords: ['mailchimp', 'mc_api', 'api_key'],
  description: '32 hex, -us and the data-centre number.',
});

/** Mailgun private API key (`key-` and 32 hex) or newer key (`32-8-8` hex), named near it. */
export const mailgunApiKey: Detector = {
  id: 'mailgun-api-key',
  validator: 'entropy, assignment or quote before it',
  example: 'key- then 32 hex digits',
  name: 'Mailgun API key',
  category: 'credentials',
  severity: 'high',
  // The value `key-...` always follows an assignment or a quote; bare `key-` is common in prose.
  keywords: ['mailgun', '=key-', '"key-', "'key-", ' key-', ':key-'],
  pattern: re(`\\b(?:key-${rep(HEX, 32)}|${rep(HEX, 32)}-${rep(HEX, 8)}-${rep(HEX, 8)})\\b`),
  validate: (value, ctx) =>
    looksRandom(value.startsWith('key-') ? value.slice(4) : value, { minEntropy: 3, minClasses: 1 }) &&
    (nearText(ctx).includes('mailgun') ||
      contextHas(ctx, ['mg', 'api_key', 'apikey', 'api-key', 'private_key', 'signing_key'])),
  contextWords: ['mailgun'],
  baseConfidence: 0.85,
  mask: { keepStart: 6, keepEnd: 4 },
  description: 'key- and 32 hex, or 32-8-8 hex, on a line that names Mailgun or an API key.',
};

export const postmarkServerToken = keyedSecret({
  id: 'postmark-server-token',
  name: 'Postmark server or account token',
  severity: 'high',
  keywords: ['postmark'],
  key: ci('postmark'),
  value: UUID,
  description: 'POSTMARK_SERVER_TOKEN or the X-Postmark-Server-Token header and a UUID.',
});

export const brevoApiKey = prefixedToken({
  id: 'brevo-api-key',
  name: 'Brevo (Sendinblue) API key',
  severity: 'high',
  keywords: ['xkeysib-'],
  pattern: `\\bxkeysib-${rep(HEX, 64)}-${rep('[A-Za-z0-9]', 16)}\\b`,
  prefixLength: 8,
  contextWords: ['brevo', 'sendinblue', 'api-key'],
  description: 'xkeysib-, 64 hex, - and 16 alphanumerics.',
});

export const brevoSmtpKey = prefixedToken({
  id: 'brevo-smtp-key',
  name: 'Brevo (Sendinblue) SMTP key',
  severity: 'high',
  keywords: ['xsmtpsib-'],
  pattern: `\\bxsmtpsib-${rep(HEX, 64)}-${rep('[A-Za-z0-9]', 16)}\\b`,
  prefixLength: 9,
  contextWords: ['brevo', 'sendinblue', 'smtp'],
  description: 'xsmtpsib-, 64 hex, - and 16 alphanumerics.',
});

export const sparkpostApiKey = keyedSecret({
  id: 'sparkpost-api-key',
  name: 'SparkPost API key',
  severity: 'high',
  keywords: ['sparkpost'],
  key: ci('sparkpost'),
  value: rep(HEX, 40),
  description: 'SPARKPOST_API_KEY and 40 hex.',
});

export const messagebirdApiKey = keyedSecret({
  id: 'messagebird-api-key',
  name: 'MessageBird (Bird) API key',
  severity: 'high',
  keywords: ['messagebird', 'message_bird', 'message-bird'],
  key: `${ci('message')}${SEP}${ci('bird')}`,
  value: rep('[A-Za-z0-9]', 25),
  description: 'MESSAGEBIRD_API_KEY and 25 alphanumerics.',
});

export const vonageApiSecret = keyedSecret({
  id: 'vonage-api-secret',
  name: 'Vonage (Nexmo) API secret',
  severity: 'high',
  keywords: ['vonage', 'nexmo'],
  key: ciAny(['vonage', 'nexmo']),
  value: rep('[A-Za-z0-9]', 16),
  description: 'VONAGE_API_SECRET (or NEXMO_API_SECRET) and 16 alphanumerics.',
});

export const resendApiKey = prefixedToken({
  id: 'resend-api-key',
  name: 'Resend API key',
  severity: 'high',
  // `re_` alone is frequent in code (`re_path`, `compare_`); the key follows an assignment or a quote.
  keywords: ['=re_', '"re_', "'re_", ' re_', ':re_', '`re_'],
  pattern: `\\bre_${rep('[A-Za-z0-9]', 8)}_${rep('[A-Za-z0-9]', 24)}\\b`,
  prefixLength: 3,
  minEntropy: 3.5,
  contextWords: ['resend', 'api_key'],
  description: 're_, 8 alphanumerics, _ and 24 alphanumerics.',
});

export const mailjetApiSecret = keyedSecret({
  id: 'mailjet-api-secret',
  name: 'Mailjet API secret key',
  severity: 'high',
  keywords: ['mailjet', 'mj_apikey', 'mj_api', 'mj_secret'],
  key: `${ciAny(['mailjet', 'mj'])}${SEP}(?:${ci('api')}${SEP})?(?:${ci('key')}${SEP})?${ciAny(['private', 'secret'])}`,
  value: rep(HEX, 32),
  description: 'MJ_APIKEY_PRIVATE (or MAILJET_API_SECRET) and 32 hex.',
});

export const emailSmsDetectors: readonly Detector[] = [
  mailchimpApiKey,
  mailgunApiKey,
  postmarkServerToken,
  brevoApiKey,
  brevoSmtpKey,
  sparkpostApiKey,
  messagebirdApiKey,
  vonageApiSecret,
  resendApiKey,
  mailjetApiSecret,
];
