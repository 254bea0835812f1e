import type { Detector } from '../types.ts';
import { paymentCardValid } from '../validators/payment-card.ts';
import { re } from './pattern-kit.ts';

/** Payment card numbers (PAN): issuer prefix, length and Luhn check; spaces or dashes allowed. */
export const paymentCard: Detector = {
  id: 'payment-card',
  name: 'Payment card number',
  category: 'financial',
  severity: 'high',
  keywords: [],
  structural: { minDigits: 12 },
  pattern: re('\\b[2-6][0-9]{3}(?:[ -]?[0-9]){8,15}\\b'),
  validate: paymentCardValid,
  contextWords: ['card', 'credit', 'visa', 'mastercard', 'amex', 'pan', 'cc_number', 'payment'],
  baseConfidence: 0.8,
  validator: 'Luhn, issuer prefix and length',
  example:
    '13-19 digits in an issuer range (Visa `4`, Mastercard `51-55`/`2221-2720`, Amex `34`/`37`, ...), grouped by spaces or dashes or not',
  mask: { keepStart: 0, keepEnd: 4 },
};

export const paymentCardDetectors: readonly Detector[] = [paymentCard];
