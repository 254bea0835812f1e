import type { Detector } from '../types.ts';
import { optionalTimes, re, rep } from './pattern-kit.ts';

const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/;

/** A header naming a message or object, not a mailbox: `Message-ID`, `References`, iCalendar `UID`. */
const ID_HEADER = /^(?:message-id|references|in-reply-to|content-id|resent-message-id|uid|x-[a-z-]*-id)$/;
const ID_HEADER_LINE =
  /(?:^|[\s"',])(?:message-id|references|in-reply-to|content-id|resent-message-id|uid):[^\n]*$/;

/**
 * True for a mailbox at a real-looking domain (not a reserved example domain, not in a URL's
 * userinfo, not a message or event id under its header).
 */
export function emailValid(value: string, ctx: { before: string; fieldName?: string }): boolean {
  if (ctx.fieldName !== undefined && ID_HEADER.test(ctx.fieldName.toLowerCase())) return false;
  if (ID_HEADER_LINE.test(ctx.before)) return false;
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (RESERVED_DOMAIN.test(domain)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..') || domain.includes('..'))
    return false;
  if (/\/\/[^\s/]*:?$/.test(ctx.before)) return false;
  // A TLD is written in one case (`.com`, `.COM`); `.aByPAdV` is random text around an `@`.
  const tld = value.slice(value.lastIndexOf('.') + 1);
  if (tld !== tld.toLowerCase() && tld !== tld.toUpperCase()) return false;
  return /^[a-z]{2,24}$/.test(domain.slice(domain.lastIndexOf('.') + 1));
}

const LABEL = rep('[A-Za-z0-9-]', 1, 63);

/** Email address. */
export const email: Detector = {
  id: 'email',
  name: 'Email address',
  category: 'personal',
  severity: 'low',
  keywords: ['@'],
  // A local part of up to 64 characters, then up to seven labels of 63 and a TLD of 16.
  span: { before: 'A-Za-z0-9._%+-', maxBefore: 64, after: 'A-Za-z0-9.-', maxAfter: 63 + 6 * 64 + 17 },
  pattern: re(
    `\\b${rep('[A-Za-z0-9._%+-]', 1, 64)}@${LABEL}${optionalTimes(`\\.${LABEL}`, 6)}\\.[A-Za-z]{2,16}\\b`,
  ),
  validate: emailValid,
  contextWords: ['email', 'e-mail', 'mail', 'contact'],
  baseConfidence: 0.8,
  validator: 'domain not reserved (`example.com`, `.test`), a letter TLD',
  example: 'a local part + `@` + domain labels + `.` + a TLD of letters',
  mask: { keepStart: 1, keepEnd: 4 },
};

export const emailDetectors: readonly Detector[] = [email];
