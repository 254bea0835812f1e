import ipaddr from 'ipaddr.js';
import type { Detector, MatchContext, ValidationResult } from '../types.ts';
import { re } from './pattern-kit.ts';

const NOT_ADDRESSES = new Set(['unspecified', 'broadcast', 'reserved', 'multicast', 'loopback']);
const PRIVATE = new Set(['private', 'linkLocal', 'uniqueLocal', 'carrierGradeNat']);

/**
 * Classifies a parsed address: public addresses get full confidence, private ones (RFC 1918,
 * link-local, ULA) a lower one; loopback (`127.0.0.1` names no one), documentation, multicast
 * and unspecified ranges, and version strings (`v1.2.3.4`, `version 10.0.0.1`,
 * `key="webpages:Version" value="3.0.0.0"`) are not reported. An IPv4 address followed by a
 * port (`10.20.0.1:6443`) is an address. A product version (`Chrome/131.0.0.0` in a
 * User-Agent) and a CIDR block's network address (`10.40.0.0/16`) are not addresses.
 */
export function ipAddressResult(value: string, ctx: MatchContext): ValidationResult | false {
  if (!ipaddr.isValid(value)) return false;
  const port = value.includes('.') && /^:[0-9]{1,5}(?:[^0-9a-f:]|$)/.test(ctx.after);
  if (
    /(?:^|[^a-z])v(?:er(?:sion)?)?[ =:]?$|version\W{1,12}(?:value\W{1,3})?$|[0-9]\.$|[0-9a-f]:$/.test(
      ctx.before,
    ) ||
    /^\.?[0-9]/.test(ctx.after) ||
    (!port && /^:[0-9a-f]/.test(ctx.after))
  ) {
    return false;
  }
  if (
    value.includes('.') &&
    (isVersionOrNumbering(ctx) || /[a-z]\/$/.test(ctx.before) || cidrNetwork(value, ctx.after))
  )
    return false;
  const range = ipaddr.parse(value).range();
  if (NOT_ADDRESSES.has(range)) return false;
  return { valid: true, confidence: PRIVATE.has(range) ? 0.4 : 0.75 };
}

/**
 * True when `value` opens a CIDR block whose host bits are all zero (`10.40.0.0/16` in a VPC
 * definition): a network, not a machine anyone uses.
 */
function cidrNetwork(value: string, after: string): boolean {
  const prefix = /^\/([0-9]{1,2})(?![0-9])/.exec(after);
  if (!prefix) return false;
  const bits = Number(prefix[1]);
  if (bits > 32) return false;
  const n = value.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  return bits === 0 ? n === 0 : n % 2 ** (32 - bits) === 0;
}

/** Words that put a release number right after them (`preparing for 1.8.0.1`, `Standards-Version: 4.6.0.1`). */
const RELEASE_BEFORE =
  /(?:releases?d?|revision|since|preparing for|notes to|changes in|standards-version:?|upgraded? to|updated? (?:[\w-]+ ){0,2}to|bump(?:ed)? (?:[\w-]+ ){0,2}to|oid)[ \t]{1,4}$/;

/**
 * True when a dotted quad is a release number, a library's version or an OID: a Debian
 * changelog's `dpkg (1.14.16.4) unstable; urgency=low`, a word before (`since 1.7.4.4`,
 * `(OID 1.3.101.111)`), a name joined by a dot (`libpng.so.2.1.0.9`), or a version suffix
 * after (`1.3.0.1-motley`, `2.1.0.9+dfsg`, `1.2.3.4~rc1`).
 */
function isVersionOrNumbering(ctx: MatchContext): boolean {
  if (RELEASE_BEFORE.test(ctx.before) || /[a-z_]\.$/.test(ctx.before)) return true;
  if (/[a-z0-9.+~-] \($/.test(ctx.before) && /^\)(?: [a-z-]+)+; urgency=/.test(ctx.after)) return true;
  return /^(?:[-~][a-z]|\+[a-z0-9])/.test(ctx.after);
}

const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const H = '[0-9A-Fa-f][0-9A-Fa-f]?[0-9A-Fa-f]?[0-9A-Fa-f]?';

/** IPv4 address (public vs private reflected in confidence). */
export const ipv4Address: Detector = {
  id: 'ipv4-address',
  name: 'IPv4 address',
  category: 'network',
  severity: 'low',
  keywords: [],
  structural: { minDigits: 4, shape: 'dotted-quad' },
  pattern: re(`\\b${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}\\b`),
  validate: ipAddressResult,
  contextWords: ['ip', 'host', 'addr', 'address', 'server', 'client'],
  baseConfidence: 0.75,
  validator:
    'ipaddr.js range: not documentation, multicast, a version string or a release number; private ranges score lower',
  example: '`a.b.c.d`, octets 0-255',
  mask: { keepStart: 0, keepEnd: 3 },
};

/** IPv6 address: full form or `::` compressed, checked by ipaddr.js; MAC addresses and times are rejected. */
export const ipv6Address: Detector = {
  id: 'ipv6-address',
  name: 'IPv6 address',
  category: 'network',
  severity: 'low',
  keywords: [],
  structural: { minDigits: 0, shape: 'colons' },
  pattern: re(`\\b${H}(?::${H}){7}|\\b${H}(?::${H}){0,6}::(?:${H}(?::${H}){0,6})?`),
  validate: (value, ctx) => {
    const groups = value.split(':').filter((g) => g !== '').length;
    if (!value.includes('::') && groups !== 8) return false;
    if (groups < 3) return false;
    return ipAddressResult(value, ctx);
  },
  contextWords: ['ip', 'ipv6', 'host', 'addr', 'address'],
  baseConfidence: 0.75,
  validator: 'ipaddr.js range; 8 groups or `::` with 3+ groups',
  example: '8 groups of 1-4 hex separated by `:`, or fewer around `::`',
  mask: { keepStart: 0, keepEnd: 4 },
};

export const ipAddressDetectors: readonly Detector[] = [ipv4Address, ipv6Address];
