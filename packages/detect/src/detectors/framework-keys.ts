import type { Detector } from '../types.ts';
import { isPlaceholder } from '../validators/placeholder.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { passwordValid } from './databases.ts';
import { ci, OPEN_QUOTE, optionalTimes, QUOTE_MARK, QUOTES, re, rep } from './pattern-kit.ts';

/** Characters of a framework key in code: anything but quotes, blanks, backslashes and commas. */
const KEY_CHARS = '[^\'"`\\s\\\\,]';
/** An assignment on one line: `=`, `:` or `=>` with blanks. */
const ASSIGN = `${QUOTES}[ \\t]{0,4}(?:=|:|=>)[ \\t]{0,4}`;

/** True when a framework key is a literal secret, not code that reads one (`os.environ[...]`). */
function literalKey(value: string): boolean {
  if (!passwordValid(value)) return false;
  if (/^(?:os\.|env\(|getenv|config\(|settings\.|ENV\[|Rails\.|%env\()/i.test(value)) return false;
  return looksRandom(value, { minEntropy: 3, minClasses: 2 });
}

/**
 * Django's `SECRET_KEY` in settings (or `DJANGO_SECRET_KEY` in the environment). Keys that
 * `startproject` generates begin `django-insecure-`: they are still the signing key of any site
 * that runs with them, so they are reported at the same severity with a lower confidence.
 */
export const djangoSecretKey: Detector = {
  id: 'django-secret-key',
  validator: 'entropy, not a placeholder',
  example: "SECRET_KEY = '<50 characters>'",
  name: 'Django SECRET_KEY',
  category: 'credentials',
  severity: 'high',
  keywords: ['secret_key'],
  pattern: re(
    `(?:\\b|\\\\[nrt])(?:DJANGO_)?SECRET_KEY${ASSIGN}(?:[rbu]?${QUOTE_MARK})?(${rep(KEY_CHARS, 24, 128)})`,
  ),
  valueGroup: 1,
  validate: (value) => {
    if (!literalKey(value.replace(/^django-insecure-/, ''))) return false;
    return { valid: true, confidence: value.startsWith('django-insecure-') ? 0.75 : 0.85 };
  },
  contextWords: ['django', 'settings'],
  baseConfidence: 0.85,
  mask: { keepStart: 2, keepEnd: 2 },
  description: 'SECRET_KEY = "<24 to 128 characters>" (Django generates 50, prefixed django-insecure-).',
};

/** Flask's `app.secret_key`, `app.config["SECRET_KEY"]` or `FLASK_SECRET_KEY`. */
export const flaskSecretKey: Detector = {
  id: 'flask-secret-key',
  validator: 'entropy, not a placeholder',
  example: "app.secret_key = '<random>'",
  name: 'Flask secret key',
  category: 'credentials',
  severity: 'high',
  keywords: ['secret_key'],
  pattern: re(
    `(?:\\.secret_key|config\\[\\\\{0,2}['"]{1,2}SECRET_KEY\\\\{0,2}['"]{1,2}\\]|\\bFLASK_SECRET_KEY)${ASSIGN}(?:[rbu]?${QUOTE_MARK})?(${rep(KEY_CHARS, 16, 128)})`,
  ),
  valueGroup: 1,
  validate: literalKey,
  contextWords: ['flask', 'app'],
  baseConfidence: 0.85,
  mask: { keepStart: 2, keepEnd: 2 },
  description: 'app.secret_key = "...", app.config["SECRET_KEY"] = "..." or FLASK_SECRET_KEY=...',
};

export const railsSecretKeyBase: Detector = {
  id: 'rails-secret-key-base',
  validator: '128 hex digits',
  example: 'secret_key_base: <128 hex digits>',
  name: 'Rails secret_key_base',
  category: 'credentials',
  severity: 'critical',
  keywords: ['secret_key_base'],
  pattern: re(`${ci('secret_key_base')}${ASSIGN}${OPEN_QUOTE}(${rep('[0-9a-f]', 64, 128)})\\b`),
  valueGroup: 1,
  validate: (value) => looksRandom(value, { minEntropy: 3.3, minClasses: 1 }),
  contextWords: ['rails', 'production', 'secrets'],
  baseConfidence: 0.9,
  mask: { keepStart: 2, keepEnd: 2 },
  description: 'secret_key_base: <64 to 128 hex> (secrets.yml, credentials, SECRET_KEY_BASE).',
};

/**
 * The key of Rails' encrypted credentials. `config/master.key` holds 32 hex alone, which text
 * cannot tell from any other hex: only the `RAILS_MASTER_KEY` setting is reported.
 */
export const railsMasterKey: Detector = {
  id: 'rails-master-key',
  validator: '32 hex digits, entropy',
  example: 'RAILS_MASTER_KEY=<32 hex digits>',
  name: 'Rails master key',
  category: 'credentials',
  severity: 'critical',
  keywords: ['rails_master_key'],
  pattern: re(`${ci('rails_master_key')}${ASSIGN}${OPEN_QUOTE}(${rep('[0-9a-f]', 32)})\\b`),
  valueGroup: 1,
  validate: (value) => looksRandom(value, { minEntropy: 3, minClasses: 1 }),
  contextWords: ['rails', 'credentials'],
  baseConfidence: 0.9,
  mask: { keepStart: 2, keepEnd: 2 },
  description: 'RAILS_MASTER_KEY=<32 hex>.',
};

/** Laravel's `APP_KEY` (`base64:` and 32 random bytes), the key of its encrypter. */
export const laravelAppKey: Detector = {
  id: 'laravel-app-key',
  validator: 'base64 of 16 or 32 bytes',
  example: 'APP_KEY=base64:<44 characters>',
  name: 'Laravel APP_KEY',
  category: 'credentials',
  severity: 'critical',
  keywords: ['base64:'],
  pattern: re(`\\b(base64:${rep('[A-Za-z0-9+/]', 43)}=)`),
  valueGroup: 1,
  // The value is the whole setting, `base64:` included, as it is pasted and rotated.
  validate: (value) => {
    const key = value.slice('base64:'.length);
    return Buffer.from(key, 'base64').length === 32 && looksRandom(key, { minEntropy: 4, minClasses: 3 });
  },
  contextWords: ['app_key', 'laravel', 'key'],
  baseConfidence: 0.85,
  mask: { keepStart: 9, keepEnd: 2 },
  description: 'base64: and 44 characters (32 bytes), as APP_KEY holds it.',
};

const WP_NAMES = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'];

/** True when a WordPress salt is not the shipped `put your unique phrase here`. */
function wordpressSaltValid(value: string): boolean {
  return !/unique phrase/i.test(value) && !isPlaceholder(value) && looksRandom(value, { minEntropy: 4 });
}

/** WordPress authentication keys and salts: `define( 'AUTH_KEY', '...' );` in wp-config.php. */
export const wordpressSalt: Detector = {
  id: 'wordpress-salt',
  validator: 'entropy, not the default phrase',
  example: "define('AUTH_KEY', '<64 characters>')",
  name: 'WordPress authentication key or salt',
  category: 'credentials',
  severity: 'high',
  keywords: ['auth_key', 'auth_salt', 'logged_in_key', 'logged_in_salt', 'nonce_key', 'nonce_salt'],
  pattern: re(
    `(?:\\b|\\\\[nrt])define\\([ \\t]{0,4}\\\\{0,2}['"]{1,2}(?:${WP_NAMES.join('|')})_(?:KEY|SALT)\\\\{0,2}['"]{1,2}[ \\t]{0,4},[ \\t]{0,16}\\\\{0,2}['"]{1,2}(${rep('[^\'"\\n\\\\]', 16, 128)})\\\\{0,2}['"]{1,2}`,
  ),
  valueGroup: 1,
  validate: wordpressSaltValid,
  contextWords: ['wordpress', 'wp-config'],
  baseConfidence: 0.9,
  mask: { keepStart: 2, keepEnd: 2 },
  description: "define( 'AUTH_KEY', '<64 characters>' ) and the other seven keys and salts.",
};

/** `define('DB_PASSWORD', '...')` and other PHP constants named as passwords or secrets. */
export const phpDefinePassword: Detector = {
  id: 'php-define-password',
  validator: 'not a placeholder',
  example: 'define() of a *_PASSWORD constant in PHP settings',
  name: 'PHP define() password or secret',
  category: 'credentials',
  severity: 'high',
  keywords: ["define('", 'define("', "define( '", 'define( "', 'define(\\"', 'define( \\"'],
  pattern: re(
    `(?:\\b|\\\\[nrt])define\\([ \\t]{0,4}\\\\{0,2}['"]{1,2}${rep('[A-Z0-9_]', 0, 32)}(?:PASSWORD|PASSWD|PASS|PWD|SECRET)[A-Z0-9_]{0,16}\\\\{0,2}['"]{1,2}[ \\t]{0,4},[ \\t]{0,16}\\\\{0,2}['"]{1,2}(${rep('[^\'"\\n\\\\]', 4, 128)})\\\\{0,2}['"]{1,2}`,
  ),
  valueGroup: 1,
  validate: (value) => passwordValid(value) && looksRandom(value, { minEntropy: 2, minClasses: 1 }),
  contextWords: ['db_password', 'database', 'mysql'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  description: "define('DB_PASSWORD', '...') and other *_PASSWORD / *_SECRET constants.",
};

/** Symfony's `APP_SECRET` in `.env` (32 hex by default). */
export const symfonyAppSecret: Detector = {
  id: 'symfony-app-secret',
  validator: 'entropy, not a placeholder',
  example: 'APP_SECRET=<32 hex digits>',
  name: 'Symfony APP_SECRET',
  category: 'credentials',
  severity: 'high',
  keywords: ['app_secret'],
  pattern: re(`(?:\\b|\\\\[nrt])APP_SECRET${ASSIGN}${OPEN_QUOTE}(${rep('[A-Za-z0-9]', 16, 64)})\\b`),
  valueGroup: 1,
  validate: (value) => looksRandom(value, { minEntropy: 3, minClasses: 2 }),
  contextWords: ['symfony', 'app_env'],
  baseConfidence: 0.85,
  mask: { keepStart: 2, keepEnd: 2 },
  description: 'APP_SECRET=<16 to 64 alphanumerics> (Symfony generates 32 hex).',
};

/** One YAML line inside a block (`  url: jdbc:...`), to be skipped on the way to `password:`. */
const YAML_LINE = `[ \\t]{1,16}${rep('[A-Za-z0-9_-]', 1, 32)}:${rep('[^\\n\\\\]', 0, 160)}(?:\\n|\\\\n)`;

/**
 * A Spring Boot password: `spring.<area>.password=` in properties, `SPRING_<AREA>_PASSWORD` in the
 * environment, or `password:` up to six lines under `datasource:` in application.yml.
 */
export const springPassword: Detector = {
  id: 'spring-password',
  validator: 'not a placeholder or ${...} reference',
  example: 'spring.datasource.password=<password>',
  name: 'Spring Boot password property',
  category: 'credentials',
  severity: 'high',
  keywords: ['spring.', 'spring_', 'datasource:'],
  pattern: re(
    `(?:${ci('spring')}[._]${rep('[A-Za-z0-9._-]', 1, 48)}[._]${ci('password')}|${ci('datasource')}:[ \\t]{0,4}(?:\\r?\\n|\\\\n)${optionalTimes(YAML_LINE, 6)}[ \\t]{1,16}${ci('password')})${ASSIGN}${OPEN_QUOTE}(${rep('[^\\s"\'`,;<>\\\\]', 4, 128)})`,
  ),
  valueGroup: 1,
  validate: (value) =>
    passwordValid(value) && !/^ENC\(/.test(value) && looksRandom(value, { minEntropy: 2, minClasses: 1 }),
  contextWords: ['spring', 'datasource', 'jdbc'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  description:
    'spring.datasource.password=..., SPRING_DATASOURCE_PASSWORD=..., or password: under datasource: in YAML.',
};

export const frameworkKeyDetectors: readonly Detector[] = [
  djangoSecretKey,
  flaskSecretKey,
  railsSecretKeyBase,
  railsMasterKey,
  laravelAppKey,
  wordpressSalt,
  phpDefinePassword,
  symfonyAppSecret,
  springPassword,
];
