import type { Detector } from '../types.ts';
import { shannonEntropy } from '../validators/entropy.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { ci, re, reAlternatives, rep } from './pattern-kit.ts';

/** Cisco's fixed type 7 key: the "encryption" is a XOR with it from a salt offset, so anyone can reverse it. */
const TYPE7_KEY = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';

/** The plain text of a type 7 string, or undefined when it is not one (bad offset, odd length, not hex). */
export function decodeCiscoType7(value: string): string | undefined {
  if (value.length < 4 || value.length % 2 !== 0 || !/^[0-9]{2}[0-9A-Fa-f]+$/.test(value)) return undefined;
  const offset = Number(value.slice(0, 2));
  if (offset > 15) return undefined;
  let plain = '';
  for (let i = 2; i < value.length; i += 2) {
    const byte = Number.parseInt(value.slice(i, i + 2), 16);
    plain += String.fromCharCode(byte ^ TYPE7_KEY.charCodeAt((offset + (i - 2) / 2) % TYPE7_KEY.length));
  }
  return plain;
}

/**
 * A Cisco IOS type 7 password (`username admin password 7 0822455D0A16`, `key 7 ...` for
 * TACACS+/RADIUS/OSPF, `key-string 7 ...`): reversible by design, so it is the password itself.
 * The validator decodes it and wants printable text.
 */
export const ciscoType7Password: Detector = {
  id: 'cisco-type7-password',
  name: 'Cisco type 7 password',
  category: 'credentials',
  severity: 'high',
  keywords: ['password 7 ', 'key 7 ', 'key-string 7 ', 'secret 7 '],
  pattern: re(
    `\\b(?:password|key|key-string|secret)[ \\t]{1,4}7[ \\t]{1,4}([0-9][0-9A-Fa-f]${rep('[0-9A-Fa-f]', 2, 160)})(?:[^0-9A-Za-z]|$)`,
  ),
  valueGroup: 1,
  validate: (value) => {
    const plain = decodeCiscoType7(value);
    return plain !== undefined && plain.length >= 4 && /^[\x21-\x7e]+$/.test(plain) && !isPlaceholder(plain);
  },
  contextWords: ['username', 'enable', 'tacacs', 'radius', 'line vty'],
  baseConfidence: 0.9,
  validator: 'decodes (Cisco type 7) to printable text, not a placeholder',
  example: '`password 7 ` then the type 7 hex string',
  mask: { keepStart: 2, keepEnd: 0 },
  description:
    'Type 7 is an obfuscation with a published key; a type 5, 8 or 9 secret is a hash (see the password-hash detectors).',
};

/** Community names that are the defaults everyone knows: not a secret, and reported by config audits, not here. */
const DEFAULT_COMMUNITIES = /^(?:public|private|community|secret|<[^>]*>|\$.*|\{\{.*)$/i;

/**
 * An SNMP community string, the password of SNMP v1/v2c: Cisco's `snmp-server community X RO`
 * and net-snmp's `rocommunity X` / `rwcommunity X`.
 */
export const snmpCommunityString: Detector = {
  id: 'snmp-community-string',
  name: 'SNMP community string',
  category: 'credentials',
  severity: 'medium',
  keywords: ['snmp-server community', 'rocommunity', 'rwcommunity'],
  pattern: reAlternatives(
    [
      `\\bsnmp-server[ \\t]{1,4}community[ \\t]{1,4}(${rep('[^\\s]', 4, 64)})`,
      `(?:^|\\n|\\\\n)[ \\t]*(?:ro|rw)community6?[ \\t]{1,4}(${rep('[^\\s]', 4, 64)})`,
    ].join('|'),
  ),
  valueGroup: 1,
  validate: (value) => !DEFAULT_COMMUNITIES.test(value) && !isPlaceholder(value),
  contextWords: ['router', 'switch', 'monitoring'],
  baseConfidence: 0.85,
  validator: 'not a default community name or a placeholder',
  example: '`snmp-server community` then the community name, then `RO` or `RW`',
  mask: { keepStart: 1, keepEnd: 1 },
};

/** Hex characters with line breaks (raw or escaped in a JSON string) between them. */
const HEX_BODY = '(?:[0-9a-fA-F]|\\r?\\n|\\\\n)';

/**
 * An OpenVPN static key (`--secret`, `tls-auth`, `tls-crypt`): 2048 random bits in hex that
 * authenticate or encrypt the tunnel. The match is the armour line and up to 128 body characters.
 */
export const openvpnStaticKey: Detector = {
  id: 'openvpn-static-key',
  name: 'OpenVPN static key',
  category: 'credentials',
  severity: 'high',
  keywords: ['-----begin openvpn static key'],
  pattern: re(`-----BEGIN ${ci('OpenVPN')} Static key V1-----(?:\\r?\\n|\\\\n)${rep(HEX_BODY, 64, 128)}`),
  validate: (value) => {
    const body = value.slice(value.lastIndexOf('-----') + 5).replace(/\\n|[\r\n]/g, '');
    return body.length >= 60 && !isPlaceholder(body) && shannonEntropy(body) >= 3.3;
  },
  contextWords: ['tls-auth', 'tls-crypt', 'ta.key', 'key-direction'],
  baseConfidence: 0.95,
  validator: 'hex body of a random key, not a placeholder',
  example: '`-----BEGIN OpenVPN Static key V1-----` + hex lines',
  mask: { keepStart: 5, keepEnd: 0 },
};

export const networkDeviceDetectors: readonly Detector[] = [
  ciscoType7Password,
  snmpCommunityString,
  openvpnStaticKey,
];
