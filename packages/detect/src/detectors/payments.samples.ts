import { ALNUM, BASE64URL, chars, DIGITS, HEX, LOWER, UPPER } from '../../eval/random.ts';
import { plant, uuid } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

const HEXU = `${HEX}ABCDEF`;

export const samples: FamilySamples = {
  'square-access-token': {
    truePositives: [
      (r) =>
        plant('SQUARE_ACCESS_TOKEN', (v) => `SQUARE_ACCESS_TOKEN=${v}`, `EAAA${chars(r, `${ALNUM}-_`, 60)}`),
      (r) =>
        plant(
          'access_token',
          (v) => `square:\n  environment: production\n  access_token: "${v}"`,
          `sq0atp-${chars(r, `${ALNUM}-_`, 22)}`,
        ),
    ],
    nearMisses: [
      'SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `EAAB${chars(r, ALNUM, 60)} is a Facebook page token`,
      'access_token: sq0atp-YOUR_ACCESS_TOKEN',
    ],
  },
  'square-oauth-secret': {
    truePositives: [
      (r) =>
        plant('SQUARE_APP_SECRET', (v) => `SQUARE_APP_SECRET=${v}`, `sq0csp-${chars(r, `${ALNUM}-_`, 43)}`),
      (r) =>
        plant(
          'application_secret',
          (v) => `{"application_secret": "${v}"}`,
          `sq0csp-${chars(r, `${ALNUM}-_`, 43)}`,
        ),
    ],
    nearMisses: [
      (r) => `square oauth: sq0csp-${chars(r, ALNUM, 20)}`,
      'application_secret: sq0csp-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
    ],
  },
  'braintree-access-token': {
    truePositives: [
      (r) =>
        plant(
          'BRAINTREE_ACCESS_TOKEN',
          (v) => `BRAINTREE_ACCESS_TOKEN=${v}`,
          `access_token$production$${chars(r, LOWER + DIGITS, 16)}$${chars(r, HEX, 32)}`,
        ),
      (r) =>
        plant(
          'accessToken',
          (v) => `gateway = braintree.BraintreeGateway(access_token="${v}")`,
          `access_token$sandbox$${chars(r, LOWER + DIGITS, 16)}$${chars(r, HEX, 32)}`,
        ),
    ],
    nearMisses: [
      'BRAINTREE_ACCESS_TOKEN=access_token$production$xxxxxxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `access_token$staging$${chars(r, LOWER + DIGITS, 16)} names no Braintree environment`,
    ],
  },
  'braintree-tokenization-key': {
    truePositives: [
      (r) =>
        plant(
          'authorization',
          (v) => `braintree.client.create({ authorization: '${v}' });`,
          `sandbox_${chars(r, LOWER + DIGITS, 8)}_${chars(r, LOWER + DIGITS, 16)}`,
        ),
      (r) =>
        plant(
          'BRAINTREE_TOKENIZATION_KEY',
          (v) => `BRAINTREE_TOKENIZATION_KEY=${v}`,
          `production_${chars(r, LOWER + DIGITS, 8)}_${chars(r, LOWER + DIGITS, 16)}`,
        ),
    ],
    nearMisses: ['if sandbox_settings_override_flag_enabled:', 'production_database_connectionpoolsize = 10'],
  },
  'braintree-private-key': {
    truePositives: [
      (r) => plant('BRAINTREE_PRIVATE_KEY', (v) => `BRAINTREE_PRIVATE_KEY=${v}`, chars(r, HEX, 32)),
      (r) => plant('braintree_private_key', (v) => `  braintree_private_key: "${v}"`, chars(r, HEX, 32)),
    ],
    nearMisses: [
      `BRAINTREE_PRIVATE_KEY=\${BRAINTREE_PRIVATE_KEY}`,
      "braintree_private_key: '<use_your_private_key>'",
    ],
  },
  'paypal-client-secret': {
    truePositives: [
      (r) => plant('PAYPAL_CLIENT_SECRET', (v) => `PAYPAL_CLIENT_SECRET=${v}`, `E${chars(r, BASE64URL, 79)}`),
      (r) =>
        plant('paypal.client-secret', (v) => `paypal.client-secret=${v}`, `E${chars(r, `${ALNUM}-_`, 79)}`),
    ],
    nearMisses: [
      'PAYPAL_CLIENT_SECRET=your-paypal-client-secret-goes-here-please',
      "paypal_client_secret = os.environ['PAYPAL_CLIENT_SECRET']",
    ],
  },
  'adyen-api-key': {
    truePositives: [
      (r) =>
        plant(
          'ADYEN_API_KEY',
          (v) => `ADYEN_API_KEY=${v}`,
          `AQE${chars(r, ALNUM, 6)}${chars(r, `${ALNUM}+/`, 80)}==-${chars(r, `${ALNUM}+/`, 43)}=-${chars(r, ALNUM, 12)}`,
        ),
      (r) =>
        plant(
          'apiKey',
          (v) => `# Adyen checkout\nadyen:\n  apiKey: "${v}"`,
          `AQE${chars(r, ALNUM, 6)}.${chars(r, `${ALNUM}_-`, 70)}`,
        ),
    ],
    nearMisses: [
      (r) => `ADYEN_MERCHANT_ACCOUNT=Acme${chars(r, UPPER, 6)}ECOM`,
      'adyen api key: AQExxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
  'shopify-access-token': {
    truePositives: [
      (r) => plant('SHOPIFY_ACCESS_TOKEN', (v) => `SHOPIFY_ACCESS_TOKEN=${v}`, `shpat_${chars(r, HEX, 32)}`),
      (r) =>
        plant('X-Shopify-Access-Token', (v) => `X-Shopify-Access-Token: ${v}`, `shpat_${chars(r, HEXU, 32)}`),
    ],
    nearMisses: [
      'SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `shpat_${chars(r, HEX, 24)}`,
    ],
  },
  'shopify-custom-app-token': {
    truePositives: [
      (r) => plant('SHOPIFY_TOKEN', (v) => `SHOPIFY_TOKEN="${v}"`, `shpca_${chars(r, HEX, 32)}`),
      (r) =>
        plant(
          'token',
          (v) => `{"shop": "acme.myshopify.com", "token": "${v}"}`,
          `shpca_${chars(r, HEX, 32)}`,
        ),
    ],
    nearMisses: ['SHOPIFY_TOKEN=shpca_<token>', (r) => `shpca_${chars(r, ALNUM, 32)}`],
  },
  'shopify-private-app-token': {
    truePositives: [
      (r) => plant('SHOPIFY_PASSWORD', (v) => `SHOPIFY_PASSWORD=${v}`, `shppa_${chars(r, HEX, 32)}`),
      (r) => plant('password', (v) => `shopify:\n  password: ${v}`, `shppa_${chars(r, HEX, 32)}`),
    ],
    nearMisses: ['shppa_00000000000000000000000000000000', (r) => `shppa_${chars(r, HEX, 31)}`],
  },
  'shopify-shared-secret': {
    truePositives: [
      (r) => plant('SHOPIFY_API_SECRET', (v) => `SHOPIFY_API_SECRET=${v}`, `shpss_${chars(r, HEX, 32)}`),
      (r) => plant('shared_secret', (v) => `shared_secret = '${v}'`, `shpss_${chars(r, HEX, 32)}`),
    ],
    nearMisses: ['shpss_abcdefabcdefabcdefabcdefabcdefab', 'shpss_ is the prefix of Shopify shared secrets'],
  },
  'plaid-access-token': {
    truePositives: [
      (r) => plant('PLAID_ACCESS_TOKEN', (v) => `PLAID_ACCESS_TOKEN=${v}`, `access-production-${uuid(r)}`),
      (r) =>
        plant('access_token', (v) => `{"access_token": "${v}", "item_id": "x"}`, `access-sandbox-${uuid(r)}`),
    ],
    nearMisses: [
      'PLAID_ACCESS_TOKEN=access-sandbox-00000000-0000-0000-0000-000000000000',
      (r) => `request_id: access-staging-${uuid(r)}`,
    ],
  },
  'plaid-secret': {
    truePositives: [
      (r) => plant('PLAID_SECRET', (v) => `PLAID_SECRET=${v}`, chars(r, HEX, 30)),
      (r) => plant('plaid_secret', (v) => `  plaid_secret_production: '${v}'`, chars(r, HEX, 30)),
    ],
    nearMisses: ['PLAID_SECRET=', 'PLAID_SECRET=your_plaid_secret_here'],
  },
  'coinbase-api-secret': {
    truePositives: [
      (r) => plant('COINBASE_API_SECRET', (v) => `COINBASE_API_SECRET=${v}`, chars(r, ALNUM, 32)),
      (r) =>
        plant('coinbase_access_token', (v) => `coinbase_access_token: "${v}"`, chars(r, `${ALNUM}_-`, 64)),
    ],
    nearMisses: [`COINBASE_API_SECRET=\${COINBASE_API_SECRET}`, 'coinbase_api_secret: "<your api secret>"'],
  },
  'flutterwave-secret-key': {
    truePositives: [
      (r) =>
        plant(
          'FLW_SECRET_KEY',
          (v) => `FLW_SECRET_KEY=${v}`,
          `FLWSECK-${chars(r, 'abcdefgh0123456789', 32)}-X`,
        ),
      (r) =>
        plant(
          'secret_key',
          (v) => `flutterwave:\n  secret_key: ${v}`,
          `FLWSECK_TEST-${chars(r, 'abcdefgh0123456789', 32)}-X`,
        ),
    ],
    nearMisses: [
      'FLW_SECRET_KEY=FLWSECK_TEST-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX-X',
      'FLW_PUBLIC_KEY=FLWPUBK_TEST-SANDBOXDEMOKEY-X',
    ],
  },
  'flutterwave-encryption-key': {
    truePositives: [
      (r) =>
        plant(
          'FLW_ENCRYPTION_KEY',
          (v) => `FLW_ENCRYPTION_KEY=${v}`,
          `FLWSECK_TEST${chars(r, 'abcdefgh0123456789', 12)}`,
        ),
      (r) =>
        plant(
          'encryption_key',
          (v) => `"encryption_key": "${v}"`,
          `FLWSECK${chars(r, 'abcdefgh0123456789', 12)}`,
        ),
    ],
    nearMisses: ['FLW_ENCRYPTION_KEY=FLWSECK_TESTxxxxxxxxxxxx', 'FLW_ENCRYPTION_KEY=FLWSECK_TEST'],
  },
  'razorpay-key-secret': {
    truePositives: [
      (r) => plant('RAZORPAY_KEY_SECRET', (v) => `RAZORPAY_KEY_SECRET=${v}`, chars(r, ALNUM, 24)),
      (r) => plant('razorpay_secret', (v) => `razorpay_secret = "${v}"`, chars(r, ALNUM, 24)),
    ],
    nearMisses: ['RAZORPAY_KEY_ID=rzp_test_1DP5mmOlF5G5ag', 'RAZORPAY_KEY_SECRET=<razorpay_key_secret_here>'],
  },
  'paystack-secret-key': {
    truePositives: [
      (r) => plant('PAYSTACK_SECRET_KEY', (v) => `PAYSTACK_SECRET_KEY=${v}`, `sk_live_${chars(r, HEX, 40)}`),
      (r) => plant('secretKey', (v) => `const paystack = Paystack('${v}');`, `sk_test_${chars(r, HEX, 40)}`),
    ],
    nearMisses: [
      'PAYSTACK_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `pk_live_${chars(r, HEX, 40)}`,
    ],
  },
  'gocardless-access-token': {
    truePositives: [
      (r) =>
        plant(
          'GOCARDLESS_ACCESS_TOKEN',
          (v) => `GOCARDLESS_ACCESS_TOKEN=${v}`,
          `live_${chars(r, `${ALNUM}-_`, 40)}`,
        ),
      (r) =>
        plant(
          'gocardless_access_token',
          (v) => `client = gocardless_pro.Client(access_token="${v}", environment="sandbox")`,
          `sandbox_${chars(r, ALNUM, 40)}`,
        ),
    ],
    nearMisses: [
      'GOCARDLESS_ACCESS_TOKEN=live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'gocardless environment: live_mode',
    ],
  },
  'mollie-api-key': {
    truePositives: [
      (r) => plant('MOLLIE_API_KEY', (v) => `MOLLIE_API_KEY=${v}`, `live_${chars(r, ALNUM, 30)}`),
      (r) => plant('mollie_key', (v) => `$mollie->setApiKey("${v}");`, `test_${chars(r, ALNUM, 30)}`),
    ],
    nearMisses: [
      `$mollie->setApiKey('${['test_dHar4XY7Lx', 'sDOtmnkVtjNVWXLSlXsM'].join('')}'); // from Mollie's docs`,
      'MOLLIE_API_KEY=live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};
