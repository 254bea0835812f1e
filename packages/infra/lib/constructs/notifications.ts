import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { ProfileContext } from '../profiles/profile.ts';
import { acknowledge } from './nag.ts';

/**
 * Sender address used when the deployer gives none. It is not a verified SES identity: a deployment
 * that sends email must override it with `-c sesFromAddress=<address on a verified identity>`.
 */
export const PLACEHOLDER_FROM_ADDRESS = 'no-reply@example.com';

/** What the notifier role may send through: SES email from one address, SNS SMS. */
export interface NotificationChannels {
  /** `NOTIFY_EMAIL_FROM`; without it the notifier sends no email. */
  readonly emailFrom?: string;
  /** SES identities (domains or addresses) the sender may use; `ses:SendEmail` is scoped to these. */
  readonly sesIdentities: readonly string[];
  /** SNS SMS to phone numbers (`NOTIFY_SMS_ENABLED=true`). */
  readonly sms: boolean;
}

/**
 * The email channel from `-c sesFromAddress=` and `-c sesIdentity=`. `required`: the profile's seed
 * sends email, so without an address the placeholder is used; otherwise email stays off until an
 * address is given. The identity defaults to the address and its domain.
 */
export function notificationChannels(
  options: ProfileContext['options'],
  settings: { readonly emailRequired: boolean; readonly sms: boolean },
): NotificationChannels {
  const given = options?.sesFromAddress;
  const from = given || (settings.emailRequired ? PLACEHOLDER_FROM_ADDRESS : undefined);
  if (from === undefined) return { sesIdentities: [], sms: settings.sms };
  const at = from.lastIndexOf('@');
  if (at < 1 || at === from.length - 1)
    throw new Error(`option sesFromAddress="${from}" must be an email address, e.g. no-reply@example.org`);
  const identity = options?.sesIdentity;
  return {
    emailFrom: from,
    sesIdentities: identity ? [identity] : [from, from.slice(at + 1)],
    sms: settings.sms,
  };
}

/**
 * The address links in messages point to (`PUBLIC_URL`): `-c publicUrl=` when given (a name on your
 * certificate), else what the profile serves at (its CloudFront or load balancer name).
 */
export function publicUrlOf(options: ProfileContext['options'], served: string): string {
  const given = options?.publicUrl;
  if (!given) return served;
  if (!/^https?:\/\/[^\s/]+/.test(given))
    throw new Error(`option publicUrl="${given}" must be an http(s) URL, e.g. https://scanner.example.org`);
  return given.replace(/\/+$/, '');
}

/** The notifier's environment: sender, SMS switch and the public URL that links in messages use. */
export function notifierEnvironment(
  channels: NotificationChannels,
  publicUrl: string,
): Record<string, string> {
  return {
    ...(channels.emailFrom ? { NOTIFY_EMAIL_FROM: channels.emailFrom } : {}),
    ...(channels.sms ? { NOTIFY_SMS_ENABLED: 'true' } : {}),
    PUBLIC_URL: publicUrl,
  };
}

/**
 * Lets a role send what the channels allow: `ses:SendEmail` (SES API v2) on the SES identity ARNs
 * only, and `sns:Publish` for SMS, which has no resource ARN (a phone number is not a resource), with
 * publishing to any SNS topic denied.
 */
export function grantNotifications(role: iam.Role, channels: NotificationChannels): void {
  const stack = Stack.of(role);
  if (channels.sesIdentities.length > 0) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendEmail',
        actions: ['ses:SendEmail'],
        resources: channels.sesIdentities.map((identity) =>
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
        ),
      }),
    );
  }
  if (channels.sms) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'SendSms', actions: ['sns:Publish'], resources: ['*'] }),
    );
    // SMS needs no topic: publishing to any topic stays denied, whatever else the role is given.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'NoTopicPublish',
        effect: iam.Effect.DENY,
        actions: ['sns:Publish'],
        resources: [stack.formatArn({ service: 'sns', region: '*', account: '*', resource: '*' })],
      }),
    );
    acknowledge(role, {
      'AwsSolutions-IAM5[Resource::*]':
        'sns:Publish of SMS to phone numbers: AWS has no resource ARN for a phone number, so IAM only accepts "*".',
    });
  }
}
