import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { keyedSecret, prefixedToken } from './keyed-secret.ts';
import { ci, ciAny, rep } from './pattern-kit.ts';

const HEX = '[0-9a-f]';
const UUID = `${rep(HEX, 8)}-${rep(HEX, 4)}-${rep(HEX, 4)}-${rep(HEX, 4)}-${rep(HEX, 12)}`;
/** A separator inside a variable name (`PAYPAL_CLIENT_SECRET`, `paypal.client-secret`). */
const SEP = '[_.-]?';

/** Square production access token (`EAAA` + 60) and legacy `sq0atp-` token. */
export const squareAccessToken = prefixedToken({
  id: 'square-access-token',
  name: 'Square access token',
  severity: 'critical',
  keywords: ['sq0atp-', 'eaaa'],
  pattern: `(?:^|[^0-9A-Za-z_+-])(sq0atp-${rep('[0-9A-Za-z_-]', 22, 60)}|EAAA${rep('[0-9A-Za-z_+=-]', 40, 60)})(?:[^0-9A-Za-z_+=-]|$)`,
  valueGroup: 1,
  prefixLength: 4,
  contextWords: ['square', 'access_token', 'bearer'],
  description: 'EAAA and 60 base64url characters, or sq0atp- and 22 (up to 60 accepted).',
});

/** Square OAuth application secret (`sq0csp-`). */
export const squareOauthSecret = prefixedToken({
  id: 'square-oauth-secret',
  name: 'Square OAuth secret',
  severity: 'critical',
  keywords: ['sq0csp-'],
  pattern: `(?:^|[^0-9A-Za-z_-])(sq0csp-${rep('[0-9A-Za-z_-]', 43)})(?:[^0-9A-Za-z_-]|$)`,
  valueGroup: 1,
  prefixLength: 7,
  contextWords: ['square', 'oauth', 'secret'],
  description: 'sq0csp- and 43 base64url characters.',
});

/** Braintree (PayPal) gateway access token. */
export const braintreeAccessToken = prefixedToken({
  id: 'braintree-access-token',
  name: 'Braintree access token',
  severity: 'critical',
  keywords: ['access_token$production$', 'access_token$sandbox$'],
  pattern: `access_token\\$(?:production|sandbox)\\$${rep('[0-9A-Za-z]', 16)}(?:\\$${rep(HEX, 32)})?\\b`,
  prefixLength: 24,
  contextWords: ['braintree', 'paypal'],
  description: 'access_token$production$<16 merchant id>$<32 hex> (the hex part may be cut off).',
});

/** Braintree client tokenization key (`production_<8>_<16>`): client-side, so medium severity. */
export const braintreeTokenizationKey: Detector = {
  ...prefixedToken({
    id: 'braintree-tokenization-key',
    name: 'Braintree tokenization key',
    severity: 'medium',
    keywords: ['production_', 'sandbox_'],
    pattern: `\\b(?:production|sandbox)_${rep('[a-zA-Z0-9]', 8)}_${rep('[a-zA-Z0-9]', 16)}\\b`,
    prefixLength: 8,
    contextWords: ['braintree', 'tokenization', 'authorization'],
    description: 'production_ or sandbox_, 8 and 16 alphanumerics.',
  }),
  // Words joined by underscores (`sandbox_settings_...`) hold no digit; keys do.
  validate: (value) =>
    /[0-9]/.test(value.slice(8)) && looksRandom(value.slice(8), { minEntropy: 3, minClasses: 2 }),
};

/** Braintree private API key bound to its name. */
export const braintreePrivateKey = keyedSecret({
  id: 'braintree-private-key',
  name: 'Braintree private key',
  severity: 'critical',
  keywords: ['braintree'],
  key: `${ci('braintree')}${SEP}${ci('private')}${SEP}${ci('key')}`,
  value: rep(HEX, 32),
  description: 'BRAINTREE_PRIVATE_KEY and 32 hex.',
});

