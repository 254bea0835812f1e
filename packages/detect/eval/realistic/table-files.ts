import { ALNUM, BASE64, chars, DIGITS, HEX, int, LOWER, pick, type Rng } from '../random.ts';
import type { FileBuilder } from './labels.ts';
import * as s from './secrets.ts';

/*
 * Tables whose secrets are found only by their column's name: a pg_dump with COPY blocks, a
 * mysqldump with extended INSERTs, CSV and TSV exports, a JSON Lines audit log. Beside them, the
 * columns a name-based rule must leave alone: bcrypt hashes (a hash detector's), timestamps of
 * password changes, `token_type`, booleans, security questions and the placeholders of
 * redacted exports.
 */

const FIRST = ['anna', 'boris', 'chen', 'dara', 'emil', 'fatima', 'goran', 'hana', 'ivo', 'jana'];
const LAST = ['novak', 'schmidt', 'garcia', 'muller', 'rossi', 'kowalski', 'silva', 'dubois'];

const bcrypt = (r: Rng) => `$2b$12$${chars(r, `${ALNUM}./`, 53)}`;
const stamp = (r: Rng) =>
  `2024-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')} ${String(int(r, 0, 23)).padStart(2, '0')}:${int(r, 10, 59)}:${int(r, 10, 59)}`;
const email = (f: FileBuilder, domain = 'example-mail.com') =>
  f.pii(`${pick(f.rng, FIRST)}.${pick(f.rng, LAST)}${int(f.rng, 1, 99)}@${domain}`, 'email');
/** Rails `has_secure_token`: 24 base58 characters. */
const secureToken = (r: Rng) => chars(r, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 24);
/** Laravel `remember_token`: 60 alphanumerics. */
const rememberToken = (r: Rng) => chars(r, ALNUM, 60);

/** `pg_dump --data-only`-style COPY blocks: tab-separated rows, `\N` for NULL, `\.` ends each. */
export function pgDump(f: FileBuilder): string {
  const r = f.rng;
  const users = Array.from({ length: 8 }, (_, i) => {
    const hash = f.plant(bcrypt(r), 'password hash', ['bcrypt-hash']);
    const token = i % 3 === 2 ? '\\N' : f.plant(secureToken(r), 'token in a column');
    const reset = i === 4 ? f.plant(chars(r, `${ALNUM}-_`, 43), 'token in a column') : '\\N';
    const expires = reset === '\\N' ? '\\N' : `${stamp(r)}+00`;
    return [
      i + 1,
      email(f),
      hash,
      `${stamp(r)}+00`,
      i % 4 === 3 ? 'f' : 't',
      token,
      reset,
      expires,
      pick(r, ['What was the name of your first pet?', 'In which city were you born?']),
    ].join('\t');
  });
  const sessions = Array.from({ length: 5 }, (_, i) =>
    [
      chars(r, DIGITS, 6),
      i + 1,
      f.plant(s.uuid(r), 'session token (uuid)'),
      'bearer',
      `${stamp(r)}+00`,
      `Mozilla/5.0 (X11; Linux x86_64) Firefox/${int(r, 110, 125)}.0`,
    ].join('\t'),
  );
  const clients = Array.from({ length: 3 }, (_, i) =>
    [
      i + 1,
      pick(r, ['billing-sync', 'crm-export', 'mobile-app']),
      chars(r, `${LOWER}${DIGITS}`, 20),
      f.plant(chars(r, `${ALNUM}`, 40), 'client secret in a column'),
      `https://${pick(r, ['crm', 'billing', 'app'])}.example-corp.io/oauth/callback`,
      't',
    ].join('\t'),
  );
  return `--
-- PostgreSQL database dump
--

-- Dumped from database version 16.1 (Debian 16.1-1.pgdg120+1)
-- Dumped by pg_dump version 16.1 (Debian 16.1-1.pgdg120+1)

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: portal
--

COPY public.users (id, email, password_hash, password_changed_at, has_password, api_token, reset_password_token, reset_token_expires, secret_question) FROM stdin;
${users.join('\n')}
\\.


--
-- Data for Name: sessions; Type: TABLE DATA; Schema: public; Owner: portal
--

COPY public.sessions (id, user_id, session_token, token_type, expires_at, user_agent) FROM stdin;
${sessions.join('\n')}
\\.


--
-- Data for Name: oauth_clients; Type: TABLE DATA; Schema: public; Owner: portal
--

COPY public.oauth_clients (id, name, client_id, client_secret, redirect_uri, confidential) FROM stdin;
${clients.join('\n')}
\\.


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: portal
--

SELECT pg_catalog.setval('public.users_id_seq', ${int(r, 9, 400)}, true);

--
-- PostgreSQL database dump complete
--
`;
}

