import type { Detector } from '../types.ts';
import { passwordValid } from './databases.ts';
import { ci, optionalTimes, reAlternatives, rep } from './pattern-kit.ts';

/**
 * Options before the one that carries the secret (`-u root`, `-h db.internal`, `--port=3306`,
 * `-s`): up to six, each a flag with an optional value, so a long command is read to its secret.
 */
const OPTIONS = optionalTimes(
  `[ \\t]{1,4}-{1,2}[A-Za-z]${rep('[A-Za-z-]', 0, 23)}(?:[ \\t=]{1,4}[^\\s'"-]${rep('[^\\s]', 0, 63)})?`,
  6,
);

/**
 * A shell word as the value (group 1 of whichever form matched): `'quoted'`, `"quoted"` (also
 * escaped inside a JSON string, `\"...\"`, or doubled inside a CSV cell, `""...""`) or bare.
 */
const SHELL_WORD = `(?:'(${rep("[^'\\n]", 3, 64)})'|\\\\?""?(${rep('[^"\\\\\\n]', 3, 64)})\\\\?""?|(${rep('[^\\s\'"`;|&,\\\\]', 3, 64)}))`;

/** A user name before `:password`. */
const USER = rep('[^\\s:\'"]', 1, 64);

/** A password written out: a value with a letter or digit, not a placeholder or a variable (`$X`, `%X%`, `<x>`, `{x}`). */
export const literalPasswordValid = (value: string) => passwordValid(value) && !/^[$%<{]/.test(value);

/**
 * A password run into MySQL's `-p` option (`mysql -u root -pS3cret db`), as shell histories,
 * cron lines, CI scripts and backup scripts keep it. `-p` alone prompts and holds nothing.
 */
export const mysqlCommandPassword: Detector = {
  id: 'mysql-command-password',
  name: 'MySQL command-line password',
  category: 'credentials',
  severity: 'high',
  keywords: ['mysql', 'mariadb'],
  pattern: reAlternatives(
    `\\b(?:mysql(?:dump|admin|import|check|sh)?|mariadb(?:-dump)?)${OPTIONS}[ \\t]{1,4}-p${SHELL_WORD}`,
  ),
  valueGroup: 1,
  validate: literalPasswordValid,
  contextWords: ['backup', 'cron', 'dump'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  validator: 'not a placeholder or variable',
  example: '`mysql` (or `mysqldump`, `mariadb`) options, then `-p` run into the password',
  description: 'A MySQL or MariaDB password given on the command line with -p<password>.',
};

/**
 * A password given to curl as `-u user:password` or `--user user:password` (HTTP basic
 * credentials in a script, a README or a shell history).
 */
export const curlUserPassword: Detector = {
  id: 'curl-user-password',
  name: 'curl user password',
  category: 'credentials',
  severity: 'high',
  keywords: ['curl'],
  pattern: reAlternatives(
    `\\b${ci('curl')}${OPTIONS}[ \\t]{1,4}(?:-u|--user)[ \\t=]{1,4}(?:'${USER}:(${rep("[^'\\n]", 3, 64)})'|\\\\?""?${USER}:(${rep('[^"\\\\\\n]', 3, 64)})\\\\?""?|${USER}:(${rep('[^\\s\'"@;|&]', 3, 64)}))`,
  ),
  valueGroup: 1,
  validate: literalPasswordValid,
  contextWords: ['api', 'basic', 'jenkins'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  validator: 'not a placeholder or variable',
  example: '`curl` options, then `-u` or `--user` and a user, a colon and the password',
  description: 'HTTP basic credentials given to curl with -u user:password.',
};

/**
 * A registry password given to `docker login` (or podman, buildah, nerdctl, skopeo, `helm
 * registry login`) with `-p` or `--password`, as CI files and deploy scripts write it.
 * `--password-stdin` reads it from a pipe and holds nothing.
 */
export const dockerLoginPassword: Detector = {
  id: 'docker-login-password',
  name: 'docker login password',
  category: 'credentials',
  severity: 'high',
  keywords: ['login'],
  pattern: reAlternatives(
    `\\b(?:docker|podman|buildah|nerdctl|skopeo|helm[ \\t]{1,4}registry)[ \\t]{1,4}login${OPTIONS}[ \\t]{1,4}(?:-p|--password)(?: {1,4}|=)${SHELL_WORD}`,
  ),
  valueGroup: 1,
  validate: literalPasswordValid,
  contextWords: ['deploy', 'release', 'publish'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  validator: 'not a placeholder or variable',
  example:
    '`docker login` (or podman, helm registry, ...) options, then `-p` or `--password` and the password',
  description: 'A container registry password given on the command line to docker login or a peer.',
};

/**
 * A password on the command line of `sshpass -p`, `redis-cli -a` or `mongosh`/`mongo` `-p`:
 * shell histories and scripts keep them.
 */
export const commandLinePassword: Detector = {
  id: 'command-line-password',
  name: 'Command-line password',
  category: 'credentials',
  severity: 'high',
  keywords: ['sshpass', 'redis-cli', 'mongo'],
  pattern: reAlternatives(
    `\\b(?:sshpass|redis-cli|mongo(?:sh|dump|restore|import|export)?)${OPTIONS}[ \\t]{1,4}(?:-p|-a|--pass(?:word)?)(?: {1,4}|=)${SHELL_WORD}`,
  ),
  valueGroup: 1,
  validate: literalPasswordValid,
  contextWords: ['deploy', 'backup', 'cron'],
  baseConfidence: 0.8,
  mask: { keepStart: 1, keepEnd: 1 },
  validator: 'not a placeholder or variable',
  example: '`sshpass`, `redis-cli` or `mongosh` options, then `-p`, `-a` or `--password` and the password',
  description: 'A password given to sshpass, redis-cli or the MongoDB shell on the command line.',
};

/**
 * A password set on a server's command line: `redis-server --requirepass X` (`--masterauth`),
 * as compose files and unit files write it, and `htpasswd -b` (batch mode takes the password as
 * an argument: `htpasswd -nbB user X`, `htpasswd -b .htpasswd user X`).
 */
export const serverCommandPassword: Detector = {
  id: 'server-command-password',
  name: 'Server command-line password',
  category: 'credentials',
  severity: 'high',
  keywords: ['--requirepass', '--masterauth', 'htpasswd'],
  pattern: reAlternatives(
    [
      `\\bredis-server(?:[ \\t]{1,4}[^\\s-]${rep('[^\\s]', 0, 127)})?${OPTIONS}[ \\t]{1,4}--(?:requirepass|masterauth)[ \\t]{1,4}${SHELL_WORD}`,
      `\\bhtpasswd[ \\t]{1,4}-(?:[A-Za-z]*n[A-Za-z]*b|[A-Za-z]*b[A-Za-z]*n)[A-Za-z]*[ \\t]{1,4}${USER}[ \\t]{1,4}${SHELL_WORD}`,
      `\\bhtpasswd[ \\t]{1,4}-[A-Za-mo-z]*b[A-Za-mo-z]*[ \\t]{1,4}[^\\s-]${rep('[^\\s]', 0, 255)}[ \\t]{1,4}${USER}[ \\t]{1,4}${SHELL_WORD}`,
    ].join('|'),
  ),
  valueGroup: 1,
  validate: literalPasswordValid,
  contextWords: ['compose', 'execstart', 'nginx', 'apache'],
  baseConfidence: 0.85,
  mask: { keepStart: 1, keepEnd: 1 },
  validator: 'not a placeholder or variable',
  example: 'redis-server with --requirepass, or htpasswd with -b, then the password',
  description: 'A password set on the command line of redis-server or htpasswd in batch mode.',
};

export const commandLineDetectors: readonly Detector[] = [
  mysqlCommandPassword,
  curlUserPassword,
  dockerLoginPassword,
  commandLinePassword,
  serverCommandPassword,
];
