import { chars, HEX, int, pick, plant, type Rng } from '../../eval/random.ts';
import type { FamilySamples } from './samples.ts';

function publicIpv4(rng: Rng): string {
  for (;;) {
    const a = int(rng, 1, 223);
    if ([10, 127, 169, 172, 192, 198, 203, 100].includes(a)) continue;
    return `${a}.${int(rng, 0, 255)}.${int(rng, 0, 255)}.${int(rng, 1, 254)}`;
  }
}

export const samples: FamilySamples = {
  'ipv4-address': {
    truePositives: [(r) => plant('client_ip', (v) => `client_ip=${v}`, publicIpv4(r))],
    nearMisses: [
      (r) => `version ${int(r, 1, 9)}.${int(r, 0, 20)}.${int(r, 0, 20)}.${int(r, 0, 99)}`,
      (r) => `v${int(r, 1, 9)}.${int(r, 0, 9)}.${int(r, 0, 9)}.${int(r, 1, 9)}`,
      (r) => `server ${pick(r, ['192.0.2.', '198.51.100.', '203.0.113.'])}${int(r, 1, 254)}`,
      (r) =>
        `"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/${int(r, 100, 140)}.0.0.0 Safari/537.36"`,
      (r) => `vpc_cidr = "${int(r, 11, 99)}.${int(r, 0, 255)}.0.0/16"`,
    ],
  },
  'ipv6-address': {
    truePositives: [
      (r) =>
        plant(
          'addr',
          (v) => `remote ${v}`,
          `2a00:${chars(r, HEX, 4).replace(/^0+/, '1')}:${chars(r, HEX, 3)}::${chars(r, HEX, 2)}`,
        ),
    ],
    nearMisses: [
      (r) =>
        `request_id=${chars(r, HEX, 8)}-${chars(r, HEX, 4)}-4${chars(r, HEX, 3)}-a${chars(r, HEX, 3)}-${chars(r, HEX, 12)}`,
      (r) =>
        `mac ${chars(r, HEX, 2)}:${chars(r, HEX, 2)}:${chars(r, HEX, 2)}:${chars(r, HEX, 2)}:${chars(r, HEX, 2)} at 12:${int(r, 10, 59)}:${int(r, 10, 59)}`,
    ],
  },
};
