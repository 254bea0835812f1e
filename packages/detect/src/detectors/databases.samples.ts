import { ALNUM, chars, DIGITS, HEX, LOWER, pick } from '../../eval/random.ts';
import { plant, uuid } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

const PUNCT = '!#%*+-_.~^';

/** A password as people and generators choose them: letters, digits and some punctuation. */
function password(r: Rng, n = 16): string {
  return `${chars(r, ALNUM, n - 2)}${chars(r, PUNCT, 1)}${chars(r, DIGITS, 1)}`;
}

export const samples: FamilySamples = {
  'mongodb-atlas-api-key': {
    truePositives: [
      (r) => plant('MONGODB_ATLAS_PRIVATE_API_KEY', (v) => `MONGODB_ATLAS_PRIVATE_API_KEY=${v}`, uuid(r)),
      (r) =>
        plant(
          'private_key',
          (v) =>
            `provider "mongodbatlas" {\n  public_key  = "${chars(r, LOWER, 8)}"\n  atlas_private_key = "${v}"\n}`,
          uuid(r),
        ),
    ],
    nearMisses: [
      `MONGODB_ATLAS_PRIVATE_API_KEY=\${var.atlas_private_key}`,
      'ATLAS_PRIVATE_KEY=00000000-0000-0000-0000-000000000000',
    ],
  },
  'planetscale-password': {
    truePositives: [
      (r) =>
        plant(
          'DATABASE_PASSWORD',
          (v) => `DATABASE_PASSWORD=${v}`,
          `pscale_pw_${chars(r, `${ALNUM}_-`, 43)}`,
        ),
      (r) =>
        plant(
          'url',
          (v) =>
            `DATABASE_URL="mysql://${chars(r, LOWER, 12)}:${v}@aws.connect.psdb.cloud/app?sslaccept=strict"`,
          `pscale_pw_${chars(r, ALNUM, 43)}`,
        ),
    ],
    nearMisses: [
      'DATABASE_PASSWORD=pscale_pw_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `pscale_pw_${chars(r, ALNUM, 12)}`,
    ],
  },
  'planetscale-api-token': {
    truePositives: [
      (r) =>
        plant(
          'PLANETSCALE_SERVICE_TOKEN',
          (v) => `PLANETSCALE_SERVICE_TOKEN=${v}`,
          `pscale_tkn_${chars(r, `${ALNUM}_-`, 43)}`,
        ),
      (r) =>
        plant('token', (v) => `planetscale:\n  service_token: ${v}`, `pscale_tkn_${chars(r, ALNUM, 43)}`),
    ],
    nearMisses: ['PLANETSCALE_SERVICE_TOKEN=pscale_tkn_<token>', 'pscale_tkn_ is the service token prefix'],
  },
  'planetscale-oauth-token': {
    truePositives: [
      (r) =>
        plant(
          'PLANETSCALE_OAUTH_TOKEN',
          (v) => `PLANETSCALE_OAUTH_TOKEN=${v}`,
          `pscale_oauth_${chars(r, `${ALNUM}_-`, 43)}`,
        ),
      (r) =>
        plant(
          'access_token',
          (v) => `{"access_token": "${v}", "token_type": "Bearer"}`,
          `pscale_oauth_${chars(r, ALNUM, 43)}`,
        ),
    ],
    nearMisses: [
      'pscale_oauth_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      (r) => `pscale_oauth_${chars(r, ALNUM, 16)}`,
    ],
  },
  'databricks-api-token': {
    truePositives: [
      (r) => plant('DATABRICKS_TOKEN', (v) => `DATABRICKS_TOKEN=${v}`, `dapi${chars(r, HEX, 32)}`),
      (r) =>
        plant(
          'token',
          (v) => `[DEFAULT]\nhost = https://adb-${chars(r, DIGITS, 16)}.7.azuredatabricks.net\ntoken = ${v}`,
          `dapi${chars(r, HEX, 32)}-2`,
        ),
    ],
    nearMisses: ['DATABRICKS_TOKEN=dapixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', (r) => `dapi${chars(r, HEX, 20)}`],
  },
  'snowflake-password': {
    truePositives: [
      (r) => plant('SNOWFLAKE_PASSWORD', (v) => `SNOWFLAKE_PASSWORD=${v}`, password(r)),
      (r) => plant('snowflake_password', (v) => `  snowflake_password: "${v}"`, password(r, 20)),
    ],
    nearMisses: [
      'SNOWFLAKE_PASSWORD="{{ env_var(\'SNOWFLAKE_PASSWORD\') }}"',
      `SNOWFLAKE_PASSWORD=\${SNOWFLAKE_PASSWORD}`,
    ],
  },
  'connection-string-password': {
    truePositives: [
      (r) =>
        plant(
          'ConnectionStrings',
          (v) =>
            `"DefaultConnection": "Server=tcp:${chars(r, LOWER, 8)}.database.windows.net,1433;Initial Catalog=app;User ID=app;Password=${v};Encrypt=True;"`,
          password(r),
        ),
      (r) =>
        plant(
          'jdbc',
          (v) => `jdbc.url=jdbc:postgresql://db:5432/app?user=app&password=${v}&ssl=true`,
          password(r),
        ),
      (r) =>
        plant(
          'odbc',
          (v) => `DRIVER={ODBC Driver 18 for SQL Server};SERVER=db;DATABASE=app;UID=sa;PWD=${v}`,
          password(r),
        ),
      (r) =>
        plant(
          'dsn',
          (v) => `dsn = "host=db.internal port=5432 dbname=app user=app password=${v} sslmode=require"`,
          password(r),
        ),
    ],
    nearMisses: [
      `Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=\${DB_PASSWORD};`,
      'Server=localhost;Database=app;Trusted_Connection=True;Password=;',
      'https://example.com/reset?password=',
    ],
  },
  'oracle-connection-password': {
    truePositives: [
      (r) =>
        plant(
          'url',
          (v) =>
            `db.url=jdbc:oracle:thin:${pick(r, ['scott', 'app', 'hr'])}/${v}@//db.internal:1521/ORCLPDB1`,
          password(r),
        ),
      (r) => plant('sqlplus', (v) => `sqlplus -s system/${v}@ORCL @migrate.sql`, password(r, 12)),
    ],
    nearMisses: ['jdbc:oracle:thin:@//db.internal:1521/ORCLPDB1', 'sqlplus /nolog @migrate.sql'],
  },
};
