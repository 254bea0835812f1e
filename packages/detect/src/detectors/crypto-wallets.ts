import type { Detector } from '../types.ts';
import { bitcoinAddressValid, ethereumAddress } from '../validators/wallets-devices.ts';
import { contextHas, re, rep } from './pattern-kit.ts';

const WALLET_WORDS = [
  'wallet',
  'address',
  'btc',
  'bitcoin',
  'eth',
  'ethereum',
  'erc20',
  'send',
  'pay',
  'deposit',
  'crypto',
];

/** Bitcoin address: legacy base58check (1…, 3…) near a Bitcoin word, or segwit bech32 (bc1…). */
export const bitcoinAddress: Detector = {
  id: 'bitcoin-address',
  name: 'Bitcoin address',
  category: 'financial',
  severity: 'low',
  keywords: ['bc1', 'bitcoin', 'btc', 'wallet'],
  pattern: re(
    `\\b(?:bc1[ac-hj-np-z02-9]{8}${rep('[ac-hj-np-z02-9]', 3, 63)}|[13][a-km-zA-HJ-NP-Z1-9]{16}${rep('[a-km-zA-HJ-NP-Z1-9]', 9, 18)})\\b`,
  ),
  validate: bitcoinAddressValid,
  contextWords: WALLET_WORDS,
  baseConfidence: 0.85,
  mask: { keepStart: 4, keepEnd: 4 },
  validator: 'base58check or bech32 checksum',
  description: 'A Bitcoin address with a valid base58check or bech32 checksum.',
  example: 'bc1q + 38 bech32 characters, or 1/3 + 25-33 base58 characters',
};

/**
 * Ethereum address: a mixed-case one must pass EIP-55; a single-case one (no checksum) needs a
 * wallet word on its line, since 40 hex digits after `0x` are also hashes and ids.
 */
export const ethereumAddressDetector: Detector = {
  id: 'ethereum-address',
  name: 'Ethereum address',
  category: 'financial',
  severity: 'low',
  keywords: ['0x'],
  span: { before: '', maxBefore: 0, after: '0-9a-fA-F', maxAfter: 40 },
  pattern: re(`0x${rep('[0-9a-fA-F]', 40)}`),
  validate: (value, ctx) => {
    if (/[0-9a-zA-Z]$/.test(ctx.before) || /^[0-9a-zA-Z]/.test(ctx.after)) return false;
    const { valid, checksummed } = ethereumAddress(value);
    if (!valid) return false;
    if (checksummed) return { valid: true, confidence: 0.9 };
    return contextHas(ctx, WALLET_WORDS) ? { valid: true, confidence: 0.7 } : false;
  },
  contextWords: WALLET_WORDS,
  baseConfidence: 0.8,
  mask: { keepStart: 6, keepEnd: 4 },
  validator: 'EIP-55 checksum, or a wallet word for single-case',
  description: 'An Ethereum address (EIP-55 checksummed, or lower-case next to a wallet word).',
  example: '0x + 40 hex digits',
};

export const cryptoWalletDetectors: readonly Detector[] = [bitcoinAddress, ethereumAddressDetector];
