import { ALNUM, chars, DIGITS, HEX, int, pick, plant, real } from '../../eval/random.ts';
import { carried, secretChars } from './sample-kit.ts';
import type { FamilySamples } from './samples.ts';

export const samples: FamilySamples = {
  'generic-secret': {
    truePositives: [
      (r) => {
        const value = real(() => chars(r, ALNUM, 1) + chars(r, `${ALNUM}!#%&*@^~`, int(r, 9, 23)));
        return plant(
          'db_password',
          (v) => pick(r, [`db_password = "${v}"`, `SECRET: ${v}`, `"apiKey": "${v}"`]),
          value,
        );
      },
      ...carried(
        (r) => `${secretChars(r, ALNUM, 8)}#${secretChars(r, ALNUM, 9)}${chars(r, DIGITS, 1)}`,
        'ParameterValue',
        [(v) => `  {\n    "ParameterKey": "DBMasterPassword",\n    "ParameterValue": "${v}"\n  },`],
      ),
      ...carried((r) => `${secretChars(r, ALNUM, 30)}${chars(r, DIGITS, 1)}x`, 'githubToken', [
        (v) => `var githubToken string = "${v}"`,
        (v) => `val apiToken: String = "${v}"`,
        (v) => `const API_TOKEN: &str = "${v}";`,
        (v) => `billing,db_password,${v},active`,
        (v) => `bind 127.0.0.1\nrequirepass ${v}\nappendonly yes`,
        (v) => `curl -s --api-key ${v} https://api.example.com/v1/items`,
      ]),
    ],
    nearMisses: [
      'password = changeme',
      'password: "<your-password>"',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell reference is the input
      'DB_PASSWORD=${DB_PASSWORD}',
      'secret: {{ vault_secret }}',
      'api_key = "YOUR_API_KEY_HERE"',
      'password: null',
      'password = process.env.DB_PASSWORD',
      'secret = "xxxxxxxxxxxx"',
      'card ************1234',
      'ssn ***-**-6789',
      'password: ********',
      'token: null',
      'iban DE** **** **** 3000',
      'token,description,owner',
      'def refresh(token, previousToken):',
      'var githubToken string = os.Getenv("GITHUB_TOKEN")',
      'docker login --password-stdin --username ci',
      'requirepass foobared',
      (r) => `PUSHER_APP_ID=${chars(r, DIGITS, 7)}\nPUSHER_APP_KEY=${chars(r, HEX, 20)}`,
      (r) => `ALGOLIA_SEARCH_API_KEY=${chars(r, HEX, 32)}`,
      (r) => `NEXT_PUBLIC_MAPBOX_TOKEN=pk.eyJ1Ijoi${chars(r, ALNUM, 30)}.${chars(r, ALNUM, 22)}`,
      (r) => `checksum_sha1 = ${chars(r, HEX, 40)} etag "${chars(r, HEX, 32)}"`,
    ],
  },
};
