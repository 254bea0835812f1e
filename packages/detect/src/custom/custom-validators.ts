import { abaRoutingValid } from '../validators/aba-routing.ts';
import { tokenChecksumValid } from '../validators/github-checksum.ts';
import { ibanValid } from '../validators/iban.ts';
import { jwtValid } from '../validators/jwt.ts';
import { luhnValid } from '../validators/luhn.ts';
import { paymentCardValid } from '../validators/payment-card.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { bitcoinAddressValid, imeiValid, vinValid } from '../validators/wallets-devices.ts';

/** The built-in validators a custom detector may name, each a check on the raw value. */
export const CUSTOM_VALIDATORS: Readonly<Record<string, (value: string) => boolean>> = {
  luhn: luhnValid,
  iban: ibanValid,
  entropy: (value) => looksRandom(value),
  jwt: jwtValid,
  'github-checksum': tokenChecksumValid,
  'payment-card': (value) => paymentCardValid(value),
  'aba-routing': abaRoutingValid,
  'not-placeholder': (value) => !isPlaceholder(value),
  'bitcoin-address': bitcoinAddressValid,
  vin: vinValid,
  imei: imeiValid,
};

/** Names of the validators a custom detector may use, sorted. */
export const CUSTOM_VALIDATOR_NAMES: readonly string[] = Object.keys(CUSTOM_VALIDATORS).sort();