/** PayPal REST client secret bound to its name. */
export const paypalClientSecret = keyedSecret({
  id: 'paypal-client-secret',
  name: 'PayPal client secret',
  severity: 'critical',
  keywords: ['paypal'],
  key: `${ci('paypal')}${SEP}(?:${ciAny(['client', 'rest', 'api'])}${SEP})?${ci('secret')}`,
  value: rep('[A-Za-z0-9_-]', 40, 80),
  minEntropy: 4,
  description: 'PAYPAL_CLIENT_SECRET and 40 to 80 base64url characters (80 starting with E today).',
});

/** Adyen API key (`AQE...`), reported where Adyen is named nearby. */
export const adyenApiKey = prefixedToken({
  id: 'adyen-api-key',
  name: 'Adyen API key',
  severity: 'critical',
  keywords: ['adyen'],
  pattern: `(?:^|[^A-Za-z0-9+/._-])(AQE${rep('[A-Za-z0-9+/=._-]', 50, 240)})(?:[^A-Za-z0-9+/=._-]|$)`,
  valueGroup: 1,
  prefixLength: 3,
  minEntropy: 4,
  contextWords: ['adyen', 'x-api-key'],
  description: 'AQE, a base64 body with `.`/`-` separated parts; only where Adyen is named near it.',
});

function shopify(id: string, name: string, prefix: string, description: string): Detector {
  return prefixedToken({
    id,
    name,
    severity: 'critical',
    keywords: [prefix],
    pattern: `\\b${prefix}${rep('[a-fA-F0-9]', 32)}\\b`,
    prefixLength: prefix.length,
    contextWords: ['shopify', 'x-shopify-access-token'],
    description,
  });
}

export const shopifyAccessToken = shopify(
  'shopify-access-token',
  'Shopify admin access token',
  'shpat_',
  'shpat_ and 32 hex.',
);
export const shopifyCustomAppToken = shopify(
  'shopify-custom-app-token',
  'Shopify custom app access token',
  'shpca_',
  'shpca_ and 32 hex.',
);
export const shopifyPrivateAppToken = shopify(
  'shopify-private-app-token',
  'Shopify private app password',
  'shppa_',
  'shppa_ and 32 hex.',
);
export const shopifySharedSecret = shopify(
  'shopify-shared-secret',
  'Shopify app shared secret',
  'shpss_',
  'shpss_ and 32 hex.',
);

/** Plaid item access token (`access-<environment>-<uuid>`). */
export const plaidAccessToken = prefixedToken({
  id: 'plaid-access-token',
  name: 'Plaid access token',
  severity: 'high',
  keywords: ['access-production-', 'access-development-', 'access-sandbox-'],
  pattern: `\\baccess-(?:production|development|sandbox)-${UUID}\\b`,
  prefixLength: 15,
  contextWords: ['plaid', 'access_token'],
  description: 'access-production-, -development- or -sandbox- and a UUID.',
});

/** Plaid API secret bound to its name. */
export const plaidSecret = keyedSecret({
  id: 'plaid-secret',
  name: 'Plaid API secret',
  severity: 'critical',
  keywords: ['plaid'],
  key: ci('plaid'),
  value: rep('[A-Za-z0-9]', 30),
  description: 'PLAID_SECRET and 30 characters (hex today).',
});

/** Coinbase API secret or access token bound to its name. */
export const coinbaseApiSecret = keyedSecret({
  id: 'coinbase-api-secret',
  name: 'Coinbase API secret',
  severity: 'critical',
  keywords: ['coinbase'],
  key: ci('coinbase'),
  value: rep('[A-Za-z0-9+/_-]', 32, 88),
  minEntropy: 3.5,
  description: 'COINBASE_API_SECRET and 32 to 88 base64 characters.',
});

/** Flutterwave secret key (`FLWSECK-...-X`, test keys `FLWSECK_TEST-...-X`). */
export const flutterwaveSecretKey = prefixedToken({
  id: 'flutterwave-secret-key',
  name: 'Flutterwave secret key',
  severity: 'critical',
  keywords: ['flwseck'],
  pattern: `\\bFLWSECK(?:_TEST)?-${rep('[a-h0-9]', 32)}-X\\b`,
  prefixLength: 8,
  contextWords: ['flutterwave', 'secret'],
  description: 'FLWSECK- (or FLWSECK_TEST-), 32 of a-h0-9 and -X.',
});

