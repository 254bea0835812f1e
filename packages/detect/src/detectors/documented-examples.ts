/**
 * Values that payment providers and standards publish for testing and as examples: every
 * integration guide and test fixture carries them, and none is anyone's account. A finding of one
 * is noise, so the card, IBAN and ITIN detectors pass them over.
 */

/** Test card numbers of Stripe, Adyen, Braintree and PayPal documentation (digits only). */
const TEST_CARDS = new Set([
  '4242424242424242',
  '4000056655665556',
  '4000002760003184',
  '4000002500003155',
  '4000000000003220',
  '4000000000009995',
  '4000000000000077',
  '4000000000000341',
  '4000000000000069',
  '4000000000000127',
  '4000000000000119',
  '4000000000000101',
  '4012888888881881',
  '4222222222222',
  '4917610000000000',
  '4988438843884305',
  '5555555555554444',
  '2223003122003222',
  '5200828282828210',
  '5105105105105100',
  '5454545454545454',
  '5431111111111111',
  '2222400070000005',
  '5101180000000007',
  '378282246310005',
  '371449635398431',
  '378734493671000',
  '370000000000002',
  '6011111111111117',
  '6011000990139424',
  '6011000400000000',
  '3056930009020004',
  '36227206271667',
  '30569309025904',
  '38520000023237',
  '3566002020360505',
  '3530111333300000',
  '3566111111111113',
  '6200000000000005',
  '6703444444444449',
]);

/**
 * Example and test IBANs: ISO 13616's and the national standards' examples, Stripe's and
 * Adyen's SEPA test accounts (compact, upper case).
 */
const TEST_IBANS = new Set([
  'DE89370400440532013000',
  'DE62370400440532013001',
  'DE35500105175418857487',
  'GB82WEST12345698765432',
  'GB29NWBK60161331926819',
  'GB33BUKB20201555555555',
  'NL91ABNA0417164300',
  'NL39RABO0300065264',
  'FR1420041010050500013M02606',
  'FR7630006000011234567890189',
  'ES9121000418450200051332',
  'IT60X0542811101000000123456',
  'BE68539007547034',
  'AT611904300234573201',
  'CH9300762011623852957',
]);

/** True when the digits of a card number are a published test card. */
export function testCardNumber(value: string): boolean {
  return TEST_CARDS.has(value.replace(/[^0-9]/g, ''));
}

/** True when an IBAN is a published example or test account. */
export function exampleIban(value: string): boolean {
  return TEST_IBANS.has(value.replace(/[\s-]/g, '').toUpperCase());
}

/** True for 987-65-4320 to 987-65-4329, the numbers the SSA reserves for advertising. */
export function advertisingNumber(value: string): boolean {
  return /^98765432[0-9]$/.test(value.replace(/[^0-9]/g, ''));
}
