import type { Detector, MatchContext } from '../types.ts';
import { brCnpjValid } from '../validators/id-checks.ts';
import { cardIssuer, paymentCardValid } from '../validators/payment-card.ts';
import { testCardNumber } from './documented-examples.ts';
import { contextHas, re } from './pattern-kit.ts';

const CARD_WORDS = [
  'card',
  'credit',
  'debit',
  'visa',
  'mastercard',
  'maestro',
  'amex',
  'pan',
  'cc',
  'cc_number',
  'payment',
  'jcb',
  'uatp',
];

/**
 * Issuers whose ranges are wide or whose lengths are unusual (Maestro of 12-15 digits, UATP,
 * 13-digit Visa, which national ids with a Luhn digit also look like, and a 14-digit number
 * whose Brazilian CNPJ check digits hold): a bare number in those needs a card word on its line.
 */
function needsContext(digits: string): boolean {
  const issuer = cardIssuer(digits);
  if (digits.length === 14 && brCnpjValid(digits)) return true;
  return issuer === 'uatp' || (issuer === 'maestro' && digits.length < 16) || digits.length === 13;
}

/** A national or tax id's label right before a number (`CNPJ `, `CPF: `, `NIF=`). */
const ID_LABEL =
  /(?:^|[^a-z])(?:cnpj|cpf|nif|nie|rut|ruc|cuit|cuil|nit|curp|rfc|ssn|tin|siren|siret)[ \t]*[:#=]?[ \t]*["']?$/;

/** Payment card numbers (PAN): issuer prefix, length and Luhn check; spaces or dashes allowed. */
export const paymentCard: Detector = {
  id: 'payment-card',
  name: 'Payment card number',
  category: 'financial',
  severity: 'high',
  keywords: [],
  structural: { minDigits: 12 },
  pattern: re('\\b[1-9][0-9]{3}(?:[ -]?[0-9]){8,15}\\b'),
  validate: (value: string, ctx: MatchContext) => {
    if (!paymentCardValid(value, ctx) || testCardNumber(value)) return false;
    // `CNPJ 39679976000170`: a number labelled as a national or tax id is that, unless a card word says otherwise.
    if (ID_LABEL.test(ctx.before) && !contextHas(ctx, CARD_WORDS)) return false;
    return !needsContext(value.replace(/[^0-9]/g, '')) || contextHas(ctx, CARD_WORDS);
  },
  contextWords: ['card', 'credit', 'visa', 'mastercard', 'amex', 'pan', 'cc_number', 'payment'],
  baseConfidence: 0.8,
  validator:
    'Luhn, issuer prefix and length; grouped as cards are printed, not part of a longer number, not a published test card',
  example:
    '13-19 digits in an issuer range (Visa `4`, Mastercard `51-55`/`2221-2720`, Amex `34`/`37`, ...), grouped by spaces or dashes or not',
  mask: { keepStart: 0, keepEnd: 4 },
};

export const paymentCardDetectors: readonly Detector[] = [paymentCard];
