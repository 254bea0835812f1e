import { createHmac, timingSafeEqual } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { type NotificationChannel, PermanentDeliveryError } from '../channel.ts';
import { eventJson, eventText, type JobEvent } from '../job-event.ts';
import type { NotificationSettings } from '../notification-settings.ts';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'x-data-scanner-signature';

/** Signs a webhook body the way receivers verify it. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * Checks a received signature header against the body, in constant time, and refuses one older
 * than `toleranceSeconds` (a replay). For receivers written in TypeScript, and for our tests.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || typeof parts.v1 !== 'string') return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body).split('v1=')[1] as string, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** True for an address a webhook may reach from a deployment: global unicast only. */
export function isPublicAddress(address: string): boolean {
  try {
    return ipaddr.process(address).range() === 'unicast';
  } catch {
    return false;
  }
}

export interface WebhookChannelOptions {
  timeoutMs: number;
  /** Allow loopback, private and link-local targets (one-machine installs, tests). */
  allowPrivate: boolean;
}

/**
 * POSTs the event as JSON (or a Slack-compatible `{"text"}` body) with an HMAC signature, a
 * delivery id and a timeout. Redirects are not followed and, unless allowed, targets that resolve
 * to private or metadata addresses are refused, so a tenant cannot aim the notifier inside the VPC.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook' as const;

  constructor(private readonly options: WebhookChannelOptions) {}

  async send(event: JobEvent, settings: NotificationSettings): Promise<void> {
    if (!settings.webhookUrl) throw new PermanentDeliveryError('no webhook URL is set');
    const url = new URL(settings.webhookUrl);
    if (!this.options.allowPrivate) await this.checkHost(url.hostname);
    const body = JSON.stringify(settings.webhookSlack ? { text: eventText(event) } : eventJson(event));
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'data-scanner-notifier',
          'x-data-scanner-event': event.kind,
          'x-data-scanner-delivery': event.id,
          [SIGNATURE_HEADER]: signWebhook(settings.webhookSecret, timestamp, body),
        },
      });
    } catch (err) {
      const cause =
        (err as Error).name === 'TimeoutError'
          ? `no answer within ${this.options.timeoutMs} ms`
          : (err as Error).message;
      throw new Error(`webhook request failed: ${cause}`);
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.status < 200 || response.status > 299)
      throw new Error(`webhook answered HTTP ${response.status}`);
  }

  private async checkHost(hostname: string): Promise<void> {
    const host = hostname.replace(/^\[|\]$/g, '');
    const addresses = ipaddr.isValid(host)
      ? [host]
      : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
    if (addresses.length === 0) throw new Error(`webhook host ${hostname} does not resolve`);
    const refused = addresses.find((a) => !isPublicAddress(a));
    if (refused) {
      throw new PermanentDeliveryError(
        `webhook host ${hostname} resolves to ${refused}, a private or reserved address (NOTIFY_WEBHOOK_ALLOW_PRIVATE allows it)`,
      );
    }
  }
}
