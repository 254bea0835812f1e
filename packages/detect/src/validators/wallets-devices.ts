/** Checks of crypto wallet addresses, vehicle and device identifiers. */
import { createHash } from 'node:crypto';
import { keccak_256 } from '@noble/hashes/sha3';
import { luhnValid } from './luhn.ts';

export const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58Decode(text: string): Uint8Array | undefined {
  let n = 0n;
  for (const c of text) {
    const v = BASE58.indexOf(c);
    if (v < 0) return undefined;
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  for (const c of text) {
    if (c !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** True when a base58 string carries a valid 4-byte double-SHA-256 checksum (`version` first byte allowed). */
export function base58CheckValid(text: string, versions: readonly number[]): boolean {
  const bytes = base58Decode(text);
  if (!bytes || bytes.length !== 25 || !versions.includes(bytes[0]!)) return false;
  const sum = sha256(sha256(bytes.subarray(0, 21)));
  return sum.subarray(0, 4).equals(Buffer.from(bytes.subarray(21)));
}

export const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

export function bech32Polymod(values: readonly number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i]!;
  }
  return chk >>> 0;
}

/** True when a segwit address (`bc1…`, `ltc1…`) has a valid bech32 or bech32m checksum. */
export function bech32Valid(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower !== address && address.toUpperCase() !== address) return false;
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || lower.length - sep < 7) return false;
  const hrp = lower.slice(0, sep);
  const data: number[] = [];
  for (const c of lower.slice(sep + 1)) {
    const v = BECH32.indexOf(c);
    if (v < 0) return false;
    data.push(v);
  }
  const expanded = [
    ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
    0,
    ...[...hrp].map((c) => c.charCodeAt(0) & 31),
  ];
  const mod = bech32Polymod([...expanded, ...data]);
  return mod === 1 || mod === 0x2bc830a3;
}

/** A Bitcoin address: legacy P2PKH/P2SH (base58check) or segwit (bech32/bech32m). */
export function bitcoinAddressValid(address: string): boolean {
  if (/^bc1/i.test(address)) return bech32Valid(address);
  return base58CheckValid(address, [0x00, 0x05]);
}

/** The EIP-55 mixed-case checksum spelling of a 40-hex-digit Ethereum address. */
export function eip55(addressHex: string): string {
  const lower = addressHex.toLowerCase();
  const hash = Buffer.from(keccak_256(new TextEncoder().encode(lower))).toString('hex');
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    out += /[a-f]/.test(c) && Number.parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c;
  }
  return out;
}

/**
 * An Ethereum address (`0x` + 40 hex): a mixed-case one must carry its EIP-55 checksum; a
 * single-case one has none to check (`checksummed` false).
 */
export function ethereumAddress(value: string): { valid: boolean; checksummed: boolean } {
  const hex = value.slice(2);
  if (!/^[0-9a-fA-F]{40}$/.test(hex) || /^0+$/.test(hex) || /^([0-9a-f])\1+$/i.test(hex))
    return { valid: false, checksummed: false };
  const mixed = /[a-f]/.test(hex) && /[A-F]/.test(hex);
  if (!mixed) return { valid: true, checksummed: false };
  return { valid: eip55(hex) === hex, checksummed: true };
}

const VIN_VALUES: Record<string, number> = Object.fromEntries(
  [...'ABCDEFGHJKLMNPRSTUVWXYZ'].map((c, i) => [
    c,
    [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9][i]!,
  ]),
);
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** A 17-character vehicle identification number with its position-9 check digit (North America). */
export function vinValid(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v) || !/[0-9]/.test(v) || !/[A-Z]/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i]!;
    sum += (/[0-9]/.test(c) ? Number(c) : VIN_VALUES[c]!) * VIN_WEIGHTS[i]!;
  }
  const r = sum % 11;
  return (r === 10 ? 'X' : String(r)) === v[8];
}

/** An IMEI: 15 digits with a Luhn check digit (a 14-digit TAC + serial is not checked). */
export function imeiValid(value: string): boolean {
  const d = value.replace(/[\s/-]/g, '');
  return /^[0-9]{15}$/.test(d) && !/^([0-9])\1+$/.test(d) && luhnValid(d);
}

/** A MAC address in use: not all zeros, not broadcast, not one repeated byte. */
export function macAddressValid(value: string): boolean {
  const hex = value.replace(/[:-]/g, '').toLowerCase();
  return /^[0-9a-f]{12}$/.test(hex) && !/^(..)\1{5}$/.test(hex);
}
