import { createHash } from 'node:crypto';
import { chars, HEX, int, type Rng } from '../../eval/random.ts';
import { BASE58, BECH32, bech32Polymod, eip55 } from '../validators/wallets-devices.ts';
import type { FamilySamples, Planted } from './samples.ts';

const plant = (field: string, text: string, value: string): Planted => ({ field, text, value });
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

function base58Check(version: number, r: Rng): string {
  const payload = Buffer.from([version, ...Array.from({ length: 20 }, () => int(r, 0, 255))]);
  const bytes = Buffer.concat([payload, sha256(sha256(payload)).subarray(0, 4)]);
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

function segwit(r: Rng): string {
  const data = [0, ...Array.from({ length: 32 }, () => int(r, 0, 31))];
  const hrp = 'bc';
  const expanded = [
    ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
    0,
    ...[...hrp].map((c) => c.charCodeAt(0) & 31),
  ];
  const mod = bech32Polymod([...expanded, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data, ...checksum].map((v) => BECH32[v]).join('')}`;
}

const btc = (r: Rng) => (r() < 0.5 ? base58Check(r() < 0.5 ? 0 : 5, r) : segwit(r));
const eth = (r: Rng) => `0x${eip55(chars(r, HEX, 40))}`;

export const samples: FamilySamples = {
  'bitcoin-address': {
    truePositives: [
      (r) => {
        const x = btc(r);
        return plant('btc_address', `Send BTC to ${x}`, x);
      },
      (r) => {
        const x = btc(r);
        return plant('wallet', `"bitcoin_wallet": "${x}"`, x);
      },
    ],
    nearMisses: [
      'bitcoin: 1BoatSLRHtKNngkdXEeobR76b53LETtpyX',
      'btc tx bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlx',
    ],
  },
  'ethereum-address': {
    truePositives: [
      (r) => {
        const x = eth(r);
        return plant('address', `"address": "${x}"`, x);
      },
      (r) => {
        const x = eth(r).toLowerCase();
        return plant('wallet', `ETH wallet: ${x}`, x);
      },
    ],
    nearMisses: [
      (r) => `tx hash 0x${chars(r, HEX, 40)}`,
      (r) => `commit 0x${chars(r, HEX, 64)}`,
      (r) => {
        const x = eip55(chars(r, HEX, 40));
        const flipped = x.replace(/[a-f]/, (c) => c.toUpperCase());
        return `"address": "0x${flipped === x ? x.replace(/[A-F]/, (c) => c.toLowerCase()) : flipped}"`;
      },
    ],
  },
};
