import { ALNUM, chars, HEX, int } from '../../eval/random.ts';
import { plant, uuid } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'mailchimp-api-key': {
    truePositives: [
      (r) =>
        plant(
          'MAILCHIMP_API_KEY',
          (v) => `MAILCHIMP_API_KEY=${v}`,
          `${chars(r, HEX, 32)}-us${int(r, 1, 21)}`,
        ),
      (r) =>
        plant(
          'apiKey',
          (v) => `mailchimp.setConfig({ apiKey: "${v}", server: "us6" });`,
          `${chars(r, HEX, 32)}-us6`,
        ),
    ],
    nearMisses: ['MAILCHIMP_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us1', 'Content-Language: en-us'],
  },
  'mailgun-api-key': {
    truePositives: [
      (r) => plant('MAILGUN_API_KEY', (v) => `MAILGUN_API_KEY=${v}`, `key-${chars(r, HEX, 32)}`),
      (r) =>
        plant(
          'mailgun_api_key',
          (v) => `mailgun_api_key: "${v}"`,
          `${chars(r, HEX, 32)}-${chars(r, HEX, 8)}-${chars(r, HEX, 8)}`,
        ),
    ],
    nearMisses: [
      (r) => `cache key-${chars(r, HEX, 32)} evicted`,
      (r) => `request-id: ${chars(r, HEX, 32)}-${chars(r, HEX, 8)}-${chars(r, HEX, 8)}`,
    ],
  },
  'postmark-server-token': {
    truePositives: [
      (r) => plant('POSTMARK_SERVER_TOKEN', (v) => `POSTMARK_SERVER_TOKEN=${v}`, uuid(r)),
      (r) => plant('X-Postmark-Server-Token', (v) => `X-Postmark-Server-Token: ${v}`, uuid(r)),
    ],
    nearMisses: [
      'X-Postmark-Server-Token: POSTMARK_API_TEST',
      'POSTMARK_SERVER_TOKEN=00000000-0000-0000-0000-000000000000',
    ],
  },
  'brevo-api-key': {
    truePositives: [
      (r) =>
        plant(
          'BREVO_API_KEY',
          (v) => `BREVO_API_KEY=${v}`,
          `xkeysib-${chars(r, HEX, 64)}-${chars(r, ALNUM, 16)}`,
        ),
      (r) =>
        plant(
          'api-key',
          (v) => `curl -H 'api-key: ${v}' https://api.brevo.com/v3/account`,
          `xkeysib-${chars(r, HEX, 64)}-${chars(r, ALNUM, 16)}`,
        ),
    ],
    nearMisses: ['SENDINBLUE_API_KEY=xkeysib-YOUR_API_KEY', (r) => `xkeysib-${chars(r, HEX, 64)}`],
  },
  'brevo-smtp-key': {
    truePositives: [
      (r) =>
        plant(
          'SMTP_PASSWORD',
          (v) => `SMTP_PASSWORD=${v}`,
          `xsmtpsib-${chars(r, HEX, 64)}-${chars(r, ALNUM, 16)}`,
        ),
      (r) =>
        plant(
          'smtp_key',
          (v) => `  smtp_key: '${v}'`,
          `xsmtpsib-${chars(r, HEX, 64)}-${chars(r, ALNUM, 16)}`,
        ),
    ],
    nearMisses: [
      'SMTP_PASSWORD=xsmtpsib-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxx',
      'xsmtpsib- keys are SMTP passwords',
    ],
  },
  'sparkpost-api-key': {
    truePositives: [
      (r) => plant('SPARKPOST_API_KEY', (v) => `SPARKPOST_API_KEY=${v}`, chars(r, HEX, 40)),
      (r) => plant('sparkpost_key', (v) => `sparkpost_key = '${v}'`, chars(r, HEX, 40)),
      (r) => plant('sparkpost_token', (v) => `sparkpost_token: |\n  ${v}\n`, chars(r, HEX, 40)),
    ],
    nearMisses: ['SPARKPOST_API_KEY=<YOUR_API_KEY>', `SPARKPOST_API_KEY=\${SPARKPOST_API_KEY}`],
  },
  'messagebird-api-key': {
    truePositives: [
      (r) => plant('MESSAGEBIRD_API_KEY', (v) => `MESSAGEBIRD_API_KEY=${v}`, chars(r, ALNUM, 25)),
      (r) => plant('messagebird_access_key', (v) => `messagebird_access_key: "${v}"`, chars(r, ALNUM, 25)),
    ],
    nearMisses: [`MESSAGEBIRD_API_KEY=\${MESSAGEBIRD_API_KEY}`, 'MESSAGEBIRD_ORIGINATOR=AcmeShop'],
  },
  'vonage-api-secret': {
    truePositives: [
      (r) => plant('VONAGE_API_SECRET', (v) => `VONAGE_API_SECRET=${v}`, chars(r, ALNUM, 16)),
      (r) => plant('nexmo_api_secret', (v) => `nexmo_api_secret = "${v}"`, chars(r, ALNUM, 16)),
    ],
    nearMisses: ['VONAGE_API_SECRET=VONAGE_API_SECRET', (r) => `VONAGE_APPLICATION_ID=${uuid(r)}`],
  },
  'resend-api-key': {
    truePositives: [
      (r) =>
        plant(
          'RESEND_API_KEY',
          (v) => `RESEND_API_KEY=${v}`,
          `re_${chars(r, ALNUM, 8)}_${chars(r, ALNUM, 24)}`,
        ),
      (r) =>
        plant(
          'resend',
          (v) => `const resend = new Resend('${v}');`,
          `re_${chars(r, ALNUM, 8)}_${chars(r, ALNUM, 24)}`,
        ),
    ],
    nearMisses: ['RESEND_API_KEY=re_123456789', 'from re_path import re_compile_pattern_matcher_for_urls'],
  },
  'mailjet-api-secret': {
    truePositives: [
      (r) => plant('MJ_APIKEY_PRIVATE', (v) => `MJ_APIKEY_PRIVATE=${v}`, chars(r, HEX, 32)),
      (r) => plant('mailjet_secret_key', (v) => `mailjet_secret_key: ${v}`, chars(r, HEX, 32)),
    ],
    nearMisses: ['MJ_APIKEY_PRIVATE=your_private_key', `MJ_APIKEY_PRIVATE=\${MJ_APIKEY_PRIVATE}`],
  },
};
