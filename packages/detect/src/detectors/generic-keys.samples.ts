import { ALNUM, chars, DIGITS, HEX } from '../../eval/random.ts';
import { carried, secretChars, uuid } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

/** A vendor key's random part: base62 with at least one digit and one letter. */
const key = (n: number) => (r: Rng) =>
  `${secretChars(r, ALNUM, n - 2)}${chars(r, DIGITS, 1)}${chars(r, 'abcdefghjk', 1)}`;

export const samples: FamilySamples = {
  'generic-key': {
    truePositives: [
      ...carried(key(32), 'FIREBASE_KEY', [
        (v) => `export FIREBASE_KEY=${v}`,
        (v) => `FIREBASE_KEY = "${v}"`,
        (v) => `  firebase_key: '${v}'`,
      ]),
      ...carried(key(24), 'license_key', [
        (v) => `license_key: ${v}`,
        (v) => `{"licenseKey": "${v}", "seats": 25}`,
        (v) => `<add key="LicenseKey" value="${v}" />`,
      ]),
      ...carried(key(40), 'consumerKey', [
        (v) => `val consumerKey: String = "${v}"`,
        (v) => `maps.key=${v}`,
        (v) => `  "key": "${v}",`,
      ]),
    ],
    nearMisses: [
      'primary_key: user_id_and_tenant_id_2024',
      'cache_key = "sessions:v2:5f2b9c1e7a4d8e3b6c0f1a2d"',
      (r) => `"key": "${chars(r, HEX, 32)}"`,
      (r) => `KMS_KEY = "${uuid(r)}"`,
      (r) => `instrumentation_key: ${uuid(r)}`,
      'public_key: AAAAC3NzaC1lZDI1NTE5AAAAIGx4dWZ0c2Vjb25kZmFrZWtleTEyMzQ1Njc4OTA',
      'site_key = "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI"',
      'translation_key: checkout.summary.total_label2',
      'MONKEY=bananas4ever2024abcdefgh',
      'sort_key: created_at#2024-05-01T10:00:00Z',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell reference is the input
      'FIREBASE_KEY=${FIREBASE_KEY}',
      'license_key: YOUR_LICENSE_KEY_HERE',
      'key: value',
      'key = short1',
    ],
  },
};
