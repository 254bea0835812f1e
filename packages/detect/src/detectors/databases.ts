import type { Detector, MatchContext } from '../types.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { keyedSecret, prefixedToken } from './keyed-secret.ts';
import { ci, ciAny, nearText, optionalTimes, re, rep } from './pattern-kit.ts';

const HEX = '[0-9a-f]';
const SEP = '[_.-]?';
const UUID = `${rep(HEX, 8)}-${rep(HEX, 4)}-${rep(HEX, 4)}-${rep(HEX, 4)}-${rep(HEX, 12)}`;

const DUMMY = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'test',
  'admin',
  'root',
  'user',
  '****',
  '***',
]);

/**
 * True when a password taken from a connection string or config is plausibly real: not a
 * placeholder, template, reference or masked value.
 */
export function passwordValid(value: string): boolean {
  if (DUMMY.has(value.toLowerCase()) || isPlaceholder(value)) return false;
  // No letter or digit (`...`, `***`), a template (`<password>`), or a type name (`Detector`).
  if (!/[A-Za-z0-9]/.test(value) || /^<|>\.?$/.test(value) || /^(?:[A-Z][a-z]+)+$/.test(value)) return false;
  if (
    /^\$(?:[{(]|[A-Za-z_][A-Za-z0-9_]*$)|^%\(|^%[A-Za-z_]+%$|^\{\{|\}$|^\*+$|^(?:env|ENV|os\.|process\.)|(?:^|[_-])here$/.test(
      value,
    )
  )
    return false;
  // A call (`getpass(`, `env('X')` cut at its quote), not a key that happens to hold `(`.
  return !/^[A-Za-z_][A-Za-z0-9_]*\((?:.*\))?$/.test(value);
}

/** MongoDB Atlas programmatic API private key (a UUID) bound to its name. */
export const mongodbAtlasApiKey = keyedSecret({
  id: 'mongodb-atlas-api-key',
  name: 'MongoDB Atlas API private key',
  severity: 'critical',
  keywords: ['atlas'],
  key: `${ci('atlas')}${SEP}(?:${ci('api')}${SEP})?${ci('private')}${SEP}(?:${ci('api')}${SEP})?${ci('key')}`,
  value: UUID,
  description: 'MONGODB_ATLAS_PRIVATE_API_KEY (or ATLAS_PRIVATE_KEY) and a UUID.',
});

function planetscale(kind: string, id: string, name: string): Detector {
  return prefixedToken({
    id,
    name,
    severity: 'critical',
    keywords: [`pscale_${kind}_`],
    pattern: `(?:^|[^A-Za-z0-9_.-])(pscale_${kind}_${rep('[A-Za-z0-9_.=-]', 32, 64)})(?:[^A-Za-z0-9_.=-]|$)`,
    valueGroup: 1,
    prefixLength: 8 + kind.length,
    minEntropy: 3.5,
    contextWords: ['planetscale', 'pscale', 'database_url'],
    description: `pscale_${kind}_ and 32 to 64 base64url characters.`,
  });
}

export const planetscalePassword = planetscale('pw', 'planetscale-password', 'PlanetScale database password');
export const planetscaleApiToken = planetscale('tkn', 'planetscale-api-token', 'PlanetScale service token');
export const planetscaleOauthToken = planetscale(
  'oauth',
  'planetscale-oauth-token',
  'PlanetScale OAuth token',
);

export const databricksApiToken = prefixedToken({
  id: 'databricks-api-token',
  name: 'Databricks personal access token',
  severity: 'critical',
  keywords: ['dapi'],
  pattern: `\\bdapi${rep(HEX, 32)}(?:-[0-9])?\\b`,
  prefixLength: 4,
  contextWords: ['databricks', 'token'],
  description: 'dapi and 32 hex (a -2 style suffix optional).',
});

/** A Snowflake password assigned to a Snowflake-named setting (URLs go to url-credentials). */
export const snowflakePassword: Detector = {
  ...keyedSecret({
    id: 'snowflake-password',
    name: 'Snowflake password',
    severity: 'high',
    keywords: ['snowflake'],
    key: `${ci('snowflake')}${SEP}(?:${ciAny(['user', 'db', 'account'])}${SEP})?${ciAny(['password', 'passwd', 'pwd'])}`,
    value: rep('[^\\s"\'`,;<>\\\\]', 6, 128),
    description: 'SNOWFLAKE_PASSWORD and a value.',
  }),
  validate: (value) => passwordValid(value) && looksRandom(value, { minEntropy: 2.5, minClasses: 2 }),
};

/** Keys that only a connection string holds beside its password. */
const CONNECTION_KEYS = [
  'server=',
  'data source=',
  'datasource=',
  'host=',
  'hostname=',
  'address=',
  'addr=',
  'uid=',
  'user id=',
  'userid=',
  'user=',
  'username=',
  'database=',
  'initial catalog=',
  'driver=',
  'driver={',
  'dsn=',
  'dbname=',
  'jdbc:',
  'port=',
];

/** True when the line around a `Password=` holds another connection-string key. */
function inConnectionString(ctx: MatchContext): boolean {
  const line = nearText(ctx).replace(/\s*=\s*/g, '=');
  return CONNECTION_KEYS.some((k) => line.includes(k));
}

/**
 * The password of a key=value connection string: ADO.NET / SQL Server (`Server=...;Password=`),
 * ODBC (`Pwd={...}`), JDBC parameters (`?user=...&password=`) and libpq keyword strings
 * (`host=... password=...`). URL forms (`postgres://user:pass@host`) are url-credentials'.
 */
export const connectionStringPassword: Detector = {
  id: 'connection-string-password',
  validator: 'not a placeholder or reference',
  example: 'Server=host;User Id=u;Password=<password>',
  name: 'Password in a connection string',
  category: 'credentials',
  severity: 'high',
  keywords: ['password=', 'pwd=', 'password =', 'pwd ='],
  pattern: re(
    `(?:^|[;?&"'\\s{])${ciAny(['password', 'pwd'])}[ \\t]{0,2}=[ \\t]{0,2}(\\{${rep('[^}\\n]', 1, 128)}\\}|[^;&"'\\s<>{},]${rep('[^;&"\'\\s<>,]', 3, 127)})`,
  ),
  valueGroup: 1,
  validate: (value, ctx) => {
    const bare = value.startsWith('{') ? value.slice(1, -1) : value;
    // `password= user=` in a usage list: the value is the next key.
    if (/^[A-Za-z_]+=$/.test(bare)) return false;
    return passwordValid(bare) && inConnectionString(ctx);
  },
  contextWords: ['connection', 'connectionstring', 'jdbc', 'odbc', 'server', 'data source'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  description: 'Password= or Pwd= in a string that also holds Server=, Host=, User Id=, Database= or jdbc:.',
};

/** Oracle `user/password@host` after `jdbc:oracle:thin:` or `sqlplus`. */
export const oracleConnectionPassword: Detector = {
  id: 'oracle-connection-password',
  validator: 'not a placeholder or reference',
  example: 'user/<password>@host:1521/service',
  name: 'Oracle connection password',
  category: 'credentials',
  severity: 'high',
  keywords: ['thin:', 'sqlplus'],
  pattern: re(
    `(?:${ci('thin')}:|${ci('sqlplus')}[ \\t]{1,4}${optionalTimes('-[sSlL][ \\t]{1,4}', 2)})${rep('[A-Za-z0-9_$#]', 1, 30)}/(${rep('[^@\\s/"\']', 1, 128)})@`,
  ),
  valueGroup: 1,
  validate: passwordValid,
  contextWords: ['oracle', 'jdbc', 'sqlplus'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  description: 'jdbc:oracle:thin:user/password@host or sqlplus user/password@db.',
};

export const databaseDetectors: readonly Detector[] = [
  mongodbAtlasApiKey,
  planetscalePassword,
  planetscaleApiToken,
  planetscaleOauthToken,
  databricksApiToken,
  snowflakePassword,
  connectionStringPassword,
  oracleConnectionPassword,
];
