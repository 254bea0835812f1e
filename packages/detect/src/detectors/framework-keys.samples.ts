import { ALNUM, chars, HEX } from '../../eval/random.ts';
import { plant } from './sample-kit.ts';
import type { FamilySamples, Rng } from './samples.ts';

const DJANGO = 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)';
const WP = `${ALNUM}!@#$%^&*()-_ []{}<>~+=,.;:/?|`;

/** 32 random bytes in base64, as `php artisan key:generate` writes them. */
function laravelKey(r: Rng): string {
  return Buffer.from(Array.from({ length: 32 }, () => Math.floor(r() * 256))).toString('base64');
}

export const samples: FamilySamples = {
  'django-secret-key': {
    truePositives: [
      (r) => plant('SECRET_KEY', (v) => `SECRET_KEY = '${v}'`, `django-insecure-${chars(r, DJANGO, 50)}`),
      (r) =>
        plant(
          'SECRET_KEY',
          (v) => `# SECURITY WARNING: keep the secret key used in production secret!\nSECRET_KEY = "${v}"`,
          chars(r, DJANGO, 50),
        ),
      (r) => plant('DJANGO_SECRET_KEY', (v) => `DJANGO_SECRET_KEY=${v}`, chars(r, DJANGO, 50)),
    ],
    nearMisses: [
      "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
      "SECRET_KEY = env('SECRET_KEY', default='change-me-in-production')",
    ],
  },
  'flask-secret-key': {
    truePositives: [
      (r) => plant('secret_key', (v) => `app.secret_key = b'${v}'`, chars(r, ALNUM, 32)),
      (r) => plant('SECRET_KEY', (v) => `app.config["SECRET_KEY"] = "${v}"`, chars(r, HEX, 48)),
    ],
    nearMisses: [
      'app.secret_key = os.urandom(24)',
      'app.config["SECRET_KEY"] = os.getenv("FLASK_SECRET_KEY")',
    ],
  },
  'rails-secret-key-base': {
    truePositives: [
      (r) => plant('secret_key_base', (v) => `production:\n  secret_key_base: ${v}`, chars(r, HEX, 128)),
      (r) => plant('SECRET_KEY_BASE', (v) => `SECRET_KEY_BASE=${v}`, chars(r, HEX, 128)),
    ],
    nearMisses: [
      'production:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>',
      'secret_key_base: 0000000000000000000000000000000000000000000000000000000000000000',
    ],
  },
  'rails-master-key': {
    truePositives: [
      (r) => plant('RAILS_MASTER_KEY', (v) => `RAILS_MASTER_KEY=${v}`, chars(r, HEX, 32)),
      (r) =>
        plant(
          'RAILS_MASTER_KEY',
          (v) => `env:\n  - name: RAILS_MASTER_KEY\n    value: ""\n  RAILS_MASTER_KEY: "${v}"`,
          chars(r, HEX, 32),
        ),
    ],
    nearMisses: [
      `RAILS_MASTER_KEY=\${{ secrets.RAILS_MASTER_KEY }}`,
      'RAILS_MASTER_KEY=<contents of config/master.key>',
    ],
  },
  'laravel-app-key': {
    truePositives: [
      (r) =>
        plant(
          'APP_KEY',
          (v) => `APP_NAME=Laravel\nAPP_ENV=production\nAPP_KEY=${v}`,
          `base64:${laravelKey(r)}`,
        ),
      (r) => plant('key', (v) => `'key' => env('APP_KEY', '${v}'),`, `base64:${laravelKey(r)}`),
    ],
    nearMisses: ['APP_KEY=', 'APP_KEY=base64:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  },
  'wordpress-salt': {
    truePositives: [
      (r) => plant('AUTH_KEY', (v) => `define( 'AUTH_KEY',         '${v}' );`, chars(r, WP, 64)),
      (r) => plant('NONCE_SALT', (v) => `define('NONCE_SALT', '${v}');`, chars(r, WP, 64)),
    ],
    nearMisses: [
      "define( 'AUTH_KEY',         'put your unique phrase here' );",
      "define( 'NONCE_SALT', getenv('NONCE_SALT') );",
    ],
  },
  'php-define-password': {
    truePositives: [
      (r) =>
        plant(
          'DB_PASSWORD',
          (v) => `/** Database password */\ndefine( 'DB_PASSWORD', '${v}' );`,
          `${chars(r, ALNUM, 14)}!9`,
        ),
      (r) => plant('SMTP_PASS', (v) => `define("SMTP_PASS", "${v}");`, chars(r, ALNUM, 16)),
    ],
    nearMisses: [
      "define( 'DB_PASSWORD', 'password_here' );",
      "define( 'DB_PASSWORD', getenv('DB_PASSWORD') );",
    ],
  },
  'symfony-app-secret': {
    truePositives: [
      (r) =>
        plant(
          'APP_SECRET',
          (v) => `###> symfony/framework-bundle ###\nAPP_ENV=prod\nAPP_SECRET=${v}`,
          chars(r, HEX, 32),
        ),
      (r) => plant('APP_SECRET', (v) => `APP_SECRET="${v}"`, chars(r, ALNUM, 32)),
    ],
    nearMisses: ["framework:\n    secret: '%env(APP_SECRET)%'", 'APP_SECRET='],
  },
  'spring-password': {
    truePositives: [
      (r) =>
        plant(
          'spring.datasource.password',
          (v) => `spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=${v}`,
          `${chars(r, ALNUM, 14)}#1`,
        ),
      (r) =>
        plant(
          'password',
          (v) =>
            `spring:\n  datasource:\n    url: jdbc:mysql://db:3306/app\n    username: app\n    password: ${v}\n`,
          `${chars(r, ALNUM, 12)}%7`,
        ),
      (r) =>
        plant(
          'SPRING_DATASOURCE_PASSWORD',
          (v) => `      - SPRING_DATASOURCE_PASSWORD=${v}`,
          chars(r, ALNUM, 18),
        ),
    ],
    nearMisses: [
      `spring.datasource.password=\${DB_PASSWORD}`,
      'spring.datasource.password=ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)',
    ],
  },
};
