import type { AdapterAwsCalls } from '../aws-call.ts';

/** Email through Amazon SES (`email-channel.ts`, SES API v2). */
export const SES_EMAIL_CALLS = {
  file: 'notify/channels/email-channel.ts',
  operations: {
    send: [{ command: 'SendEmailCommand', action: 'ses:SendEmail', resource: 'ses-identity' }],
  },
} as const satisfies AdapterAwsCalls;

/** SMS through Amazon SNS (`sms-channel.ts`); a phone number has no resource ARN. */
export const SNS_SMS_CALLS = {
  file: 'notify/channels/sms-channel.ts',
  operations: {
    send: [{ command: 'PublishCommand', action: 'sns:Publish', resource: '*' }],
  },
} as const satisfies AdapterAwsCalls;