/** `mysqldump` with extended INSERTs: column names only in CREATE TABLE, or listed (`--complete-insert`). */
export function mysqlDump(f: FileBuilder): string {
  const r = f.rng;
  const customers = Array.from({ length: 6 }, (_, i) => {
    const password =
      i % 3 === 1 ? "''" : `'${f.plant(s.password(r).replace(/['\\]/g, ''), 'password in a column')}'`;
    return `(${i + 1},'${email(f, 'shop-mail.net')}',${password},${i % 2 === 0 ? `'${f.plant(rememberToken(r), 'token in a column')}'` : 'NULL'},${i % 2},'${stamp(r)}')`;
  });
  const keys = Array.from({ length: 3 }, (_, i) => {
    const secret = f.plant(chars(r, HEX, 64), 'secret in a column');
    return `(${i + 1},'${pick(r, ['Shopify sync', 'ERP bridge', 'Mailer'])}','${f.plant(chars(r, ALNUM, 32), 'api key in a column')}','${secret}','read_write',NULL,'${stamp(r)}')`;
  });
  return `-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: db-primary    Database: shop
-- ------------------------------------------------------
-- Server version\t8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

--
-- Table structure for table \`customers\`
--

DROP TABLE IF EXISTS \`customers\`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
CREATE TABLE \`customers\` (
  \`id\` int unsigned NOT NULL AUTO_INCREMENT,
  \`email\` varchar(191) NOT NULL,
  \`password\` varchar(255) NOT NULL DEFAULT '',
  \`remember_token\` varchar(100) DEFAULT NULL,
  \`is_admin\` tinyint(1) NOT NULL DEFAULT '0',
  \`updated_at\` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`customers_email_unique\` (\`email\`)
) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--
-- Dumping data for table \`customers\`
--

LOCK TABLES \`customers\` WRITE;
/*!40000 ALTER TABLE \`customers\` DISABLE KEYS */;
INSERT INTO \`customers\` VALUES ${customers.join(',')};
/*!40000 ALTER TABLE \`customers\` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping data for table \`api_credentials\`
--

LOCK TABLES \`api_credentials\` WRITE;
INSERT INTO \`api_credentials\` (\`id\`, \`label\`, \`api_key\`, \`api_secret\`, \`scope\`, \`revoked_at\`, \`created_at\`) VALUES ${keys.join(',')};
UNLOCK TABLES;

--
-- Dumping data for table \`password_resets\`
--

LOCK TABLES \`password_resets\` WRITE;
INSERT INTO \`password_resets\` (\`email\`, \`token\`, \`created_at\`) VALUES ('${email(f, 'shop-mail.net')}','${f.plant(bcrypt(r), 'password hash', ['bcrypt-hash'])}','${stamp(r)}');
UNLOCK TABLES;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;

-- Dump completed on 2024-11-12 03:00:01
`;
}

/** A user export from an admin panel: plaintext passwords of a legacy import, and redactions. */
export function adminUsersCsv(f: FileBuilder): string {
  const r = f.rng;
  const rows = [
    'id,email,display_name,password,password_hash,password_changed_at,has_password,secret_question,role,last_login_at',
  ];
  for (let i = 0; i < 10; i++) {
    const password = pick(r, [
      () => f.plant(s.password(r).replace(/[,"]/g, ''), 'password in a column'),
      () => f.plant(s.password(r).replace(/[,"]/g, ''), 'password in a column'),
      () => '',
      () => '********',
      () => 'REDACTED',
      () => 'changeme',
    ])();
    const first = pick(r, FIRST);
    rows.push(
      [
        1000 + i,
        email(f, pick(r, ['gmail.com', 'outlook.com', 'example-corp.io'])),
        `"${first[0]!.toUpperCase()}${first.slice(1)} ${pick(r, LAST)}"`,
        password,
        f.plant(bcrypt(r), 'password hash', ['bcrypt-hash']),
        stamp(r),
        pick(r, ['true', 'false']),
        pick(r, ['"Name of your first school?"', 'Favourite teacher', '']),
        pick(r, ['admin', 'editor', 'viewer']),
        stamp(r),
      ].join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** A TSV of API clients exported from a developer portal. */
export function apiClientsTsv(f: FileBuilder): string {
  const r = f.rng;
  const rows = [
    'client_id\tclient_name\tclient_secret\taccess_token\ttoken_type\texpires_in\tscopes\tcreated_at',
  ];
  for (let i = 0; i < 6; i++) {
    rows.push(
      [
        `${chars(r, DIGITS, 12)}.apps.example-corp.io`,
        pick(r, ['Reporting', 'Zapier', 'iOS app', 'Data warehouse']),
        f.plant(chars(r, `${ALNUM}-_`, 32), 'client secret in a column'),
        i === 2 ? '' : f.plant(`at_${chars(r, BASE64.replace(/[+/]/g, ''), 36)}`, 'token in a column'),
        'Bearer',
        3600,
        'read:orders write:orders',
        stamp(r),
      ].join('\t'),
    );
  }
  return `${rows.join('\n')}\n`;
}

/** A JSON Lines audit log: credential changes with their new values, and events that only name them. */
export function auditJsonl(f: FileBuilder): string {
  const r = f.rng;
  const lines: unknown[] = [];
  for (let i = 0; i < 14; i++) {
    const ts = `2024-11-${10 + (i % 18)}T0${i % 10}:${int(r, 10, 59)}:${int(r, 10, 59)}Z`;
    const actor = { id: int(r, 1, 900), email: email(f, 'example-corp.io') };
    lines.push(
      pick(r, [
        () => ({
          ts,
          actor,
          action: 'user.login',
          ip: f.pii(`10.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`, 'ipv4-address'),
          result: 'ok',
        }),
        () => ({
          ts,
          actor,
          action: 'password.changed',
          target: { user_id: int(r, 1, 900) },
          password_changed_at: ts,
        }),
        () => ({ ts, actor, action: 'token.revoked', token_id: s.uuid(r), token_type: 'personal_access' }),
      ])(),
    );
  }
  lines.splice(3, 0, {
    ts: '2024-11-12T08:14:03Z',
    actor: { id: 7, email: email(f, 'example-corp.io') },
    action: 'integration.created',
    payload: {
      name: 'warehouse',
      api_key: f.plant(chars(r, ALNUM, 40), 'api key in a column'),
      enabled: true,
    },
  });
  lines.splice(9, 0, {
    ts: '2024-11-13T10:01:44Z',
    actor: { id: 2, email: email(f, 'example-corp.io') },
    action: 'user.created',
    payload: {
      username: 'svc-backup',
      password: f.plant(s.password(r), 'password in a column'),
      has_password: true,
    },
  });
  return `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
}
