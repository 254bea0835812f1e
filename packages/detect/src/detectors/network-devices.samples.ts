import { ALNUM, chars, HEX, int, LOWER, pick } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

const TYPE7_KEY = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';

/** Encodes a password as Cisco type 7 from a salt offset (0–15). */
function type7(plain: string, offset: number): string {
  let out = String(offset).padStart(2, '0');
  for (let i = 0; i < plain.length; i++)
    out += (plain.charCodeAt(i) ^ TYPE7_KEY.charCodeAt((offset + i) % TYPE7_KEY.length))
      .toString(16)
      .toUpperCase()
      .padStart(2, '0');
  return out;
}

const type7Password = (r: Rng) =>
  type7(`${secretChars(r, ALNUM, 8)}${chars(r, '!#%*', 1)}${chars(r, ALNUM, 2)}`, int(r, 0, 15));

function staticKey(r: Rng): string {
  const lines = Array.from({ length: 16 }, () => chars(r, HEX, 32));
  return `-----BEGIN OpenVPN Static key V1-----\n${lines.join('\n')}\n-----END OpenVPN Static key V1-----`;
}

export const samples: FamilySamples = {
  'cisco-type7-password': {
    truePositives: carried(type7Password, 'device_config', [
      (v, r) => `username ${chars(r, LOWER, 5)} privilege 15 password 7 ${v}`,
      (v) => `enable password 7 ${v}`,
      (v) => `tacacs-server host tacacs.corp.example key 7 ${v}`,
      (v) => `interface Gi0/1\n ip ospf message-digest-key 1 md5 7 ${v}`.replace('md5 7', 'key 7'),
      (v) => ` key chain BGP\n  key 1\n   key-string 7 ${v}`,
    ]),
    nearMisses: [
      'username admin privilege 15 password 0 cisco',
      'password 7 <encrypted>',
      (r) => `service password-encryption\n! key 7 ${chars(r, 'G', 1)}${chars(r, HEX, 9)}`,
      'password 7 99ABCDEF0123',
    ],
  },
  'snmp-community-string': {
    truePositives: carried((r) => `${secretChars(r, ALNUM, 10)}${chars(r, '!#%', 1)}`, 'community', [
      (v) => `snmp-server community ${v} RO 10`,
      (v) => `snmp-server community ${v} RW`,
      (v) => `# /etc/snmp/snmpd.conf\nrocommunity ${v} default`,
    ]),
    nearMisses: [
      'snmp-server community public RO',
      'snmp-server community private RW',
      'rocommunity public default',
      'snmp-server community <string> RO',
    ],
  },
  'openvpn-static-key': {
    truePositives: [
      (r) => {
        const text = staticKey(r);
        const value = text.slice(0, text.indexOf('-----', 10) + 5 + 1 + 128);
        return {
          value,
          text: pick(r, [`<tls-auth>\n${text}\n</tls-auth>`, `#\n# 2048 bit OpenVPN static key\n#\n${text}`]),
          field: 'key',
        };
      },
    ],
    nearMisses: [
      '-----BEGIN OpenVPN Static key V1-----\n<paste the ta.key contents here>\n-----END OpenVPN Static key V1-----',
      `-----BEGIN OpenVPN Static key V1-----\n${'0'.repeat(32)}\n${'0'.repeat(32)}\n${'0'.repeat(32)}\n-----END OpenVPN Static key V1-----`,
    ],
  },
};
