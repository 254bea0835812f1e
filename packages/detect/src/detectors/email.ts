import { parse } from 'tldts';
import type { Detector } from '../types.ts';
import { isAlgorithmName } from './generic-secret-values.ts';
import { optionalTimes, re, rep } from './pattern-kit.ts';

const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/;

/** RESERVED_DOMAIN on what follows a value's last `@` (which stands for `^`), in any case, without copying it. */
const RESERVED_AFTER_AT = /[@.](?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/i;

/** A header naming a message or object, not a mailbox: `Message-ID`, `References`, iCalendar `UID`. */
const ID_HEADER = /^(?:message-id|references|in-reply-to|content-id|resent-message-id|uid|x-[a-z-]*-id)$/;
const ID_HEADER_LINE =
  /(?:^|[\s"',])(?:message-id|references|in-reply-to|content-id|resent-message-id|uid):[^\n]*$/;

/**
 * True for a mailbox at a real-looking domain: an ICANN top-level domain, not a reserved example
 * domain, not in a URL's userinfo, not an SSH algorithm's name, not a message or event id under
 * its header.
 */
export function emailValid(value: string, ctx: { before: string; fieldName?: string }): boolean {
  const at = value.lastIndexOf('@');
  // Addresses at example domains, most of those in logs, are settled before anything is copied.
  if (at !== -1 && RESERVED_AFTER_AT.test(value)) return false;
  if (ctx.fieldName !== undefined && ID_HEADER.test(ctx.fieldName.toLowerCase())) return false;
  if (ID_HEADER_LINE.test(ctx.before)) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (RESERVED_DOMAIN.test(domain)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..') || domain.includes('..'))
    return false;
  if (/\/\/[^\s/]*:?$/.test(ctx.before)) return false;
  // A TLD is written in one case (`.com`, `.COM`); `.aByPAdV` is random text around an `@`.
  const tld = value.slice(value.lastIndexOf('.') + 1);
  if (tld !== tld.toLowerCase() && tld !== tld.toUpperCase()) return false;
  if (!/^[a-z]{2,24}$/.test(domain.slice(domain.lastIndexOf('.') + 1))) return false;
  // `logo@2x.png`, `sd_IN@devanagari.UTF-8`, `i@include.lst`, `user@somedomain.tld`: a name
  // ending in a file extension or a made-up suffix; a mailbox's domain ends in an ICANN TLD.
  if (!parse(domain, { validateHostname: false }).isIcann) return false;
  return !isSshExtensionName(local);
}

/**
 * `umac-64`, `chacha20-poly1305`, `ssh-ed25519-cert-v01` of `umac-64@openssh.com`: SSH names
 * algorithms and extensions `name@domain` (RFC 4251, section 6); a person's mailbox is no
 * algorithm name with a version or key size.
 */
function isSshExtensionName(local: string): boolean {
  const parts = local.toLowerCase().split('-');
  const known = parts.filter((p) => SSH_WORDS.has(p) || isAlgorithmName(p)).length;
  const sizes = parts.filter((p) => /^[0-9]+$/.test(p)).length;
  return known >= 2 || (known === 1 && sizes >= 1);
}

const SSH_WORDS = new Set([
  'ssh',
  'umac',
  'etm',
  'cert',
  'sk',
  'nistp256',
  'nistp384',
  'nistp521',
  'poly1305',
  'sntrup761x25519',
  'sntrup4591761x25519',
  'mlkem768x25519',
]);

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
  validator: 'an ICANN TLD, domain not reserved (`example.com`, `.test`), not an SSH algorithm name',
  example: 'a local part + `@` + domain labels + `.` + a TLD of letters',
  mask: { keepStart: 1, keepEnd: 4 },
};

export const emailDetectors: readonly Detector[] = [email];