/** Flutterwave encryption key (`FLWSECK_TEST` or `FLWSECK` and 12 characters, no dash). */
export const flutterwaveEncryptionKey = prefixedToken({
  id: 'flutterwave-encryption-key',
  name: 'Flutterwave encryption key',
  severity: 'high',
  keywords: ['flwseck'],
  pattern: `\\bFLWSECK(?:_TEST)?-?${rep('[a-h0-9]', 12)}\\b`,
  prefixLength: 7,
  // Twelve characters of a-h0-9 often repeat a few: their entropy runs from about 2.2 bits.
  minEntropy: 2,
  contextWords: ['flutterwave', 'encryption'],
  description: 'FLWSECK_TEST (or FLWSECK), an optional dash and 12 of a-h0-9.',
});

/** Razorpay key secret bound to its name (the `rzp_live_` key id is not secret alone). */
export const razorpayKeySecret = keyedSecret({
  id: 'razorpay-key-secret',
  name: 'Razorpay key secret',
  severity: 'critical',
  keywords: ['razorpay'],
  key: ci('razorpay'),
  value: rep('[A-Za-z0-9]', 24),
  description: 'RAZORPAY_KEY_SECRET and 24 alphanumerics.',
});

/** Paystack secret key (`sk_live_` or `sk_test_` and 40 hex; Stripe's keys are mixed case). */
export const paystackSecretKey = prefixedToken({
  id: 'paystack-secret-key',
  name: 'Paystack secret key',
  severity: 'critical',
  keywords: ['sk_live_', 'sk_test_'],
  pattern: `\\bsk_(?:live|test)_${rep(HEX, 40)}\\b`,
  prefixLength: 8,
  contextWords: ['paystack', 'secret'],
  description: 'sk_live_ or sk_test_ and 40 lower-case hex.',
});

/** GoCardless access token (`live_` or `sandbox_` and 40), where GoCardless is named nearby. */
export const gocardlessAccessToken = prefixedToken({
  id: 'gocardless-access-token',
  name: 'GoCardless access token',
  severity: 'critical',
  keywords: ['gocardless'],
  pattern: `(?:^|[^A-Za-z0-9_-])((?:live|sandbox)_${rep('[A-Za-z0-9_=-]', 40)})(?:[^A-Za-z0-9_=-]|$)`,
  valueGroup: 1,
  prefixLength: 5,
  minEntropy: 3.5,
  contextWords: ['gocardless', 'access_token'],
  description: 'live_ (or sandbox_) and 40 characters, only where GoCardless is named near it.',
});

/** Mollie API key or organisation access token, where Mollie is named nearby. */
export const mollieApiKey = prefixedToken({
  id: 'mollie-api-key',
  name: 'Mollie API key',
  severity: 'critical',
  keywords: ['mollie'],
  pattern: `\\b(?:live_${rep('[A-Za-z0-9]', 30)}|test_${rep('[A-Za-z0-9]', 30)}|access_${rep('[A-Za-z0-9]', 40)})\\b`,
  prefixLength: 5,
  minEntropy: 3.5,
  contextWords: ['mollie'],
  // Mollie's documentation key, assembled so that scanners reading this file do not flag it.
  examples: [['test_dHar4XY7Lx', 'sDOtmnkVtjNVWXLSlXsM'].join('')],
  description: 'live_/test_ and 30 alphanumerics, or access_ and 40; only where Mollie is named near it.',
});

export const paymentDetectors: readonly Detector[] = [
  squareAccessToken,
  squareOauthSecret,
  braintreeAccessToken,
  braintreeTokenizationKey,
  braintreePrivateKey,
  paypalClientSecret,
  adyenApiKey,
  shopifyAccessToken,
  shopifyCustomAppToken,
  shopifyPrivateAppToken,
  shopifySharedSecret,
  plaidAccessToken,
  plaidSecret,
  coinbaseApiSecret,
  flutterwaveSecretKey,
  flutterwaveEncryptionKey,
  razorpayKeySecret,
  paystackSecretKey,
  gocardlessAccessToken,
  mollieApiKey,
];
